import * as toolkit from '@actions/core'
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../../src/runner/workflow-commands.js'

// The action writes the runner's protocol itself (to keep undici out of its entry); these tests hold
// it to @actions/core's bytes for every call main.ts makes, so a toolkit change shows up here.

function captureStdout(write: () => void): string {
  let out = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  try {
    write()
  } finally {
    spy.mockRestore()
  }
  return out
}

const messages = ['plain', 'multi\nline\r\nwith %25 and 100%', ':: colons, commas ::', '', 'ünïcödé ✓']
const properties: runner.AnnotationProperties[] = [
  {},
  { file: '.github/aof/triggers/a.yaml', startLine: 7, startColumn: 3 },
  { title: 'a: title, with commas', file: 'x,y:z.yaml', startLine: 1, endLine: 2, startColumn: 0, endColumn: 5 },
  { file: '%25\nodd' }
]

describe('workflow commands match @actions/core byte for byte', () => {
  const savedExitCode = process.exitCode
  afterEach(() => {
    process.exitCode = savedExitCode
    runner.clearSecrets()
  })

  for (const level of ['error', 'warning', 'notice'] as const) {
    test.each(messages.flatMap((m) => properties.map((p) => [m, p] as const)))(`${level}(%j, %j)`, (message, props) => {
      expect(captureStdout(() => runner[level](message, props))).toBe(captureStdout(() => toolkit[level](message, props)))
    })
  }

  test.each(messages)('debug, info, setSecret, setFailed (%j)', (message) => {
    for (const fn of ['debug', 'info', 'setSecret'] as const) {
      expect(captureStdout(() => runner[fn](message))).toBe(captureStdout(() => toolkit[fn](message)))
    }
    // With no secret registered, as @actions/core (which redacts nothing itself) writes it.
    runner.clearSecrets()
    process.exitCode = 0
    const ours = captureStdout(() => runner.setFailed(message))
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(ours).toBe(captureStdout(() => toolkit.setFailed(message)))
    expect(process.exitCode).toBe(1)
  })

  test('getInput: INPUT_ name with spaces as underscores, hyphens kept, trimmed', () => {
    process.env['INPUT_CONFIG-PATH'] = '  .github/aof \n'
    process.env.INPUT_MY_INPUT = 'x'
    try {
      for (const name of ['config-path', 'my input', 'absent-input']) expect(runner.inputFrom(process.env, name)).toBe(toolkit.getInput(name))
      expect(runner.inputFrom(process.env, 'config-path')).toBe('.github/aof')
    } finally {
      delete process.env['INPUT_CONFIG-PATH']
      delete process.env.INPUT_MY_INPUT
    }
  })
})

describe('file commands', () => {
  let dir: string
  const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
  })
  afterEach(() => {
    process.env.GITHUB_OUTPUT = saved.output
    process.env.GITHUB_STEP_SUMMARY = saved.summary
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT
    if (saved.summary === undefined) delete process.env.GITHUB_STEP_SUMMARY
  })

  // The delimiter is random in both; everything else must be the same.
  const normalise = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIM')

  test.each(['', 'one line', 'two\nlines', 'ghadelimiter_ look-alike', '{"json": [1, 2]}'])('setOutput(%j) writes what @actions/core writes', (value) => {
    const ours = join(dir, 'ours')
    const theirs = join(dir, 'theirs')
    writeFileSync(ours, '')
    writeFileSync(theirs, '')
    process.env.GITHUB_OUTPUT = ours
    runner.writeOutput(process.env.GITHUB_OUTPUT, 'summary-json', value)
    process.env.GITHUB_OUTPUT = theirs
    toolkit.setOutput('summary-json', value)
    expect(normalise(readFileSync(ours, 'utf8'))).toBe(normalise(readFileSync(theirs, 'utf8')))
    expect(readFileSync(ours, 'utf8')).toMatch(/^summary-json<<ghadelimiter_[0-9a-f-]{36}\n/)
  })

  test('setOutput without GITHUB_OUTPUT falls back to the stdout command, as @actions/core does', () => {
    delete process.env.GITHUB_OUTPUT
    expect(captureStdout(() => runner.writeOutput(process.env.GITHUB_OUTPUT, 'matched', 'true'))).toBe(
      captureStdout(() => toolkit.setOutput('matched', 'true'))
    )
  })

  test('setOutput to a missing GITHUB_OUTPUT file fails loudly instead of losing the output', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'missing')
    expect(() => runner.writeOutput(process.env.GITHUB_OUTPUT, 'matched', 'true')).toThrow(/does not exist/)
  })

  test('a value holding its delimiter is refused', () => {
    expect(() => runner.formatOutput('x', 'a ghadelimiter_1 b', 'ghadelimiter_1')).toThrow(/delimiter/)
  })

  test('appendSummary appends what summary.addRaw(text, true).write() appends', async () => {
    const ours = join(dir, 'ours.md')
    const theirs = join(dir, 'theirs.md')
    writeFileSync(ours, '# before\n')
    writeFileSync(theirs, '# before\n')
    process.env.GITHUB_STEP_SUMMARY = ours
    await runner.appendSummaryTo(process.env.GITHUB_STEP_SUMMARY, '| a | b |\n|---|---|')
    process.env.GITHUB_STEP_SUMMARY = theirs
    await toolkit.summary.addRaw('| a | b |\n|---|---|', true).write()
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'))
  })

  test('appendSummary without GITHUB_STEP_SUMMARY says so', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(runner.appendSummaryTo(process.env.GITHUB_STEP_SUMMARY, 'x')).rejects.toThrow(/GITHUB_STEP_SUMMARY is not set/)
  })
})

describe('values registered with setSecret', () => {
  const token = 'ghs_registeredSecret0000000000000000000'
  let dir: string
  const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflow-secrets-'))
    process.env.GITHUB_OUTPUT = join(dir, 'output')
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md')
    writeFileSync(process.env.GITHUB_OUTPUT, '')
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
    captureStdout(() => runner.setSecret(token))
  })
  afterEach(() => {
    runner.clearSecrets()
    process.env.GITHUB_OUTPUT = saved.output
    process.env.GITHUB_STEP_SUMMARY = saved.summary
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT
    if (saved.summary === undefined) delete process.env.GITHUB_STEP_SUMMARY
  })

  it('are redacted from outputs, the job summary, and annotation messages, titles and paths', async () => {
    runner.writeOutput(process.env.GITHUB_OUTPUT, 'command-args', `deploy ${token}`)
    await runner.appendSummaryTo(process.env.GITHUB_STEP_SUMMARY, `| args | ${token} |`)
    const logged = captureStdout(() => {
      runner.warning(`bad ${token}`, { title: `t ${token}`, file: `.github/aof/${token}.yaml`, startLine: 1 })
      runner.info(`info ${token}`)
    })

    const written = readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8') + readFileSync(process.env.GITHUB_STEP_SUMMARY as string, 'utf8') + logged
    expect(written).not.toContain(token)
    expect(written).toContain('deploy ***')
    expect(logged).toContain('file=.github/aof/***.yaml')
  })

  it('are still announced to the runner as a mask, unredacted', () => {
    expect(captureStdout(() => runner.setSecret(token))).toBe(`::add-mask::${token}\n`)
  })
})
