// scripts/update-action-docs.mjs, run as CI and developers run it: a child process on files.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCRIPT = path.join(ROOT, 'scripts/update-action-docs.mjs')

const ACTION = `name: test
description: test
inputs:
  token:
    description: A token.
    required: true
  mode:
    description: |-
      Either \`a|b\` or c,
      on two lines.
    default: a
  empty:
    description: Nothing by default; reads *.yaml files.
    default: ''
outputs:
  done:
    description: Whether it ran.
runs:
  using: node24
  main: dist/index.js
`

const README = `# title

<!-- action-docs:start (generated) -->
old table
<!-- action-docs:end -->

after
`

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function scratch(readme: string): { readme: string; action: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'action-docs-'))
  const files = { readme: path.join(dir, 'README.md'), action: path.join(dir, 'action.yml') }
  writeFileSync(files.readme, readme)
  writeFileSync(files.action, ACTION)
  return files
}

describe('update-action-docs', () => {
  it('finds the repository README up to date with action.yml', () => {
    const result = run(['--check'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('fails --check on a stale README, saying how to fix it, and leaves the file alone', () => {
    const files = scratch(README)
    const result = run(['--check', '--readme', files.readme, '--action', files.action])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('is stale')
    expect(result.stderr).toContain('node scripts/update-action-docs.mjs')
    expect(readFileSync(files.readme, 'utf8')).toBe(README)
  })

  it('writes the inputs and outputs tables between the markers, after which --check passes', () => {
    const files = scratch(README)
    expect(run(['--readme', files.readme, '--action', files.action]).status).toBe(0)
    const written = readFileSync(files.readme, 'utf8')
    expect(written).toBe(`# title

<!-- action-docs:start (generated) -->
### Inputs

| name | description | default | required |
|---|---|---|---|
| \`token\` | A token. |  | yes |
| \`mode\` | Either \`a\\|b\` or c, on two lines. | \`a\` | no |
| \`empty\` | Nothing by default; reads \\*.yaml files. | \`""\` | no |

### Outputs

| name | description |
|---|---|
| \`done\` | Whether it ran. |
<!-- action-docs:end -->

after
`)
    expect(run(['--check', '--readme', files.readme, '--action', files.action]).status).toBe(0)
  })

  it('refuses a README without the markers, naming them', () => {
    const files = scratch('# no block here\n')
    const result = run(['--readme', files.readme, '--action', files.action])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('<!-- action-docs:end -->')
    expect(readFileSync(files.readme, 'utf8')).toBe('# no block here\n')
  })
})
