// One entry of an agent's `tools:`, checked against the tools this action has: a name it does not
// know, a program missing here, a setting of the wrong form is an error at the entry, naming the
// tool and why, so the agent that lists it never runs with a tool silently missing.
import { builtinTool, defaultToolSettings, knownToolsLine, MAX_TOOL_TIMEOUT_SECONDS, type ToolEntry, type ToolSettings } from './agent-tools.js'
import type { DocContext } from './document-context.js'
import type { FieldPath } from './format-field.js'
import type { ToolHost, ToolRef } from './types.js'

const SETTING_KEYS = ['allowed_commands', 'working_directory', 'timeout_seconds', 'env'] as const
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Variables a tool may not set: they would change which program runs or what it loads. */
const RESERVED_ENV = /^(PATH|LD_[A-Z_]+|DYLD_[A-Z_]+|NODE_OPTIONS|BASH_ENV|ENV|GITHUB_[A-Z_]*|ACTIONS_[A-Z_]*|RUNNER_[A-Z_]*|INPUT_[A-Z_]*)$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function relativeInside(path: string): boolean {
  return !path.startsWith('/') && !path.split(/[\\/]/).includes('..')
}

/** The tool's `config:` as settings; each key of the wrong form is an error at that key. */
function readSettings(ctx: DocContext, path: FieldPath, entry: ToolEntry, config: Record<string, unknown>, timeoutSecs: number | undefined): ToolSettings {
  const settings = defaultToolSettings()
  if (timeoutSecs !== undefined) settings.timeoutSeconds = Math.ceil(timeoutSecs)
  for (const key of Object.keys(config)) {
    if ((SETTING_KEYS as readonly string[]).includes(key)) continue
    ctx.report('error', [...path, 'config', key], `unknown setting '${key}' of this tool; expected one of ${SETTING_KEYS.join(', ')}`, { key: true })
  }
  const allowed = config.allowed_commands
  if (allowed !== undefined) {
    const what = entry.kind === 'shell' ? 'program names' : 'subcommands'
    if (!Array.isArray(allowed) || allowed.some((c) => typeof c !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(c))) {
      ctx.report('error', [...path, 'config', 'allowed_commands'], `expected a list of ${what} (plain words), e.g. [npx, npm]`)
    } else settings.allowedCommands = allowed as string[]
  }
  const dir = config.working_directory
  if (dir !== undefined) {
    if (typeof dir !== 'string' || !relativeInside(dir)) {
      ctx.report(
        'error',
        [...path, 'config', 'working_directory'],
        `expected a directory inside the workspace, relative to it and without '..', e.g. packages/web`
      )
    } else settings.workingDirectory = dir.replace(/^\.\/?/, '')
  }
  const timeout = config.timeout_seconds
  if (timeout !== undefined) {
    if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TOOL_TIMEOUT_SECONDS) {
      ctx.report('error', [...path, 'config', 'timeout_seconds'], `expected a whole number of seconds from 1 to ${MAX_TOOL_TIMEOUT_SECONDS}, e.g. 300`)
    } else settings.timeoutSeconds = timeout
  }
  if (settings.timeoutSeconds > MAX_TOOL_TIMEOUT_SECONDS) {
    ctx.report('error', [...path, 'timeout_secs'], `expected at most ${MAX_TOOL_TIMEOUT_SECONDS} seconds, e.g. 300`)
    settings.timeoutSeconds = MAX_TOOL_TIMEOUT_SECONDS
  }
  const env = config.env
  if (env !== undefined) {
    if (!isRecord(env)) ctx.report('error', [...path, 'config', 'env'], 'expected a mapping of variable names to values, e.g. {KUBECONFIG: ${KUBECONFIG}}')
    else {
      for (const [name, value] of Object.entries(env)) {
        if (!ENV_KEY.test(name) || RESERVED_ENV.test(name) || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) {
          ctx.report(
            'error',
            [...path, 'config', 'env', name],
            `expected a variable name (not PATH, LD_*, NODE_OPTIONS, GITHUB_*, ACTIONS_*, RUNNER_*, INPUT_*) with a text value, e.g. KUBECONFIG: \${KUBECONFIG}`
          )
        } else settings.env[name] = String(value)
      }
    }
  }
  return settings
}

/**
 * A named tool (`kubectl`, `{name: shell, config: {...}}`), or null when it is an error here.
 * Host checks only for programs: whether the run may execute code is decided per run.
 */
export function readTool(
  ctx: DocContext,
  path: FieldPath,
  tool: { name: string; enabled?: boolean | undefined; config?: Record<string, unknown> | undefined; timeout_secs?: number | undefined },
  host: ToolHost | undefined
): ToolRef | null {
  const entry = builtinTool(tool.name)
  if (!entry) {
    ctx.report(
      'error',
      path,
      `tool '${tool.name}' is unknown here: it is not one of github-agent's tools, so this agent cannot run (${knownToolsLine()}). An MCP server's tool is written {name: ${tool.name}, source: mcp, server: NAME}`
    )
    return null
  }
  const ref: ToolRef = { name: tool.name, enabled: tool.enabled ?? true, config: tool.config ?? {} }
  if (tool.timeout_secs !== undefined) ref.timeoutSecs = tool.timeout_secs
  if (entry.kind === 'github') {
    if (tool.config && Object.keys(tool.config).length > 0) {
      ctx.report(
        'warning',
        [...path, 'config'],
        `tool '${tool.name}' takes no config, so it is ignored; its limits are the agent's fields (allowed_labels, max_writes, …)`
      )
    }
    return ref
  }
  ref.settings = readSettings(ctx, path, entry, tool.config ?? {}, tool.timeout_secs)
  if (entry.kind === 'file-read' || entry.kind === 'file-write') {
    if (ref.settings.allowedCommands || Object.keys(ref.settings.env).length) {
      ctx.report('error', [...path, 'config'], `tool '${tool.name}' runs no program: only working_directory and timeout_seconds apply`)
    }
  }
  if (entry.program && host && ref.enabled && !host.hasProgram(entry.program)) {
    ctx.report(
      'error',
      path,
      `tool '${tool.name}' needs the program '${entry.program}', which is not on PATH here; install it in an earlier step of the job, or remove the tool from this agent`
    )
    return null
  }
  return ref
}
