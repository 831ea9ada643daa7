// Validates every AOF YAML file of a corpus (by default /work/shared/aof-corpus, a copy of AOF's own
// example files) on its own, through the built CLI (`dist/cli/index.js validate <file>`), and prints
// how many load cleanly, load with warnings, or fail, with each failure's messages. Not part of
// `npm test`: it measures compatibility with real AOF files, it does not gate a change.
//
//   node scripts/validate-corpus.mjs [corpus-dir] [--markdown]
//
// Each file is validated with the corpus directory as the working directory and an environment
// without secrets, as a fresh checkout would be. Failures whose messages name a fleet coordination
// mode or a model provider are counted apart ("other branch"): those are fixed where fleets and
// providers are implemented, not in the loader.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const markdown = args.includes('--markdown')
const corpus = args.find((a) => !a.startsWith('--')) ?? '/work/shared/aof-corpus'
const cli = join(root, 'dist', 'cli', 'index.js')

function yamlFiles(dir) {
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path))
    else if (/\.ya?ml$/.test(name)) out.push(path)
  }
  return out
}

const FLEET_MODE = /coordination\.mode (hierarchical|swarm|tiered|deep)|manager_synthesis/
const PROVIDER = /\b(openai|azure|groq|ollama|bedrock)\b/i

/** Only PATH and HOME: no GITHUB_TOKEN or model keys, as a checkout's `validate` would see. */
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }

const rows = []
for (const file of yamlFiles(corpus)) {
  const rel = relative(corpus, file)
  const run = spawnSync(process.execPath, [cli, 'validate', rel], { cwd: corpus, env, encoding: 'utf8' })
  const lines = (run.stdout ?? '').split('\n').filter(Boolean)
  const errors = lines.filter((l) => /: error: /.test(l))
  const warnings = lines.filter((l) => /: warning: /.test(l))
  const summary = lines.at(-1) ?? ''
  let verdict
  if (run.status !== 0) {
    const text = errors.join('\n') || (run.stderr ?? '').trim() || summary
    verdict = FLEET_MODE.test(text) && errors.every((e) => FLEET_MODE.test(e)) ? 'fail: fleet mode (other branch)' : 'fail'
    if (verdict === 'fail' && errors.length > 0 && errors.every((e) => PROVIDER.test(e))) verdict = 'fail: provider (other branch)'
  } else verdict = warnings.length > 0 ? 'loads with warnings' : 'loads'
  rows.push({ file: rel, verdict, errors, warnings, summary, stderr: run.status !== 0 && errors.length === 0 ? (run.stderr ?? '').trim() : '' })
}

const counts = new Map()
for (const row of rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1)
const order = ['loads', 'loads with warnings', 'fail: fleet mode (other branch)', 'fail: provider (other branch)', 'fail']
const out = []
if (markdown) {
  out.push(`| verdict | files |`, `|---|---|`)
  for (const verdict of order) out.push(`| ${verdict} | ${counts.get(verdict) ?? 0} |`)
  out.push(`| total | ${rows.length} |`, '')
  out.push('Failures:', '')
  for (const row of rows.filter((r) => r.verdict.startsWith('fail'))) {
    out.push(`- \`${row.file}\` (${row.verdict}):`)
    const lines = row.errors.length > 0 ? row.errors : [row.stderr || row.summary]
    // The first two messages say what is wrong; a file with forty of one kind is not forty findings.
    for (const line of lines.slice(0, 2)) out.push(`  - ${line.replace(/^[^:]+:/, 'line ').replace(/\|/g, '\\|')}`)
    if (lines.length > 2) out.push(`  - and ${lines.length - 2} more`)
  }
} else {
  for (const verdict of order) out.push(`${verdict}: ${counts.get(verdict) ?? 0}`)
  out.push(`total: ${rows.length}`, '')
  for (const row of rows.filter((r) => r.verdict.startsWith('fail'))) {
    out.push(`${row.file} (${row.verdict})`)
    for (const line of row.errors.length > 0 ? row.errors : [row.stderr || row.summary]) out.push(`  ${line}`)
  }
}
process.stdout.write(out.join('\n') + '\n')
