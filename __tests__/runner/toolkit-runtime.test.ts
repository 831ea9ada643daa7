// `run()` without a runtime goes through the toolkit's @actions/core, as GitHub's local-action
// debugger expects: it replaces that package and reads the outputs from its stand-in.
import { jest, describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../support/run-action.js'

const outputs: Record<string, string> = {}
const inputs: Record<string, string> = {
  'config-path': 'examples/auto-review/.github/aof',
  'config-ref': 'workspace',
  'dry-run': 'true',
  'bot-name': 'aofbot',
  'check-name': 'github-agent',
  'budget-conclusion': 'neutral'
}
const failures: string[] = []

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs[name] ?? '',
  debug: () => {},
  info: () => {},
  notice: () => {},
  warning: () => {},
  error: () => {},
  setSecret: () => {},
  setOutput: (name: string, value: string) => {
    outputs[name] = value
  },
  setFailed: (message: string) => {
    failures.push(message)
  },
  summary: { addRaw: () => ({ write: async () => {} }) }
}))

describe('run() without a runtime', () => {
  const saved = { ...process.env }
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'github-agent-toolkit-'))
    copyFileSync(join(repoRoot, 'examples/auto-review/events/pull_request.opened.json'), join(dir, 'event.json'))
    Object.assign(process.env, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_WORKSPACE: repoRoot
    })
    delete process.env.GITHUB_STEP_SUMMARY
  })
  afterAll(() => {
    process.env = saved
  })

  it('reads inputs and sets outputs through @actions/core', async () => {
    const { run } = await import('../../src/main.js')
    await run()
    expect(failures).toEqual([])
    expect(outputs).toMatchObject({ matched: 'true', trigger: 'pr-review', target: 'agent:code-reviewer', conclusion: 'success' })
  })
})
