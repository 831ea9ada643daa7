// The MCP port: an agent's servers, started when the agent starts, through the official SDK client,
// their tools offered under their own names, every call timed and recorded, and every server
// stopped when the agent ends. An stdio server is a program on the runner: it starts only when the
// run may execute code, with a scrubbed environment.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { McpServerDef } from '../config/types.js'
import type { McpCallRecord } from '../report/types.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'
import type { Tool, ToolResult } from '../shared/tool.js'
import { redactSecrets } from '../text/redact-secrets.js'
import { sanitizeUntrusted } from '../text/sanitize-untrusted.js'
import { GroupStdioTransport } from './group-stdio-transport.js'
import { cut, mcpDescription, mcpResultText } from './mcp-result-text.js'
import { serverEnv } from './server-env.js'

/** Whether this run may execute code on the runner; decided by the gate, passed in. */
export type ExecutionDecision = { allowed: true } | { allowed: false; reason: string }

export interface OpenMcpOptions {
  servers: readonly McpServerDef[]
  execution: ExecutionDecision
  /** The step's environment: only the base (PATH, HOME, …) is taken from it. */
  stepEnv: Readonly<Record<string, string | undefined>>
  /** Where stdio servers run (the workspace). */
  cwd?: string
  /** The agent's other tools: an MCP tool of the same name is an error naming both. */
  otherTools: readonly string[]
  /** The action's own secrets (token, model keys): removed from every result, as a server's own secrets are. */
  secrets: readonly string[]
  /** Told each secret a server is given (its token env, its Authorization header), so logs and the summary mask it. */
  maskSecret?: (value: string) => void
  /** Dry-run: tools the server does not mark read-only are not called. */
  dryRun: boolean
  logger: Logger
}

export interface McpToolbox {
  tools: Tool[]
  /** Every call, in order, filled in as the agent runs. */
  calls: McpCallRecord[]
  /** Stops every server (process groups killed); never throws. */
  close(): Promise<void>
}

/** What the provider APIs accept as a tool name. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/

/** The action's own tools; no server may shadow one. */
const RESERVED_PREFIX = 'github_'

/** A schema bigger than this is no tool a model should be offered (and would eat the context). */
const SCHEMA_LIMIT = 20_000

interface Connected {
  def: McpServerDef
  client: Client
  transport: Transport
}

/** An env variable or header that carries a credential, by its name. */
const SECRET_NAME = /token|key|secret|passw|credential|auth|cookie|session|pat$/i

/** The values a server is given that are credentials: redacted from what it returns, masked in logs. */
export function serverSecrets(def: McpServerDef): string[] {
  const values = [...Object.entries(def.env), ...Object.entries(def.headers)].filter(([name]) => SECRET_NAME.test(name)).map(([, value]) => value)
  // `Bearer abc…`: the credential alone too, however the server echoes it.
  return [...new Set([...values, ...values.map((v) => v.replace(/^\S+\s+/, ''))])].filter((v) => v.length >= 4)
}

const seconds = (s: number): string => `${Number.isInteger(s) ? s : s.toFixed(1)} s`

function refusal(def: McpServerDef, execution: ExecutionDecision): string | null {
  if (def.transport !== 'stdio' || execution.allowed) return null
  return `MCP server '${def.name}' was not started: it runs a program on the runner (${def.command ?? ''}), and ${execution.reason}`
}

function transportFor(def: McpServerDef, options: OpenMcpOptions): Transport {
  if (def.transport === 'stdio') {
    return new GroupStdioTransport({
      command: def.command ?? '',
      args: def.args,
      env: serverEnv(options.stepEnv, def.env),
      ...(options.cwd ? { cwd: options.cwd } : {})
    })
  }
  const url = new URL(def.endpoint ?? '')
  const requestInit = { headers: def.headers }
  return def.transport === 'sse'
    ? new SSEClientTransport(url, { requestInit })
    : new StreamableHTTPClientTransport(url, {
        requestInit,
        reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 }
      })
}

