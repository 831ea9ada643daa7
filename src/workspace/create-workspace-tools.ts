// AOF's built-in tools that work in the job's workspace: the shell, CLI programs, git, and files.
// Each call is checked before anything runs (allow-lists, paths), runs with a scrubbed environment,
// a timeout and an output cap, within the run's tool-time budget, and is recorded for the summary.
import { builtinTool, defaultToolSettings, gitWrites, SHELL_PROGRAMS, type ToolSettings } from '../config/agent-tools.js'
import type { ToolRef } from '../config/types.js'
import type { CommandRecord } from '../report/types.js'
import { errorMessage } from '../shared/errors.js'
import type { Tool, ToolResult } from '../shared/tool.js'
import { redactSecrets } from '../text/redact-secrets.js'
import { sanitizeCode } from '../text/sanitize-untrusted.js'
import { childEnv } from './child-env.js'
import { checkCliArgs, checkGitArgs, checkShellCommand, displayCommand, gitPrefix, type Checked } from './command-checks.js'
import { PathRefused, type ConfinedFiles } from './confined-files.js'
import type { ProcessRunner } from './process-runner.js'
import { describeEnd, formatRunForModel, MODEL_OUTPUT_CHARS, type RunEnd } from './tool-output.js'

/** Output bytes kept per call (the tail); the model sees at most MODEL_OUTPUT_CHARS of it. */
export const KEPT_OUTPUT_BYTES = 256 * 1024
const READ_LIMIT_BYTES = 1024 * 1024
const READ_SHOWN_CHARS = 60_000

/**
 * The run's secrets as a tool may meet them: as given, and the job token the way git keeps it for
 * actions/checkout (base64 of `x-access-token:TOKEN` in .git/config's extraheader).
 */
export function toolSecrets(secrets: readonly string[], githubToken: string): string[] {
  const forms = githubToken ? [Buffer.from(`x-access-token:${githubToken}`).toString('base64')] : []
  return [...secrets.filter(Boolean), ...forms]
}

/** The run's tool time, shared by every agent of the run. */
export interface ToolTimeBudget {
  totalMs: number
  usedMs: number
}

export interface WorkspaceToolContext {
  /** The agent's label, for the records. */
  agent: string
  files: ConfinedFiles
  processes: ProcessRunner
  /** The step's environment: the base of each program's environment, never all of it. */
  stepEnv: Readonly<Record<string, string | undefined>>
  /** The absolute path of a program on the step's PATH, or null. */
  findProgram(name: string): string | null
  /** Redacted from every record and from what the model is shown. */
  secrets: readonly string[]
  record(entry: CommandRecord): void
  budget: ToolTimeBudget
  /** Dry-run: programs and writes are recorded, not run; reads still run. */
  dryRun: boolean
}

const timeoutProperty = { type: 'integer', description: "Seconds this call may take; at most the tool's own limit" }
const workingDirProperty = { type: 'string', description: 'Directory to run in, relative to the repository root (default: the configured one)' }

function error(content: string): ToolResult {
  return { content, isError: true }
}

function intOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/** Runs one checked program call: working directory, budget, environment, then the record. */
async function runProgram(
  ctx: WorkspaceToolContext,
  tool: string,
  settings: ToolSettings,
  program: string,
  args: readonly string[],
  display: string,
  input: Record<string, unknown>
): Promise<ToolResult> {
  const redact = (text: string): string => redactSecrets(text, ctx.secrets)
  const note = (exitCode: number | null, result: string, durationMs = 0): void =>
    ctx.record({ agent: ctx.agent, tool, command: redact(display), exitCode, result: redact(result), durationMs })
  if (ctx.dryRun) {
    note(null, 'dry-run: not run')
    return { content: `dry-run: \`${display}\` was not run (nothing runs or is written in a dry run)`, isError: false }
  }
  const leftMs = ctx.budget.totalMs - ctx.budget.usedMs
  if (leftMs <= 0) {
    const reason = `refused: the run's tool time (${Math.round(ctx.budget.totalMs / 1000)} s, input max-tool-seconds) is spent`
    note(null, reason)
    return error(reason)
  }
  const path = ctx.findProgram(program)
  if (!path) {
    const reason = `${program} is not installed on this runner (not on PATH); install it in an earlier step of the job`
    note(null, `not run: ${reason}`)
    return error(reason)
  }
  let cwd: string
  try {
    const requested = typeof input.working_dir === 'string' && input.working_dir ? input.working_dir : settings.workingDirectory
    cwd = await ctx.files.directory(requested)
  } catch (e) {
    const reason = `refused: working directory: ${errorMessage(e)}`
    note(null, reason)
    return error(reason)
  }
  const timeoutMs = Math.min(intOr(input.timeout_secs, settings.timeoutSeconds), settings.timeoutSeconds) * 1000
  const end: RunEnd = await ctx.processes.run({
    program: path,
    args,
    cwd,
    env: childEnv(ctx.stepEnv, settings.env),
    timeoutMs: Math.min(timeoutMs, leftMs),
    maxOutputBytes: KEPT_OUTPUT_BYTES
  })
  ctx.budget.usedMs += end.durationMs
  note(end.exitCode, describeEnd(end).replace(/ after [\d.]+ s/, ''), end.durationMs)
  return { content: redact(formatRunForModel(display, end, MODEL_OUTPUT_CHARS)), isError: end.error !== undefined || end.exitCode !== 0 }
}

function refuse(ctx: WorkspaceToolContext, tool: string, display: string, checked: Checked<object>): ToolResult | null {
  if (checked.ok) return null
  ctx.record({ agent: ctx.agent, tool, command: redactSecrets(display, ctx.secrets), exitCode: null, result: checked.reason, durationMs: 0 })
  return error(checked.reason)
}

function shellTool(ctx: WorkspaceToolContext, name: string, settings: ToolSettings): Tool {
  const program = SHELL_PROGRAMS[name] ?? 'sh'
  const allowed = settings.allowedCommands
  return {
    name,
    description:
      `Run a command with ${program} in the repository's checkout and get its exit code and output (the last ${MODEL_OUTPUT_CHARS} characters). ` +
      (allowed
        ? `Only these programs may be run: ${allowed.join(', ')}; a command is plain words joined by ;, &&, || or | (no redirection, $variables, quotes with $, or subshells).`
        : 'Any command may be run.') +
      ` Times out after ${settings.timeoutSeconds} s. No tokens or API keys are in its environment.`,
    inputSchema: {
      type: 'object',
      properties: {
        command: { type: 'string', description: allowed ? `The command, e.g. "${allowed[0]} --version"` : 'The command, e.g. "ls -la"' },
        working_dir: workingDirProperty,
        timeout_secs: timeoutProperty
      },
      required: ['command']
    },
    async run(input) {
      const checked = checkShellCommand(input.command, allowed)
      const display = typeof input.command === 'string' ? input.command : '(no command)'
      const refused = refuse(ctx, name, display, checked)
      if (refused || !checked.ok) return refused ?? error('refused')
      return runProgram(ctx, name, settings, program, ['-c', checked.command], display, input)
    }
  }
}

function cliTool(ctx: WorkspaceToolContext, name: string, settings: ToolSettings): Tool {
  const allowed = settings.allowedCommands
  return {
    name,
    description:
      `Run ${name} with a list of arguments (no shell: quotes, pipes and $variables are passed as written) in the repository's checkout, and get its exit code and output. ` +
      (allowed ? `The first argument must be one of: ${allowed.join(', ')}. ` : '') +
      `Times out after ${settings.timeoutSeconds} s. No tokens or API keys are in its environment.`,
    inputSchema: {
      type: 'object',
      properties: {
        args: { type: 'array', items: { type: 'string' }, description: `Arguments after "${name}", e.g. ["${allowed?.[0] ?? '--version'}"]` },
        working_dir: workingDirProperty,
        timeout_secs: timeoutProperty
      },
      required: ['args']
    },
    async run(input) {
      const checked = checkCliArgs(name, input.args, allowed)
      const display = Array.isArray(input.args) ? displayCommand(name, input.args.map(String)) : name
      const refused = refuse(ctx, name, display, checked)
      if (refused || !checked.ok) return refused ?? error('refused')
      return runProgram(ctx, name, settings, name, checked.args, display, input)
    }
  }
}

