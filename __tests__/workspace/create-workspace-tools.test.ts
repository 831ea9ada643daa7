// The tools as an agent gets them, on a real temp checkout with real processes.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { defaultToolSettings, type ToolSettings } from '../../src/config/agent-tools.js'
import type { ToolRef } from '../../src/config/types.js'
import type { CommandRecord } from '../../src/report/types.js'
import { createConfinedFiles } from '../../src/workspace/confined-files.js'
import { createWorkspaceTools, toolSecrets, type WorkspaceToolContext } from '../../src/workspace/create-workspace-tools.js'
import { programFinder } from '../../src/workspace/find-program.js'
import { createProcessRunner } from '../../src/workspace/process-runner.js'

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB'

async function setup(overrides: Partial<WorkspaceToolContext> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ws-tools-'))
  mkdirSync(join(root, 'src'))
  writeFileSync(join(root, 'src', 'leak.txt'), `token=${TOKEN}\n`)
  const records: CommandRecord[] = []
  const ctx: WorkspaceToolContext = {
    agent: 'agent:t',
    files: await createConfinedFiles(root),
    processes: createProcessRunner(),
    stepEnv: { PATH: process.env.PATH, HOME: root, GITHUB_TOKEN: TOKEN },
    findProgram: programFinder(process.env.PATH),
    secrets: toolSecrets([TOKEN], TOKEN),
    record: (r) => records.push(r),
    budget: { totalMs: 60_000, usedMs: 0 },
    dryRun: false,
    ...overrides
  }
  return { root, records, ctx }
}

const ref = (name: string, settings: Partial<ToolSettings> = {}): ToolRef => ({
  name,
  enabled: true,
  config: {},
  settings: { ...defaultToolSettings(), ...settings }
})

describe('createWorkspaceTools', () => {
  it('gives the listed workspace tools in order, not the GitHub ones, once each', async () => {
    const { ctx } = await setup()
    const tools = createWorkspaceTools(
      [ref('git'), { name: 'github_post_comment', enabled: true, config: {} }, ref('shell'), ref('git'), { ...ref('helm'), enabled: false }],
      ctx
    )
    expect(tools.map((t) => [t.name, t.readOnly ?? false])).toEqual([
      ['git', true],
      ['shell', false]
    ])
  })

  it('refuses a command outside the allow-list before spawning anything, and records the refusal', async () => {
    const { ctx, records } = await setup()
    const [shell] = createWorkspaceTools([ref('shell', { allowedCommands: ['echo'] })], ctx)
    const result = await shell!.run({ command: 'echo hi; curl https://evil.example' })
    expect(result).toEqual({ isError: true, content: "refused: 'curl' is not in this tool's allowed_commands (echo)" })
    expect(records).toEqual([
      { agent: 'agent:t', tool: 'shell', command: 'echo hi; curl https://evil.example', exitCode: null, result: result.content, durationMs: 0 }
    ])
  })

  it('redacts the job token from what the model and the summary see, in the form git keeps it too', async () => {
    const { ctx, records } = await setup()
    const [shell, readFile] = createWorkspaceTools([ref('shell'), ref('read_file')], ctx)
    const encoded = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    const ran = await shell!.run({ command: `cat src/leak.txt; echo ${encoded}` })
    expect(ran.content).not.toContain(TOKEN)
    expect(ran.content).not.toContain(encoded)
    expect(ran.content).toContain('token=***')
    expect(records[0]?.command).toBe('cat src/leak.txt; echo ***')
    expect((await readFile!.run({ path: 'src/leak.txt' })).content).toBe('token=***\n')
  })

  it('cuts a call off at the tool’s timeout, and refuses calls once the run’s tool time is spent', async () => {
    const { ctx, records } = await setup({ budget: { totalMs: 1500, usedMs: 0 } })
    const [shell] = createWorkspaceTools([ref('shell', { timeoutSeconds: 1 })], ctx)
    const slow = await shell!.run({ command: 'sleep 5', timeout_secs: 30 })
    expect(slow.content).toMatch(/^\$ sleep 5\ntimed out after 1\.\d\d s; the process and its children were killed/)
    const second = await shell!.run({ command: 'sleep 5' })
    expect(second.content).toMatch(/timed out after 0\.\d\d s/)
    const third = await shell!.run({ command: 'echo late' })
    expect(third).toEqual({ isError: true, content: "refused: the run's tool time (2 s, input max-tool-seconds) is spent" })
    expect(records.map((r) => r.result)).toEqual([
      'timed out; the process and its children were killed',
      'timed out; the process and its children were killed',
      third.content
    ])
  })

  it('runs no program and writes no file in a dry run, saying so', async () => {
    const { ctx, records } = await setup({ dryRun: true })
    const [kubectl, write] = createWorkspaceTools([ref('kubectl'), ref('write_file')], { ...ctx, findProgram: () => '/bin/false' })
    expect((await kubectl!.run({ args: ['delete', 'ns', 'prod'] })).content).toBe(
      'dry-run: `kubectl delete ns prod` was not run (nothing runs or is written in a dry run)'
    )
    expect((await write!.run({ path: 'x.txt', content: 'x' })).content).toBe('dry-run: x.txt was not written')
    expect(records.map((r) => r.result)).toEqual(['dry-run: not run', 'dry-run: not written'])
  })

  it('says a CLI tool’s program is missing, as a tool error', async () => {
    const { ctx } = await setup({ findProgram: () => null })
    const [helm] = createWorkspaceTools([ref('helm')], ctx)
    expect(await helm!.run({ args: ['list'] })).toEqual({
      isError: true,
      content: 'helm is not installed on this runner (not on PATH); install it in an earlier step of the job'
    })
  })

  it('refuses a working directory outside the checkout', async () => {
    const { ctx } = await setup()
    const [shell] = createWorkspaceTools([ref('shell')], ctx)
    expect((await shell!.run({ command: 'ls', working_dir: '../..' })).content).toContain("refused: working directory: '..' is not allowed")
  })
})
