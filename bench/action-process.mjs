// Spawns dist/index.js the way the Actions runner does (the same environment as
// __tests__/support/run-action.ts: INPUT_<NAME> with hyphens kept, action.yml defaults, GITHUB_*
// variables, real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files), and times it from spawn to exit.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const USAGE_PRELOAD = fileURLToPath(new URL('./report-usage.cjs', import.meta.url))
const temps = []

/** Removes every workspace this module created. */
export function cleanUp() {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
}

function inputDefaults(repoRoot, token) {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'))
  return Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, String(spec.default ?? '').replace('${{ github.token }}', token)]))
}

/** `name<<DELIM … DELIM` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    outputs[match[1]] = value.join('\n')
  }
  return outputs
}

/**
 * A workspace, event file and environment for one scenario, made once; `run()` can then spawn the
 * bundle on it any number of times (the output files are emptied before each run, outside the timing).
 */
export function prepareAction(repoRoot, options) {
  const temp = mkdtempSync(join(tmpdir(), 'github-agent-bench-'))
  temps.push(temp)
  const workspace = join(temp, 'workspace')
  const runnerTemp = join(temp, 'runner-temp')
  mkdirSync(workspace)
  mkdirSync(runnerTemp)
  for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
  }
  const files = {
    GITHUB_EVENT_PATH: join(runnerTemp, 'event.json'),
    GITHUB_OUTPUT: join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'summary'),
    GITHUB_ENV: join(runnerTemp, 'env'),
    GITHUB_STATE: join(runnerTemp, 'state'),
    GITHUB_PATH: join(runnerTemp, 'path')
  }
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.payload))
  const token = options.token ?? 'ghs_benchToken0000000000000000000000000000'
  const inputs = { ...inputDefaults(repoRoot, token), ...(options.inputs ?? {}) }
  const apiUrl = options.apiUrl ?? 'http://127.0.0.1:9/api/v3'
  const repository = options.repository ?? 'Codertocat/Hello-World'
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: apiUrl.replace(/\/api\/v3$/, ''),
    GITHUB_GRAPHQL_URL: apiUrl.replace(/\/v3$/, '/graphql'),
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'Codertocat',
    GITHUB_WORKFLOW: 'aof',
    GITHUB_JOB: 'agent',
    GITHUB_ACTION: '__aof_github-agent',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...(options.env ?? {})
  }
  const bundle = join(options.dist ?? join(repoRoot, 'dist'), 'index.js')

  return {
    workspace,
    /**
     * One run: wall time in ms from spawn to exit, exit code, outputs, stdout; with measureUsage,
     * also `usage` ({ cpuMs, maxRssKb }) from a preload (use it in separate runs, not timed ones).
     */
    async run({ node = process.execPath, measureUsage = false, extraArgs = [] } = {}) {
      writeFileSync(files.GITHUB_OUTPUT, '')
      writeFileSync(files.GITHUB_STEP_SUMMARY, '')
      const usageFile = join(runnerTemp, 'usage.json')
      const args = [...(measureUsage ? ['-r', USAGE_PRELOAD] : []), ...extraArgs, bundle]
      const result = await timedSpawn(node, args, { cwd: workspace, env: { ...env, ...(measureUsage ? { BENCH_USAGE_FILE: usageFile } : {}) } })
      return {
        ...result,
        outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        usage: measureUsage ? JSON.parse(readFileSync(usageFile, 'utf8')) : undefined
      }
    }
  }
}

/** Spawns a process with stdout/stderr piped (as the runner does) and times it to its exit. */
export function timedSpawn(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (exitCode) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, exitCode, stdout, stderr }))
  })
}

/** `node -e ''` (the floor) with the same piping; with measureUsage, its CPU time and peak memory too. */
export async function bareNode({ node = process.execPath, measureUsage = false, extraArgs = [] } = {}) {
  if (!measureUsage) return timedSpawn(node, [...extraArgs, '-e', ''])
  const dir = mkdtempSync(join(tmpdir(), 'github-agent-bench-usage-'))
  temps.push(dir)
  const usageFile = join(dir, 'usage.json')
  const result = await timedSpawn(node, ['-r', USAGE_PRELOAD, ...extraArgs, '-e', ''], { env: { ...process.env, BENCH_USAGE_FILE: usageFile } })
  return { ...result, usage: JSON.parse(readFileSync(usageFile, 'utf8')) }
}