function gitTool(ctx: WorkspaceToolContext, settings: ToolSettings): Tool {
  const allowed = settings.allowedCommands
  return {
    name: 'git',
    readOnly: !gitWrites(settings),
    description:
      `Run git with a list of arguments (no shell) in the repository's checkout. The first argument is the subcommand: ${allowed ? allowed.join(', ') : 'a read-only one (status, log, diff, show, ls-files, blame, grep, …)'}. ` +
      `Times out after ${settings.timeoutSeconds} s.`,
    inputSchema: {
      type: 'object',
      properties: {
        args: { type: 'array', items: { type: 'string' }, description: 'Arguments after "git", e.g. ["log", "--oneline", "-10"]' },
        working_dir: workingDirProperty,
        timeout_secs: timeoutProperty
      },
      required: ['args']
    },
    async run(input) {
      const checked = checkGitArgs(input.args, allowed)
      const display = Array.isArray(input.args) ? displayCommand('git', input.args.map(String)) : 'git'
      const refused = refuse(ctx, 'git', display, checked)
      if (refused || !checked.ok) return refused ?? error('refused')
      return runProgram(ctx, 'git', settings, 'git', [...gitPrefix(checked.writes), ...checked.args], display, input)
    }
  }
}

/** A file tool's failure as the model sees it: a refusal says why; anything else is reported plainly. */
function fileError(e: unknown): ToolResult {
  return error(e instanceof PathRefused ? `refused: ${e.message}` : errorMessage(e))
}

