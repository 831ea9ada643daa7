// Writes the folder-level import graph of src/ into docs/architecture.md, between
//   <!-- architecture-graph:start … -->  and  <!-- architecture-graph:end -->
// as a Mermaid diagram, from dependency-cruiser's reading of the imports (the same reading
// `npm run lint` checks against .dependency-cruiser.cjs), so the picture is never out of date.
//
//   node scripts/update-architecture-graph.mjs            rewrite the block
//   node scripts/update-architecture-graph.mjs --check    exit 1 when docs/architecture.md is stale (CI)
//   --doc PATH                                            another file (tests)
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const START = /<!-- architecture-graph:start[^\n]*?-->/
const END = '<!-- architecture-graph:end -->'
const SELF = 'node scripts/update-architecture-graph.mjs'
/** The files directly in src/ (index.ts, cli.ts, main.ts) are drawn as one node. */
const ENTRIES = 'entries'

/** dependency-cruiser's JSON for src/, whatever its verdict (lint reports violations; this draws). */
function cruise() {
  const bin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
  const run = spawnSync(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (run.error) throw run.error
  try {
    return JSON.parse(run.stdout)
  } catch {
    throw new Error(`depcruise gave no JSON (exit ${run.status}): ${run.stderr.trim() || run.stdout.slice(0, 500)}`)
  }
}

/** `src/route/x.ts` -> `route`; `src/main.ts` -> entries; outside src/ -> null. */
function folderOf(path) {
  const match = /^src\/(?:([^/]+)\/)?[^/]+$/.exec(path) ?? /^src\/([^/]+)\//.exec(path)
  if (!match) return null
  return match[1] ?? ENTRIES
}

/**
 * Folder -> folder edges of src/. An edge is `type` when every import along it is `import type`
 * (it vanishes from the bundle, but still couples the folders for a reader).
 */
export function folderEdges(result) {
  const edges = new Map()
  for (const module of result.modules) {
    const from = folderOf(module.source)
    if (from === null) continue
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved)
      if (to === null || to === from) continue
      const key = `${from} ${to}`
      const typeOnly = dependency.dependencyTypes.includes('type-only')
      const edge = edges.get(key) ?? { from, to, typeOnly: true }
      edge.typeOnly &&= typeOnly
      edges.set(key, edge)
    }
  }
  return [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}

/** The shortest path of edges from `from` to `to`, or null. */
function path(edges, from, to) {
  const before = new Map([[from, null]])
  const queue = [from]
  while (queue.length > 0) {
    const node = queue.shift()
    if (node === to) {
      const nodes = [to]
      for (let at = before.get(to); at !== null; at = before.get(at)) nodes.unshift(at)
      return nodes
    }
    for (const edge of edges) {
      if (edge.from === node && !before.has(edge.to)) {
        before.set(edge.to, node)
        queue.push(edge.to)
      }
    }
  }
  return null
}

/**
 * The Markdown between the markers. `mayImport`: .dependency-cruiser.cjs's lists; an edge outside
 * them (lint fails on it) is drawn red with the cycle it closes.
 */
export function renderGraph(result, mayImport) {
  const edges = folderEdges(result)
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort((a, b) => (a === ENTRIES ? -1 : b === ENTRIES ? 1 : a.localeCompare(b)))
  const against = (edge) => edge.from !== ENTRIES && !(mayImport[edge.from] ?? []).includes(edge.to)
  const lines = ['```mermaid', 'flowchart TD']
  for (const node of nodes) lines.push(node === ENTRIES ? `  ${ENTRIES}["index.ts, cli.ts, main.ts"]` : `  ${node}["${node}/"]`)
  const red = []
  edges.forEach((edge, at) => {
    lines.push(`  ${edge.from} ${edge.typeOnly ? '-.->' : '-->'} ${edge.to}`)
    if (against(edge)) red.push(at)
  })
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#d33,stroke-width:2px`)
  lines.push('```', '')
  lines.push('Solid: imported at run time. Dotted: `import type` only (gone from the bundle, still a dependency for a reader).')
  const closing = edges.filter(against)
  if (closing.length === 0) {
    lines.push('No folder imports a folder that imports it.')
  } else {
    lines.push('Red: imports against the rules above, each closing a cycle (lint fails until the code moves):')
    lines.push('')
    const allowed = edges.filter((e) => !against(e))
    for (const edge of closing) {
      const back = path(allowed, edge.to, edge.from)
      const cycle = back ? [edge.from, ...back].map((f) => `${f}/`).join(' → ') : `${edge.from}/ → ${edge.to}/`
      lines.push(`- ${cycle}${edge.typeOnly ? ' (type-only)' : ''}`)
    }
  }
  return lines.join('\n')
}

/** The document with the block replaced; the marker lines themselves are kept as written. */
export function replaceBlock(doc, block, file = 'docs/architecture.md') {
  const start = START.exec(doc)
  const end = doc.indexOf(END)
  if (!start || end === -1 || end < start.index) {
    throw new Error(`${file} has no '<!-- architecture-graph:start -->' … '${END}' block; add both markers where the graph belongs`)
  }
  const from = start.index + start[0].length
  return `${doc.slice(0, from)}\n${block}\n${doc.slice(end)}`
}

function main(args) {
  const at = args.indexOf('--doc')
  const docPath = at === -1 ? join(root, 'docs', 'architecture.md') : args[at + 1]
  if (docPath === undefined || docPath.startsWith('--')) throw new Error('--doc needs a path')
  const show = (p) => relative(process.cwd(), p) || p
  const doc = readFileSync(docPath, 'utf8')
  replaceBlock(doc, '', show(docPath)) // no markers: say so before the slower cruise
  const { MAY_IMPORT } = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')).architecture
  const updated = replaceBlock(doc, renderGraph(cruise(), MAY_IMPORT), show(docPath))
  if (args.includes('--check')) {
    if (updated !== doc) {
      process.stderr.write(`${show(docPath)} is stale: its folder graph differs from the imports in src/. Run '${SELF}' and commit it.\n`)
      return 1
    }
    process.stdout.write(`${show(docPath)} matches the imports in src/\n`)
    return 0
  }
  if (updated !== doc) writeFileSync(docPath, updated)
  process.stdout.write(updated === doc ? `${show(docPath)} already up to date\n` : `updated ${show(docPath)}\n`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`update-architecture-graph: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
