// scripts/update-architecture-graph.mjs, run as CI and developers run it: a child process on a copy
// of docs/architecture.md.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCRIPT = path.join(ROOT, 'scripts/update-architecture-graph.mjs')

function run(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })
}

describe('update-architecture-graph', () => {
  it('writes the folder graph between the markers, and --check then passes', () => {
    const doc = path.join(mkdtempSync(path.join(tmpdir(), 'arch-')), 'architecture.md')
    writeFileSync(doc, '# A\n\n<!-- architecture-graph:start (kept as written) -->\nold\n<!-- architecture-graph:end -->\n\nafter\n')

    expect(run('--doc', doc, '--check')).toMatchObject({ status: 1, stderr: expect.stringContaining('is stale') })
    expect(run('--doc', doc).status).toBe(0)

    const written = readFileSync(doc, 'utf8')
    expect(written).toMatch(/^# A\n\n<!-- architecture-graph:start \(kept as written\) -->\n```mermaid\nflowchart TD\n/)
    expect(written).toMatch(/^ {2}route -\.?-> config$/m) // route/ reads config's types at least
    expect(written).toContain('  entries["index.ts, cli.ts, main.ts"]\n')
    expect(written).not.toContain('old\n')
    expect(written.endsWith('<!-- architecture-graph:end -->\n\nafter\n')).toBe(true)
    expect(run('--doc', doc, '--check').status).toBe(0)
  })

  it('says where the markers go when the document has none', () => {
    const doc = path.join(mkdtempSync(path.join(tmpdir(), 'arch-')), 'architecture.md')
    writeFileSync(doc, '# No markers\n')
    expect(run('--doc', doc)).toMatchObject({ status: 1, stderr: expect.stringContaining("has no '<!-- architecture-graph:start -->'") })
  })
})