function fileTools(ctx: WorkspaceToolContext, name: string): Tool | null {
  const files = ctx.files
  const pathProperty = { type: 'string', description: 'Path relative to the repository root, e.g. src/index.ts' }
  if (name === 'read_file') {
    return {
      name,
      readOnly: true,
      description: `Read a text file of the repository's checkout (at most ${READ_SHOWN_CHARS} characters are shown).`,
      inputSchema: {
        type: 'object',
        properties: { path: pathProperty, max_bytes: { type: 'integer', description: 'Bytes to read (default 1 MB)' } },
        required: ['path']
      },
      async run(input) {
        try {
          const read = await files.read(String(input.path ?? ''), Math.min(intOr(input.max_bytes, READ_LIMIT_BYTES), READ_LIMIT_BYTES))
          const text = redactSecrets(sanitizeCode(read.text), ctx.secrets)
          const shown = text.length > READ_SHOWN_CHARS ? text.slice(0, READ_SHOWN_CHARS) : text
          const cut = read.truncated || shown.length < text.length
          return { content: cut ? `${shown}\n[truncated: the file has ${read.size} bytes; only the start is shown]` : shown, isError: false }
        } catch (e) {
          return fileError(e)
        }
      }
    }
  }
  if (name === 'list_directory') {
    return {
      name,
      readOnly: true,
      description: 'List a directory of the repository checkout: names, types and sizes (symlinks are listed, not followed).',
      inputSchema: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'Directory relative to the repository root (default: the root)' },
          recursive: { type: 'boolean', description: 'List recursively (default: false)' },
          include_hidden: { type: 'boolean', description: 'Include hidden files (default: false)' },
          max_depth: { type: 'integer', description: 'Maximum recursion depth (default: 3)' }
        }
      },
      async run(input) {
        try {
          const entries = await files.list(typeof input.path === 'string' ? input.path : '', {
            recursive: input.recursive === true,
            includeHidden: input.include_hidden === true,
            maxDepth: Math.min(intOr(input.max_depth, 3), 10),
            maxEntries: 1000
          })
          return { content: JSON.stringify(entries.map((e) => ({ ...e, path: sanitizeCode(e.path) }))), isError: false }
        } catch (e) {
          return fileError(e)
        }
      }
    }
  }
  if (name === 'search_files') {
    return {
      name,
      readOnly: true,
      description: 'Find files of the repository checkout whose path matches a glob (node_modules only when the pattern names it).',
      inputSchema: {
        type: 'object',
        properties: {
          pattern: { type: 'string', description: "Glob, e.g. '**/*.test.ts'" },
          path: { type: 'string', description: 'Directory to search from (default: the root)' },
          max_results: { type: 'integer', description: 'Maximum number of results (default: 100)' }
        },
        required: ['pattern']
      },
      async run(input) {
        try {
          if (typeof input.pattern !== 'string' || !input.pattern) return error('pattern must be a non-empty glob')
          const found = await files.search(input.pattern, typeof input.path === 'string' ? input.path : '', Math.min(intOr(input.max_results, 100), 1000))
          return { content: JSON.stringify(found.map(sanitizeCode)), isError: false }
        } catch (e) {
          return fileError(e)
        }
      }
    }
  }
  if (name === 'write_file') {
    return {
      name,
      description: "Write a text file in the repository's checkout (nothing is committed or pushed).",
      inputSchema: {
        type: 'object',
        properties: {
          path: pathProperty,
          content: { type: 'string', description: 'Content to write to the file' },
          append: { type: 'boolean', description: 'Append to the file instead of overwriting it (default: false)' },
          create_dirs: { type: 'boolean', description: "Create parent directories if they don't exist (default: true)" }
        },
        required: ['path', 'content']
      },
      async run(input) {
        const path = String(input.path ?? '')
        const display = `write_file ${path}`
        const started = performance.now()
        try {
          if (typeof input.content !== 'string') return error('content must be a string')
          if (ctx.dryRun) {
            ctx.record({
              agent: ctx.agent,
              tool: name,
              command: redactSecrets(display, ctx.secrets),
              exitCode: null,
              result: 'dry-run: not written',
              durationMs: 0
            })
            return { content: `dry-run: ${path} was not written`, isError: false }
          }
          const bytes = await files.write(path, input.content, { append: input.append === true, createDirs: input.create_dirs !== false })
          ctx.record({
            agent: ctx.agent,
            tool: name,
            command: redactSecrets(display, ctx.secrets),
            exitCode: 0,
            result: `wrote ${bytes} bytes`,
            durationMs: performance.now() - started
          })
          return { content: `wrote ${bytes} bytes to ${path}`, isError: false }
        } catch (e) {
          const failed = fileError(e)
          ctx.record({ agent: ctx.agent, tool: name, command: redactSecrets(display, ctx.secrets), exitCode: null, result: failed.content, durationMs: 0 })
          return failed
        }
      }
    }
  }
  return null
}

/** The workspace tools among `refs` (enabled ones, in the YAML's order); GitHub tools are built elsewhere. */
export function createWorkspaceTools(refs: readonly ToolRef[], ctx: WorkspaceToolContext): Tool[] {
  const tools: Tool[] = []
  const seen = new Set<string>()
  for (const ref of refs) {
    if (!ref.enabled || seen.has(ref.name)) continue
    const entry = builtinTool(ref.name)
    if (!entry || entry.kind === 'github') continue
    seen.add(ref.name)
    const settings = ref.settings ?? defaultToolSettings()
    if (entry.kind === 'shell') tools.push(shellTool(ctx, ref.name, settings))
    else if (entry.kind === 'cli') tools.push(cliTool(ctx, ref.name, settings))
    else if (entry.kind === 'git') tools.push(gitTool(ctx, settings))
    else {
      const tool = fileTools(ctx, ref.name)
      if (tool) tools.push(tool)
    }
  }
  return tools
}
