// A local Anthropic Messages API for tests: `POST /v1/messages`, JSON or SSE (`stream: true`),
// answered from a per-test script and recorded. It enforces the rules the real API enforces on
// what github-agent sends (credentials, required fields, the 2026-10-21 sampling-parameter
// removal, tool_use/tool_result pairing, at most 4 cache breakpoints) with the API's own wording,
// so a request the real API would refuse fails here too. Point the SDK at it with baseURL: server.url.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ScriptBlock = { type: 'text'; text: string } | { type: 'tool_use'; name: string; input: Record<string, unknown>; id?: string }

export interface ScriptUsage {
  input_tokens: number
  output_tokens: number
  cache_creation_input_tokens: number
  cache_read_input_tokens: number
}

/** One model answer. Usage defaults to a deterministic count from the request and answer sizes. */
export interface AnthropicTurn {
  content: ScriptBlock[]
  usage?: Partial<ScriptUsage>
  /** Default: `tool_use` when the content has a tool_use block, else `end_turn`. */
  stopReason?: string
  /** Answer only after this long (for client timeouts). */
  delayMs?: number
}

/** An answer that is a failure instead of a message. */
export interface AnthropicFault {
  fault: { status: number; type: string; message: string; headers?: Record<string, string> }
}

export type AnthropicStep = AnthropicTurn | AnthropicFault

export const anthropicFaults = {
  /** 429 with retry-after in seconds, as the API sends when a rate limit is hit. */
  rateLimited(retryAfterSeconds = 1): AnthropicFault {
    return {
      fault: {
        status: 429,
        type: 'rate_limit_error',
        message:
          'This request would exceed the rate limit for your organization of 50 requests per minute. Please reduce the prompt length or the maximum tokens requested, or try again later.',
        headers: { 'retry-after': String(retryAfterSeconds) }
      }
    }
  },
  overloaded(): AnthropicFault {
    return { fault: { status: 529, type: 'overloaded_error', message: 'Overloaded' } }
  },
  serverError(status = 500): AnthropicFault {
    return { fault: { status, type: 'api_error', message: 'Internal server error' } }
  }
}

export interface RecordedAnthropicRequest {
  method: string
  path: string
  /** Lower-cased header names. */
  headers: Record<string, string>
  /** Parsed JSON body (undefined when it did not parse). */
  body: any
  status: number
  /** The error message sent back, for a refused request. */
  error?: string
}

export interface AnthropicServer {
  /** Base URL: `http://127.0.0.1:PORT` (the SDK's baseURL, ANTHROPIC_BASE_URL). */
  url: string
  apiKey: string
  requests: RecordedAnthropicRequest[]
  /** Queue answers; each accepted request consumes one, in order. */
  script(steps: AnthropicStep[]): void
  /** Steps not yet consumed. */
  remaining(): number
  /**
   * Answer from the request itself once the script is used up (null: no more answers), for runs
   * started together whose requests arrive in no fixed order.
   */
  answerWith(respond: ((body: any) => AnthropicStep) | null): void
  /** Requests the server refused as invalid (4xx other than faults); tests normally expect none. */
  invalidRequests(): RecordedAnthropicRequest[]
  close(): Promise<void>
}

export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

// The request body fields of API version 2026-10-21 (@anthropic-ai/sdk 1.x MessageCreateParams).
const ALLOWED_FIELDS = new Set([
  'max_tokens',
  'messages',
  'model',
  'cache_control',
  'container',
  'context_management',
  'diagnostics',
  'inference_geo',
  'mcp_servers',
  'metadata',
  'output_config',
  'service_tier',
  'speed',
  'stop_sequences',
  'stream',
  'system',
  'thinking',
  'tool_choice',
  'tools'
])
const SAMPLING_FIELDS = new Set(['temperature', 'top_p', 'top_k'])
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/

function blocksOf(content: unknown): any[] {
  return Array.isArray(content) ? content : []
}

