// Validates every AOF YAML file of a corpus (by default /work/shared/aof-corpus, a copy of AOF's own
// example files) on its own, through the built CLI (`dist/cli/index.js validate <file>`), and prints
// how many load whole, load with something skipped, or fail, with the messages of each. Not part of
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

function validate(rel, strict) {
  const run = spawnSync(process.execPath, [cli, 'validate', rel, ...(strict ? ['--strict'] : [])], { cwd: corpus, env, encoding: 'utf8' })
  const lines = (run.stdout ?? '').split('\n').filter(Boolean)
  return { status: run.status, errors: lines.filter((l) => /: error: /.test(l)), stderr: (run.stderr ?? '').trim(), summary: lines.at(-1) ?? '' }
}

/** Which other branch a problem waits for, if any. */
function blockedOn(lines) {
  if (lines.length > 0 && lines.every((e) => FLEET_MODE.test(e))) return 'fleet mode (other branch)'
  if (lines.length > 0 && lines.every((e) => PROVIDER.test(e))) return 'provider (other branch)'
  return null
}

// "loads": everything in the file loads (notices and warnings allowed). "part skipped": the file
// loads, but something in it is skipped with a warning (`validate --strict` would fail). "fails":
// plain `validate` exits non-zero (an error no event can get past).
const rows = []
for (const file of yamlFiles(corpus)) {
  const rel = relative(corpus, file)
  const plain = validate(rel, false)
  const strict = plain.status === 0 ? validate(rel, true) : plain
  let verdict
  let problems
  if (plain.status !== 0) {
    problems = plain.errors.length > 0 ? plain.errors : [plain.stderr || plain.summary]
    const other = blockedOn(plain.errors)
    verdict = other ? `fails: ${other}` : 'fails'
  } else if (strict.status !== 0) {
    problems = strict.errors
    const other = blockedOn(strict.errors)
    verdict = other ? `part skipped: ${other}` : 'part skipped'
  } else {
    problems = []
    verdict = 'loads'
  }
  rows.push({ file: rel, verdict, problems })
}

const counts = new Map()
for (const row of rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1)
const order = [
  'loads',
  'part skipped',
  'part skipped: fleet mode (other branch)',
  'part skipped: provider (other branch)',
  'fails',
  'fails: fleet mode (other branch)',
  'fails: provider (other branch)'
]
const shown = rows.filter((r) => r.verdict !== 'loads')
const out = []
if (markdown) {
  out.push(`| verdict | files |`, `|---|---|`)
  for (const verdict of order) out.push(`| ${verdict} | ${counts.get(verdict) ?? 0} |`)
  out.push(`| total | ${rows.length} |`, '')
  out.push('Files not loading whole:', '')
  for (const row of shown) {
    out.push(`- \`${row.file}\` (${row.verdict}):`)
    // The first two messages say what is wrong; a file with forty of one kind is not forty findings.
    for (const line of row.problems.slice(0, 2)) out.push(`  - ${line.replace(/^[^:]+:/, 'line ').replace(/\|/g, '\\|')}`)
    if (row.problems.length > 2) out.push(`  - and ${row.problems.length - 2} more`)
  }
} else {
  for (const verdict of order) out.push(`${verdict}: ${counts.get(verdict) ?? 0}`)
  out.push(`total: ${rows.length}`, '')
  for (const row of shown) {
    out.push(`${row.file} (${row.verdict})`)
    for (const line of row.problems) out.push(`  ${line}`)
  }
}
process.stdout.write(out.join('\n') + '\n')
