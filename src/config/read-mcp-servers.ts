// An agent's MCP servers: `mcp_servers`, AOF's `{type: MCP, config}` tools (one stdio server each)
// and `{name, source: mcp, server}` tools (which pick tools of a server). Every mistake is a
// diagnostic at its YAML line; `${VAR}`s were resolved (or reported unset) when the document loaded.
import { checkShape } from './check-shape.js'
import type { DocContext } from './document-context.js'
import { formatField, type FieldPath } from './format-field.js'
import type { AgentSpecDocument } from './schemas/agent-schema.js'
import { typedMcpConfigSchema, type McpServerDocument } from './schemas/mcp-server-schema.js'
import type { McpServerDef } from './types.js'

/** AOF's default (McpServerConfig::default_timeout). */
export const DEFAULT_MCP_TIMEOUT_SECS = 30

/** A call or a start longer than this is a server that hangs; the job has its own timeout too. */
const MAX_MCP_TIMEOUT_SECS = 600

/**
 * Variables that give a program power over the workflow itself (the runner's cache and artifacts,
 * minting OIDC tokens for cloud roles) or read the action's own inputs: never given to a server,
 * even when the YAML asks.
 */
const RUNNER_ONLY_ENV =
  /^(ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_CACHE_URL|ACTIONS_RESULTS_URL|INPUT_.*)$/i