function checkHeaders(headers: IncomingMessage['headers'], apiKey: string): void {
  const key = headers['x-api-key'] ?? (headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7) : undefined)
  if (key === undefined) throw new ApiRefusal(401, 'authentication_error', 'x-api-key header is required')
  if (key !== apiKey) throw new ApiRefusal(401, 'authentication_error', 'invalid x-api-key')
  if (!headers['anthropic-version']) throw new ApiRefusal(400, 'invalid_request_error', 'anthropic-version: header is required')
}

function checkFields(body: Record<string, unknown>, version: string): void {
  for (const field of ['model', 'max_tokens', 'messages']) {
    if (body[field] === undefined) throw new ApiRefusal(400, 'invalid_request_error', `${field}: Field required`)
  }
  for (const field of Object.keys(body)) {
    const allowedBefore = version < '2026-10-21' && SAMPLING_FIELDS.has(field)
    if (!ALLOWED_FIELDS.has(field) && !allowedBefore) throw new ApiRefusal(400, 'invalid_request_error', `${field}: Extra inputs are not permitted`)
  }
  blocksOf(body.tools).forEach((tool, i) => {
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) {
      throw new ApiRefusal(400, 'invalid_request_error', `tools.${i}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`)
    }
    if (typeof tool.input_schema !== 'object' || tool.input_schema === null) {
      throw new ApiRefusal(400, 'invalid_request_error', `tools.${i}.custom.input_schema: Field required`)
    }
  })
}

/** The API's tool pairing rules, checked both ways, with its wording. */
export function checkToolPairing(messages: any[]): void {
  messages.forEach((message, i) => {
    const blocks = blocksOf(message.content)
    blocks.forEach((block, k) => {
      if (block.type === 'text' && block.text === '') throw new ApiRefusal(400, 'invalid_request_error', 'messages: text content blocks must be non-empty')
      if (block.type !== 'tool_result') return
      const previous = messages[i - 1]
      const offered =
        previous?.role === 'assistant'
          ? blocksOf(previous.content)
              .filter((b) => b.type === 'tool_use')
              .map((b) => b.id)
          : []
      if (!offered.includes(block.tool_use_id)) {
        throw new ApiRefusal(
          400,
          'invalid_request_error',
          `messages.${i}.content.${k}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${block.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`
        )
      }
    })
    if (message.role !== 'assistant') return
    const uses = blocks.filter((b) => b.type === 'tool_use').map((b) => b.id as string)
    if (uses.length === 0) return
    const next = messages[i + 1]
    const answered =
      next?.role === 'user'
        ? blocksOf(next.content)
            .filter((b) => b.type === 'tool_result')
            .map((b) => b.tool_use_id)
        : []
    const missing = uses.filter((id) => !answered.includes(id))
    // The conversation may end on the assistant turn only when nothing follows it.
    if (missing.length > 0 && next !== undefined) {
      throw new ApiRefusal(
        400,
        'invalid_request_error',
        `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`
      )
    }
  })
}

export function countBreakpoints(body: any): number {
  const marked = (b: any) => (b && typeof b === 'object' && b.cache_control ? 1 : 0)
  let count = body.cache_control ? 1 : 0
  for (const b of blocksOf(body.system)) count += marked(b)
  for (const t of blocksOf(body.tools)) count += marked(t)
  for (const m of blocksOf(body.messages)) for (const b of blocksOf(m.content)) count += marked(b)
  return count
}

function validate(headers: IncomingMessage['headers'], body: any, apiKey: string): void {
  checkHeaders(headers, apiKey)
  if (typeof body !== 'object' || body === null) throw new ApiRefusal(400, 'invalid_request_error', 'There was an error parsing the body of your request')
  checkFields(body, String(headers['anthropic-version']))
  checkToolPairing(blocksOf(body.messages))
  const breakpoints = countBreakpoints(body)
  if (breakpoints > 4) throw new ApiRefusal(400, 'invalid_request_error', `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`)
}

function estimate(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value).length / 4))
}

interface Answer {
  message: any
}