/** Why a server failed to start, with the end of its stderr for a program. */
function startFailure(def: McpServerDef, transport: Transport, error: unknown): string {
  const stderr = transport instanceof GroupStdioTransport ? transport.stderr.trim() : ''
  const tail = stderr ? `; its stderr ends: ${cut(sanitizeUntrusted(stderr.slice(-300)), 300).replace(/\s+/g, ' ')}` : ''
  const where = def.transport === 'stdio' ? `'${[def.command, ...def.args].join(' ')}'` : def.endpoint
  return `MCP server '${def.name}' (${def.transport}, ${where}) did not start within ${seconds(def.timeoutSecs)}: ${errorMessage(error)}${tail}`
}

async function connect(def: McpServerDef, options: OpenMcpOptions): Promise<Connected> {
  const transport = transportFor(def, options)
  const client = new Client({ name: 'github-agent', version: '1' }, { capabilities: {} })
  const timeout = def.timeoutSecs * 1000
  try {
    await client.connect(transport, { timeout })
  } catch (error) {
    const message = startFailure(def, transport, error)
    await client.close().catch(() => {})
    await transport.close().catch(() => {})
    throw new Error(message, { cause: error })
  }
  return { def, client, transport }
}

async function listAll(server: Connected): Promise<Awaited<ReturnType<Client['listTools']>>['tools']> {
  const tools: Awaited<ReturnType<Client['listTools']>>['tools'] = []
  let cursor: string | undefined
  try {
    do {
      const page = await server.client.listTools(cursor ? { cursor } : {}, { timeout: server.def.timeoutSecs * 1000 })
      tools.push(...page.tools)
      cursor = page.nextCursor
    } while (cursor)
  } catch (error) {
    throw new Error(`MCP server '${server.def.name}' did not list its tools: ${cut(sanitizeUntrusted(errorMessage(error)), 500)}`, { cause: error })
  }
  return tools
}

interface CallContext {
  calls: McpCallRecord[]
  logger: Logger
  secrets: readonly string[]
  dryRun: boolean
}

function callTool(server: Connected, name: string, readOnly: boolean, ctx: CallContext): Tool['run'] {
  const { def, client } = server
  const { calls, logger, secrets } = ctx
  const timeoutSecs = def.toolTimeouts[name] ?? def.timeoutSecs
  return async (input): Promise<ToolResult> => {
    if (ctx.dryRun && !readOnly) {
      calls.push({ server: def.name, tool: name, durationMs: 0, ok: false, error: 'not called: dry-run, and the server does not mark it read-only' })
      return {
        content: `dry-run: tool ${name} of MCP server '${def.name}' was not called (the server does not mark it read-only); nothing was done`,
        isError: false
      }
    }
    const started = performance.now()
    const record = (ok: boolean, error?: string): void => {
      const durationMs = Math.round(performance.now() - started)
      calls.push({ server: def.name, tool: name, durationMs, ok, ...(error ? { error } : {}) })
      logger.info(`MCP ${def.name}/${name}: ${ok ? 'ok' : `error: ${error ?? ''}`} (${durationMs} ms)`)
    }
    try {
      const result = (await client.callTool({ name, arguments: input }, undefined, { timeout: timeoutSecs * 1000 })) as Record<string, unknown>
      const content = redactSecrets(mcpResultText(result), secrets)
      const isError = result.isError === true
      record(!isError, isError ? 'the tool reported an error' : undefined)
      return { content, isError }
    } catch (error) {
      const timedOut = /timed? ?out/i.test(errorMessage(error))
      const why = timedOut
        ? `did not answer within ${seconds(timeoutSecs)}`
        : `failed: ${redactSecrets(cut(sanitizeUntrusted(errorMessage(error)), 500), secrets)}`
      record(false, timedOut ? `timed out after ${seconds(timeoutSecs)}` : 'failed')
      return { content: `tool ${name} of MCP server '${def.name}' ${why}`, isError: true }
    }
  }
}

