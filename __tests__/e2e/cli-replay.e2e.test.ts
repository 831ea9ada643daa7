// `github-agent replay` through dist/cli/index.js: a saved payload, a config in the working directory, no token.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fixtureEvent } from '../support/scenario.js'

const CLI = resolve('dist/cli/index.js')
const config = [
  'apiVersion: aof.dev/v1',
  'kind: Trigger',
  'metadata: {name: bot}',
  'spec:',
  '  type: GitHub',
  '  config: {github_events: [issue_comment]}',
  '  commands:',
  '    /status: {agent: reporter}',
  '    /deploy: {agent: reporter, params: {permission: admin}}',
  '---',
  'apiVersion: aof.dev/v1',
  'kind: Agent',
  'metadata: {name: reporter}',
  'spec:',
  '  model: anthropic:claude-sonnet-5-5',
  '  instructions: Report status.',
  '  tools: [github_post_comment]',
  ''
].join('\n')

describe('github-agent replay', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-replay-'))
    mkdirSync(join(dir, '.github/aof'), { recursive: true })
    writeFileSync(join(dir, '.github/aof/bot.yaml'), config)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function replay(command: string, ...flags: string[]) {
    const payload = fixtureEvent('issue_comment.created.json')
    payload.comment.body = command
    const eventPath = join(dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify(payload))
    const env: Record<string, string | undefined> = { ...process.env, ANTHROPIC_API_KEY: '', GOOGLE_API_KEY: '', GITHUB_TOKEN: '' }
    const result = spawnSync(process.execPath, [CLI, 'replay', eventPath, ...flags], { cwd: dir, env, encoding: 'utf8' })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('refuses a command when no permission can be read, the API being out of reach without a token', () => {
    const result = replay('/status')
    expect(result.stdout).toMatch(/could not read @Codertocat's repository permission/)
    expect(result.stdout).not.toMatch(/stood in/)
  })

  it('runs the command with --sender-permission write, saying the permission was stood in for and not checked', () => {
    const result = replay('/status', '--sender-permission', 'write')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Sender permission: write, stood in by --sender-permission (not checked with GitHub).')
    expect(result.stdout).toContain("@Codertocat's repository permission was not checked: write (from --sender-permission) stood in for it.")
    expect(result.stdout).toMatch(/\| `\/status` \| `agent:reporter` \| dry-run \|/)
    expect(result.stdout).not.toMatch(/could not read @Codertocat's repository permission/)
  })

  it('still refuses a command that needs more than the stood-in level', () => {
    const result = replay('/deploy', '--sender-permission', 'write')
    expect(result.stdout).toMatch(/@Codertocat has write permission; \/deploy needs admin/)
  })

  it('rejects a --sender-permission that is not a repository role', () => {
    const result = replay('/status', '--sender-permission', 'owner')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--sender-permission must be one of none, read, triage, write, maintain, admin')
  })
})
