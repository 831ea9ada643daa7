// Writes the inputs and outputs tables of action.yml into README.md, between
//   <!-- action-docs:start … -->  and  <!-- action-docs:end -->
// so the README never disagrees with what the runner reads.
//
//   node scripts/update-action-docs.mjs            rewrite the block
//   node scripts/update-action-docs.mjs --check    exit 1 when README.md is stale (CI)
//   --readme PATH / --action PATH                  other files (tests)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const START = /<!-- action-docs:start[^\n]*?-->/
const END = '<!-- action-docs:end -->'
const SELF = 'node scripts/update-action-docs.mjs'

/**
 * Table-cell text: one line, pipes escaped everywhere (even in code spans, as GitHub tables need),
 * and `*` and `<` escaped outside code spans so `*.yaml/*.yml` is not read as emphasis.
 */
function cell(text) {
  const line = String(text)
    .trim()
    .replace(/\s*\n\s*/g, ' ')
  return line
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/[*<]/g, (c) => `\\${c}`)))
    .join('')
    .replace(/\|/g, '\\|')
}

/** A default as the user would type it; an empty string is shown as such rather than as nothing. */
function defaultCell(input) {
  if (!Object.hasOwn(input, 'default')) return ''
  const value = String(input.default)
  return value === '' ? '`""`' : `\`${value.replace(/\|/g, '\\|')}\``
}

function entries(section, file, what) {
  if (section === undefined || section === null) return []
  if (typeof section !== 'object' || Array.isArray(section)) throw new Error(`${file}: ${what} must be a mapping of names to definitions`)
  return Object.entries(section).map(([name, def]) => {
    if (typeof def !== 'object' || def === null || typeof def.description !== 'string') {
      throw new Error(`${file}: ${what}.${name} needs a description`)
    }
    return [name, def]
  })
}

/** The Markdown between the markers, from action.yml's text. */
export function renderActionDocs(actionYaml, file = 'action.yml') {
  const action = parse(actionYaml)
  if (typeof action !== 'object' || action === null) throw new Error(`${file}: not a YAML mapping`)
  const lines = ['### Inputs', '', '| name | description | default | required |', '|---|---|---|---|']
  for (const [name, input] of entries(action.inputs, file, 'inputs')) {
    lines.push(`| \`${name}\` | ${cell(input.description)} | ${defaultCell(input)} | ${input.required === true ? 'yes' : 'no'} |`)
  }
  lines.push('', '### Outputs', '', '| name | description |', '|---|---|')
  for (const [name, output] of entries(action.outputs, file, 'outputs')) {
    lines.push(`| \`${name}\` | ${cell(output.description)} |`)
  }
  return lines.join('\n')
}

/** README with the block replaced; the marker lines themselves are kept as written. */
export function replaceBlock(readme, block, file = 'README.md') {
  const start = START.exec(readme)
  const end = readme.indexOf(END)
  if (!start || end === -1 || end < start.index) {
    throw new Error(`${file} has no '<!-- action-docs:start -->' … '${END}' block; add both markers where the tables belong`)
  }
  const from = start.index + start[0].length
  return `${readme.slice(0, from)}\n${block}\n${readme.slice(end)}`
}

function option(args, name, fallback) {
  const at = args.indexOf(name)
  if (at === -1) return fallback
  const value = args[at + 1]
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a path`)
  return value
}

function main(args) {
  const readmePath = option(args, '--readme', join(root, 'README.md'))
  const actionPath = option(args, '--action', join(root, 'action.yml'))
  const show = (p) => relative(process.cwd(), p) || p
  const readme = readFileSync(readmePath, 'utf8')
  const updated = replaceBlock(readme, renderActionDocs(readFileSync(actionPath, 'utf8'), show(actionPath)), show(readmePath))
  if (args.includes('--check')) {
    if (updated !== readme) {
      process.stderr.write(`${show(readmePath)} is stale: its inputs and outputs tables differ from ${show(actionPath)}. Run '${SELF}' and commit README.md.\n`)
      return 1
    }
    process.stdout.write(`${show(readmePath)} matches ${show(actionPath)}\n`)
    return 0
  }
  if (updated !== readme) writeFileSync(readmePath, updated)
  process.stdout.write(updated === readme ? `${show(readmePath)} already up to date\n` : `updated ${show(readmePath)}\n`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`update-action-docs: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