/** A command is run without a shell: a word list is split, but shell syntax would not mean what it says. */
const SHELL_SYNTAX = /["'`$|;&<>(){}*?\\\n]/

type Tool = NonNullable<AgentSpecDocument['tools']>[number]

/** True for the tool entries this file reads (the agent's other tools ignore them). */
export function isMcpTool(tool: Tool): boolean {
  if (typeof tool === 'string') return false
  if ('type' in tool) return tool.type.toLowerCase() === 'mcp'
  return tool.source === 'mcp'
}

const text = (value: string | number | boolean): string => String(value)

function textMap(values: Record<string, string | number | boolean> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, text(v)]))
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** The program and its arguments; `kubectl-ai --mcp-server` (as AOF's docs write it) is split into words. */
function splitCommand(ctx: DocContext, path: FieldPath, command: string, args: string[]): { command: string; args: string[] } | null {
  const words = command.trim().split(/\s+/)
  if (words.length === 1) return { command: words[0] as string, args }
  if (SHELL_SYNTAX.test(command)) {
    ctx.report(
      'error',
      path,
      `${formatField(path)} is run without a shell, so quotes, variables and operators in it would not work; give the program alone and each argument in args`
    )
    return null
  }
  return { command: words[0] as string, args: [...words.slice(1), ...args] }
}

/** An environment variable's name: letters, digits and _, not starting with a digit. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function checkEnv(ctx: DocContext, path: FieldPath, env: Record<string, string>): boolean {
  let ok = true
  for (const key of Object.keys(env)) {
    if (!ENV_NAME.test(key)) {
      ctx.report('error', [...path, key], `${formatField([...path, key])}: ${JSON.stringify(key)} is not a variable name (letters, digits and _)`, {
        key: true
      })
      ok = false
    } else if (RUNNER_ONLY_ENV.test(key)) {
      ctx.report(
        'error',
        [...path, key],
        `${formatField([...path, key])}: ${key} belongs to the runner (it controls the workflow's cache, artifacts or OIDC tokens, or the action's inputs) and is never given to an MCP server`,
        { key: true }
      )
      ok = false
    }
  }
  return ok
}

function checkEndpoint(ctx: DocContext, path: FieldPath, endpoint: string): boolean {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    ctx.report('error', path, `${formatField(path)} must be a URL, e.g. https://mcp.example.com/mcp (found ${JSON.stringify(endpoint)})`)
    return false
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return true
  ctx.report(
    'error',
    path,
    `${formatField(path)} must be an https:// URL (plain http only to localhost, where nothing crosses a network); the agent's data and any header token go to it`
  )
  return false
}

function readServer(ctx: DocContext, server: McpServerDocument, path: FieldPath): McpServerDef | null {
  const transport = server.transport ?? 'stdio'
  const at = (key: string): FieldPath => [...path, key]
  const notFor = (keys: (keyof McpServerDocument)[], why: string): boolean => {
    const given = keys.filter((k) => server[k] !== undefined)
    for (const key of given) ctx.report('error', at(key), `${formatField(at(key))} is not used by a ${transport} server; ${why}`, { key: true })
    return given.length === 0
  }
  for (const key of ['init_options', 'auto_reconnect'] as const) {
    if (server[key] === undefined) continue
    const why = key === 'init_options' ? 'the server is initialised with the MCP defaults' : 'a server that stops fails its remaining calls; the job is short'
    ctx.report('notice', at(key), `ignored in a job: ${key} (${why})`, { key: true, once: `mcp_servers.${key}` })
    ctx.ignored.push(at(key))
  }
  if (server.endpoint !== undefined && server.url !== undefined) {
    ctx.report('error', at('url'), `${formatField(at('url'))} and endpoint both give the URL; keep endpoint`, { key: true })
    return null
  }
  const timeout = server.timeout_secs ?? DEFAULT_MCP_TIMEOUT_SECS
  if (timeout > MAX_MCP_TIMEOUT_SECS) {
    ctx.report('error', at('timeout_secs'), `${formatField(at('timeout_secs'))} must be at most ${MAX_MCP_TIMEOUT_SECS} seconds (found ${timeout})`)
    return null
  }
  const base = {
    name: server.name,
    transport,
    tools: server.tools?.length ? server.tools : null,
    timeoutSecs: timeout,
    toolTimeouts: {},
    location: ctx.location(path)
  }
  if (transport === 'stdio') {
    if (!notFor(['endpoint', 'url', 'headers'], 'it is a program on the runner, reached through its stdin and stdout')) return null
    if (server.command === undefined) {
      ctx.report('error', at('command'), `${formatField(at('command'))} is missing; a stdio server needs the program to run, e.g. npx`)
      return null
    }
    const env = textMap(server.env)
    const split = splitCommand(ctx, at('command'), server.command, (server.args ?? []).map(text))
    if (!checkEnv(ctx, at('env'), env) || !split) return null
    return { ...base, ...split, env, headers: {} }
  }
  if (!notFor(['command', 'args', 'env'], 'it is reached over the network at endpoint (a token for it goes in headers)')) return null
  const endpoint = server.endpoint ?? server.url
  const endpointPath = at(server.endpoint === undefined && server.url !== undefined ? 'url' : 'endpoint')
  if (endpoint === undefined) {
    ctx.report('error', at('endpoint'), `${formatField(at('endpoint'))} is missing; a ${transport} server needs its URL, e.g. https://mcp.example.com/mcp`)
    return null
  }
  if (!checkEndpoint(ctx, endpointPath, endpoint)) return null
  return { ...base, args: [], env: {}, endpoint, headers: textMap(server.headers) }
}

/** `{type: MCP, config: {name, command, env, timeout_seconds}}`: a stdio server with all its tools. */
function readTypedServer(ctx: DocContext, config: unknown, path: FieldPath): McpServerDef | null | 'dropped' {
  if (config === undefined) {
    ctx.report('warning', path, 'an MCP tool without config (its server name and command) cannot run; it is dropped')
    ctx.ignored.push(path)
    return 'dropped'
  }
  const data = checkShape(ctx, typedMcpConfigSchema, config, [...path, 'config'])
  if (!data) return null
  const [program, ...rest] = Array.isArray(data.command) ? data.command : [data.command]
  const document: McpServerDocument = {
    name: data.name,
    transport: 'stdio',
    command: program as string,
    args: [...rest, ...(data.args ?? [])],
    ...(data.env ? { env: data.env } : {}),
    ...(data.tools ? { tools: data.tools } : {}),
    ...(data.timeout_seconds !== undefined ? { timeout_secs: data.timeout_seconds } : {})
  }
  return readServer(ctx, document, [...path, 'config'])
}

/**
 * The agent's MCP servers, checked. `{name, source: mcp, server}` entries narrow their server to
 * the tools listed (with the server's own `tools`), so an agent gets what its YAML names.
 */
export function readMcpServers(ctx: DocContext, spec: AgentSpecDocument, base: FieldPath): McpServerDef[] {
  const servers: McpServerDef[] = []
  const add = (server: McpServerDef | null, path: FieldPath): void => {
    if (!server) return
    const first = servers.find((s) => s.name === server.name)
    if (first) {
      ctx.report('error', path, `a second MCP server named '${server.name}'; the first is at line ${first.location.line}`)
      return
    }
    servers.push(server)
  }
  spec.mcp_servers?.forEach((server, i) => add(readServer(ctx, server, [...base, 'mcp_servers', i]), [...base, 'mcp_servers', i, 'name']))
  spec.tools?.forEach((tool, i) => {
    if (typeof tool !== 'string' && 'type' in tool && isMcpTool(tool)) {
      const server = readTypedServer(ctx, tool.config, [...base, 'tools', i])
      if (server !== 'dropped') add(server, [...base, 'tools', i, 'config', 'name'])
    }
  })
  // Picked tools: listed per server; a server none picks from keeps its own filter.
  const picked = new Map<McpServerDef, string[]>()
  spec.tools?.forEach((tool, i) => {
    if (typeof tool === 'string' || 'type' in tool || tool.source !== 'mcp') return
    const path = [...base, 'tools', i]
    const server = tool.server === undefined ? (servers.length === 1 ? servers[0] : undefined) : servers.find((s) => s.name === tool.server)
    if (!server) {
      const known = servers.length ? `its servers are ${servers.map((s) => s.name).join(', ')}` : 'it has no mcp_servers'
      const message =
        tool.server === undefined
          ? `MCP tool '${tool.name}' needs server: the name of one of the agent's mcp_servers (${known})`
          : `MCP tool '${tool.name}' names server '${tool.server}', which this agent does not define; ${known}`
      ctx.report('error', tool.server === undefined ? path : [...path, 'server'], message)
      return
    }
    if (tool.config !== undefined) {
      ctx.report('notice', [...path, 'config'], 'ignored: config of an MCP tool (the server defines its settings)', { key: true, once: 'mcp-tool-config' })
      ctx.ignored.push([...path, 'config'])
    }
    const names = picked.get(server) ?? []
    picked.set(server, names)
    if (tool.enabled === false) return
    names.push(tool.name)
    if (tool.timeout_secs !== undefined) server.toolTimeouts[tool.name] = Math.min(tool.timeout_secs, MAX_MCP_TIMEOUT_SECS)
  })
  for (const [server, names] of picked) server.tools = [...new Set([...(server.tools ?? []), ...names])]
  return servers
}