/** The server's tools the agent is offered, checked against its filter, each other and the agent's other tools. */
async function offeredTools(servers: Connected[], options: OpenMcpOptions, calls: McpCallRecord[]): Promise<Tool[]> {
  const secrets = [...options.secrets, ...servers.flatMap((s) => serverSecrets(s.def))]
  const owner = new Map<string, string>(options.otherTools.map((name) => [name, `the agent's tool '${name}'`]))
  const tools: Tool[] = []
  for (const server of servers) {
    const { def } = server
    const listed = await listAll(server)
    const wanted = def.tools
    if (wanted) {
      const names = new Set(listed.map((t) => t.name))
      const missing = wanted.filter((n) => !names.has(n))
      if (missing.length > 0) {
        const has = [...names].slice(0, 30).join(', ') || 'none'
        throw new Error(
          `MCP server '${def.name}' has no tool ${missing.map((n) => `'${n}'`).join(', ')} (its tools: ${has}); fix tools: in its YAML at ${def.location.file}:${def.location.line}`
        )
      }
    }
    for (const tool of listed) {
      if (wanted && !wanted.includes(tool.name)) continue
      const schema = JSON.stringify(tool.inputSchema ?? {})
      if (!TOOL_NAME.test(tool.name) || schema.length > SCHEMA_LIMIT) {
        const why = TOOL_NAME.test(tool.name)
          ? `its input schema is over ${SCHEMA_LIMIT} characters`
          : 'its name is not one a model API accepts (letters, digits, _ and -)'
        if (wanted) throw new Error(`MCP tool '${tool.name}' of server '${def.name}' cannot be offered: ${why}`)
        options.logger.warning(`MCP tool '${tool.name}' of server '${def.name}' is not offered: ${why}`)
        continue
      }
      const clash = tool.name.startsWith(RESERVED_PREFIX) ? `github-agent's own ${RESERVED_PREFIX}* tools` : owner.get(tool.name)
      if (clash) {
        throw new Error(
          `MCP tool '${tool.name}' of server '${def.name}' has the same name as ${clash}; leave it out with the server's tools: list, or use another server`
        )
      }
      owner.set(tool.name, `tool '${tool.name}' of MCP server '${def.name}'`)
      const readOnly = tool.annotations?.readOnlyHint === true
      tools.push({
        name: tool.name,
        description: mcpDescription(tool.description, def.name),
        inputSchema: { ...(tool.inputSchema as Record<string, unknown>), type: 'object' },
        readOnly,
        run: callTool(server, tool.name, readOnly, { calls, logger: options.logger, secrets, dryRun: options.dryRun })
      })
    }
  }
  return tools
}

async function closeAll(servers: Connected[]): Promise<void> {
  await Promise.allSettled(
    servers.map(async ({ client, transport }) => {
      if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => {})
      await client.close().catch(() => {})
      // Client.close closes the transport; closing again makes sure a process group is gone.
      await transport.close().catch(() => {})
    })
  )
}

/**
 * Starts the agent's servers (all of them, in parallel) and lists their tools. Throws one sentence
 * naming the server when one may not start (stdio in a run that may not execute code), does not
 * start in time, or offers a tool that clashes; whatever was started is stopped first.
 */
export async function openMcpServers(options: OpenMcpOptions): Promise<McpToolbox> {
  for (const def of options.servers) {
    const refused = refusal(def, options.execution)
    if (refused) throw new Error(refused)
  }
  for (const secret of options.servers.flatMap(serverSecrets)) options.maskSecret?.(secret)
  const started = await Promise.allSettled(options.servers.map((def) => connect(def, options)))
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) {
    await closeAll(servers)
    throw new Error(errorMessage(failed.reason))
  }
  const calls: McpCallRecord[] = []
  let tools: Tool[]
  try {
    tools = await offeredTools(servers, options, calls)
  } catch (error) {
    await closeAll(servers)
    throw error
  }
  for (const { def } of servers) options.logger.info(`MCP server '${def.name}' (${def.transport}) started`)
  return { tools, calls, close: () => closeAll(servers) }
}