export function answer(turn: AnthropicTurn, body: any, serial: number, nextToolId: () => string): Answer {
  const content = turn.content.map((b) =>
    b.type === 'text' ? { type: 'text', text: b.text, citations: null } : { type: 'tool_use', id: b.id ?? nextToolId(), name: b.name, input: b.input }
  )
  const usage: ScriptUsage = {
    input_tokens: turn.usage?.input_tokens ?? estimate({ system: body.system, tools: body.tools, messages: body.messages }),
    output_tokens: turn.usage?.output_tokens ?? estimate(content),
    cache_creation_input_tokens: turn.usage?.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: turn.usage?.cache_read_input_tokens ?? 0
  }
  const stopReason = turn.stopReason ?? (content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn')
  return {
    message: {
      id: `msg_fake_${serial}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { ...usage, service_tier: 'standard' }
    }
  }
}

/** The message as the API streams it: start, one block at a time in two deltas, then the stop reason. */
export function messageEvents(message: any): Array<[string, unknown]> {
  const events: Array<[string, unknown]> = []
  const sse = (event: string, data: unknown) => void events.push([event, data])
  sse('message_start', { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } } })
  message.content.forEach((block: any, index: number) => {
    if (block.type === 'text') {
      sse('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } })
      const half = Math.ceil(block.text.length / 2)
      for (const piece of [block.text.slice(0, half), block.text.slice(half)]) {
        sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } })
      }
    } else {
      sse('content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } })
      const json = JSON.stringify(block.input)
      const half = Math.ceil(json.length / 2)
      for (const piece of [json.slice(0, half), json.slice(half)]) {
        sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } })
      }
    }
    sse('content_block_stop', { type: 'content_block_stop', index })
  })
  sse('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens }
  })
  sse('message_stop', { type: 'message_stop' })
  return events
}

function streamMessage(res: ServerResponse, message: any): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  for (const [event, data] of messageEvents(message)) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  res.end()
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

export async function startAnthropicServer(options: { apiKey?: string } = {}): Promise<AnthropicServer> {
  const apiKey = options.apiKey ?? 'test-anthropic-key'
  const steps: AnthropicStep[] = []
  const requests: RecordedAnthropicRequest[] = []
  let serial = 0
  let responder: ((body: any) => AnthropicStep) | null = null
  let toolSerial = 0
  const nextToolId = () => `toolu_fake_${String(++toolSerial).padStart(4, '0')}`

  const sendError = (
    res: ServerResponse,
    record: RecordedAnthropicRequest,
    status: number,
    type: string,
    message: string,
    headers: Record<string, string> = {}
  ) => {
    record.status = status
    record.error = message
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${serial}`, ...headers })
    res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: `req_fake_${serial}` }))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    serial++
    const raw = await readBody(req)
    let body: any
    try {
      body = raw === '' ? undefined : JSON.parse(raw)
    } catch {
      body = undefined
    }
    const record: RecordedAnthropicRequest = { method: req.method ?? '', path: req.url ?? '', headers: headerRecord(req.headers), body, status: 0 }
    requests.push(record)
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/v1/messages') {
      return sendError(res, record, 404, 'not_found_error', 'Not found')
    }
    try {
      validate(req.headers, body, apiKey)
    } catch (error) {
      if (error instanceof ApiRefusal) return sendError(res, record, error.status, error.type, error.message)
      throw error
    }
    const step = steps.shift() ?? responder?.(body)
    if (!step) return sendError(res, record, 500, 'api_error', 'fake Anthropic server: no scripted turn left for this request')
    if ('fault' in step) return sendError(res, record, step.fault.status, step.fault.type, step.fault.message, step.fault.headers)
    const { message } = answer(step, body, serial, nextToolId)
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs))
    if (res.destroyed) return
    record.status = 200
    if (body.stream === true) return streamMessage(res, message)
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_fake_${serial}` })
    res.end(JSON.stringify(message))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: `fake server crashed: ${String(error)}` } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    script: (more) => void steps.push(...more),
    remaining: () => steps.length,
    answerWith: (respond) => {
      responder = respond
    },
    invalidRequests: () => requests.filter((r) => r.status >= 400 && r.status < 500 && r.status !== 429),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}
