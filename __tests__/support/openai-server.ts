// A local OpenAI Chat Completions API for tests, in the URL shapes of the servers that speak it:
// `POST {prefix}/chat/completions` (OpenAI `/v1`, Groq `/openai/v1`, Ollama `/v1`, a gateway's own
// prefix) and Azure OpenAI's `POST /openai/deployments/{deployment}/chat/completions?api-version=`
// with an `api-key` header. JSON or SSE (`stream: true`), answered from a per-test script and
// recorded. It enforces what the real API enforces on what github-agent sends (credentials, known
// fields, tool-call pairing, tool names, reasoning models' parameters) with OpenAI's wording, so a
// request the real API would refuse fails here too. Point the SDK at it with baseURL.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface OpenAiScriptCall {
  name: string
  /** Sent as the JSON text the API sends; `rawArguments` sends text as is (malformed JSON). */
  arguments?: Record<string, unknown>
  rawArguments?: string
  id?: string
}

export interface OpenAiUsage {
  prompt_tokens: number
  completion_tokens: number
  cached_tokens: number
}

/** One model answer. Usage defaults to a deterministic count from the request and answer sizes. */
export interface OpenAiTurn {
  content?: string
  toolCalls?: OpenAiScriptCall[]
  usage?: Partial<OpenAiUsage>
  /** Default: `tool_calls` when the answer has calls, else `stop`. */
  finishReason?: string
  /** Answer only after this long (for client timeouts). */
  delayMs?: number
}

export interface OpenAiFault {
  fault: { status: number; type: string; code: string | null; message: string; headers?: Record<string, string> }
}

export type OpenAiStep = OpenAiTurn | OpenAiFault

export const openAiFaults = {
  /** 429 with the headers OpenAI sends when a rate limit is hit. */
  rateLimited(retryAfterSeconds = 1): OpenAiFault {
    return {
      fault: {
        status: 429,
        type: 'requests',
        code: 'rate_limit_exceeded',
        message: 'Rate limit reached for gpt-4o in organization org-fake on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 1s.',
        headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining-requests': '0' }
      }
    }
  },
  serverError(status = 500): OpenAiFault {
    return { fault: { status, type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' } }
  }
}

export type OpenAiFlavor = 'openai' | 'azure'

export interface OpenAiServerOptions {
  /** The key the server accepts; null = no key checked (Ollama). */
  apiKey?: string | null
  /** `azure`: deployments in the path, `api-key` header, `api-version` query required. */
  flavor?: OpenAiFlavor
  /** Path before `/chat/completions` for the OpenAI shape (default `/v1`). */
  prefix?: string
}

export interface RecordedOpenAiRequest {
  method: string
  path: string
  query: Record<string, string>
  /** The body's model, or Azure's deployment from the path. */
  model: string | null
  headers: Record<string, string>
  body: any
  status: number
  error?: string
}

export interface OpenAiServer {
  /** Base URL with the prefix (`http://127.0.0.1:PORT/v1`): the SDK's baseURL. For Azure, the endpoint (no path). */
  url: string
  /** `http://127.0.0.1:PORT`. */
  origin: string
  apiKey: string
  requests: RecordedOpenAiRequest[]
  script(steps: OpenAiStep[]): void
  remaining(): number
  /** Requests the server refused as invalid (4xx other than faults); tests normally expect none. */
  invalidRequests(): RecordedOpenAiRequest[]
  close(): Promise<void>
}

class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | null,
    message: string,
    readonly param: string | null = null
  ) {
    super(message)
  }
}

// Chat Completions request fields (openai 6.x ChatCompletionCreateParams).
const ALLOWED_FIELDS = new Set([
  'messages',
  'model',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options'
])
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function'])
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/
const REASONING_MODEL = /^(o\d|gpt-5)/

const invalid = (message: string, param: string | null = null) => new ApiRefusal(400, 'invalid_request_error', null, message, param)

function checkKey(headers: IncomingMessage['headers'], apiKey: string | null, flavor: OpenAiFlavor): void {
  if (apiKey === null) return
  const given = flavor === 'azure' ? headers['api-key'] : headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7) : undefined
  if (given === undefined) {
    if (flavor === 'azure') {
      throw new ApiRefusal(
        401,
        'invalid_request_error',
        '401',
        'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.'
      )
    }
    throw new ApiRefusal(
      401,
      'invalid_request_error',
      null,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
    )
  }
  if (given !== apiKey) {
    if (flavor === 'azure') {
      throw new ApiRefusal(
        401,
        'invalid_request_error',
        '401',
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'
      )
    }
    throw new ApiRefusal(
      401,
      'invalid_request_error',
      'invalid_api_key',
      `Incorrect API key provided: ${given.slice(0, 3)}***. You can find your API key at https://platform.openai.com/account/api-keys.`
    )
  }
}

function checkFields(body: any, model: string | null): void {
  for (const field of Object.keys(body)) {
    if (!ALLOWED_FIELDS.has(field)) throw invalid(`Unrecognized request argument supplied: ${field}`)
  }
  if (!model) throw invalid('you must provide a model parameter')
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw invalid("[] is too short - 'messages'", 'messages')
  if (body.max_tokens !== undefined && body.max_completion_tokens !== undefined) {
    throw invalid('max_tokens and max_completion_tokens cannot both be set. Please use max_completion_tokens only.')
  }
  if (REASONING_MODEL.test(model)) {
    if (body.max_tokens !== undefined) {
      throw new ApiRefusal(
        400,
        'invalid_request_error',
        'unsupported_parameter',
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'max_tokens'
      )
    }
    if (body.temperature !== undefined && body.temperature !== 1) {
      throw new ApiRefusal(
        400,
        'invalid_request_error',
        'unsupported_value',
        `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`,
        'temperature'
      )
    }
  }
  ;(Array.isArray(body.tools) ? body.tools : []).forEach((tool: any, i: number) => {
    if (tool?.type !== 'function') throw invalid(`Invalid value: '${tool?.type}'. Supported values are: 'function' and 'custom'.`, `tools[${i}].type`)
    if (typeof tool.function?.name !== 'string' || !TOOL_NAME.test(tool.function.name)) {
      throw invalid(
        `Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
        `tools[${i}].function.name`
      )
    }
    const parameters = tool.function.parameters
    if (parameters !== undefined && (typeof parameters !== 'object' || parameters === null || parameters.type !== 'object')) {
      throw invalid(
        `Invalid schema for function '${tool.function.name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${parameters?.type}"'.`,
        `tools[${i}].function.parameters`
      )
    }
  })
}

/** The API's pairing rules: a tool message answers a call of the assistant message before it, and every call is answered. */
function checkMessages(messages: any[]): void {
  messages.forEach((message, i) => {
    if (!ROLES.has(message?.role)) {
      throw invalid(
        `Invalid value: '${message?.role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${i}].role`
      )
    }
    if (message.role === 'tool') {
      let k = i - 1
      while (k >= 0 && messages[k].role === 'tool') k--
      const calls: any[] = messages[k]?.role === 'assistant' && Array.isArray(messages[k].tool_calls) ? messages[k].tool_calls : []
      if (!calls.some((c) => c.id === message.tool_call_id)) {
        throw invalid("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${i}].role`)
      }
      if (typeof message.content !== 'string' && !Array.isArray(message.content)) throw invalid(`Missing required parameter: 'messages[${i}].content'.`)
      return
    }
    if (message.role === 'assistant') {
      const calls: any[] = Array.isArray(message.tool_calls) ? message.tool_calls : []
      if (calls.length === 0 && (message.content === null || message.content === undefined || message.content === '')) {
        throw invalid(`Invalid value for 'content': expected a string, got null.`, `messages.[${i}].content`)
      }
      calls.forEach((call, c) => {
        if (typeof call.function?.arguments !== 'string')
          throw invalid(`Invalid type for 'messages[${i}].tool_calls[${c}].function.arguments': expected a string.`)
      })
      const answered = new Set<string>()
      for (let k = i + 1; k < messages.length && messages[k].role === 'tool'; k++) answered.add(messages[k].tool_call_id)
      const missing = calls.map((call) => call.id as string).filter((id) => !answered.has(id))
      if (missing.length > 0 && i < messages.length - 1) {
        throw invalid(
          `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
          'messages'
        )
      }
      return
    }
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
      throw invalid(
        `Invalid type for 'messages[${i}].content': expected one of a string or array of objects, but got ${message.content === null ? 'null' : typeof message.content} instead.`
      )
    }
  })
}

function estimate(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value ?? '').length / 4))
}

function completion(turn: OpenAiTurn, body: any, model: string, serial: number, nextCallId: () => string): any {
  const toolCalls = (turn.toolCalls ?? []).map((call) => ({
    id: call.id ?? nextCallId(),
    type: 'function',
    function: { name: call.name, arguments: call.rawArguments ?? JSON.stringify(call.arguments ?? {}) }
  }))
  const message = {
    role: 'assistant',
    content: turn.content ?? null,
    refusal: null,
    annotations: [],
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {})
  }
  const prompt = turn.usage?.prompt_tokens ?? estimate({ m: body.messages, t: body.tools })
  const output = turn.usage?.completion_tokens ?? estimate(message)
  return {
    id: `chatcmpl-fake${serial}`,
    object: 'chat.completion',
    created: 1_764_806_400 + serial,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: turn.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop') }],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: output,
      total_tokens: prompt + output,
      prompt_tokens_details: { cached_tokens: turn.usage?.cached_tokens ?? 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 }
    },
    service_tier: 'default',
    system_fingerprint: 'fp_fake'
  }
}

/** The completion as the API streams it: the role, the content in two pieces, each call's name then its arguments, the finish, then usage if asked. */
function streamCompletion(res: ServerResponse, full: any, includeUsage: boolean): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
  const base = { id: full.id, object: 'chat.completion.chunk', created: full.created, model: full.model, system_fingerprint: full.system_fingerprint }
  const send = (delta: any, finish: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(includeUsage ? { usage: null } : {}) })}\n\n`
    )
  const message = full.choices[0].message
  send({ role: 'assistant', content: '', refusal: null })
  if (typeof message.content === 'string') {
    const half = Math.ceil(message.content.length / 2)
    for (const piece of [message.content.slice(0, half), message.content.slice(half)]) send({ content: piece })
  }
  ;(message.tool_calls ?? []).forEach((call: any, index: number) => {
    send({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] })
    const args: string = call.function.arguments
    const half = Math.ceil(args.length / 2)
    for (const piece of [args.slice(0, half), args.slice(half)]) send({ tool_calls: [{ index, function: { arguments: piece } }] })
  })
  send({}, full.choices[0].finish_reason)
  if (includeUsage) res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: full.usage })}\n\n`)
  res.write('data: [DONE]\n\n')
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

const AZURE_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/

export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiServer> {
  const apiKey = options.apiKey === undefined ? 'test-openai-key' : options.apiKey
  const flavor = options.flavor ?? 'openai'
  const prefix = (options.prefix ?? '/v1').replace(/\/+$/, '')
  const steps: OpenAiStep[] = []
  const requests: RecordedOpenAiRequest[] = []
  let serial = 0
  let callSerial = 0
  const nextCallId = () => `call_fake${String(++callSerial).padStart(4, '0')}`

  const sendError = (res: ServerResponse, record: RecordedOpenAiRequest, refusal: ApiRefusal, headers: Record<string, string> = {}) => {
    record.status = refusal.status
    record.error = refusal.message
    res.writeHead(refusal.status, { 'content-type': 'application/json', 'x-request-id': `req_fake${serial}`, ...headers })
    res.end(JSON.stringify({ error: { message: refusal.message, type: refusal.type, param: refusal.param, code: refusal.code } }))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    serial++
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    let body: any
    try {
      body = raw === '' ? undefined : JSON.parse(raw)
    } catch {
      body = undefined
    }
    const azure = flavor === 'azure' ? AZURE_PATH.exec(url.pathname) : null
    const record: RecordedOpenAiRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      model: azure ? decodeURIComponent(azure[1] as string) : typeof body?.model === 'string' ? body.model : null,
      headers: headerRecord(req.headers),
      body,
      status: 0
    }
    requests.push(record)
    const routed = flavor === 'azure' ? azure !== null : url.pathname === `${prefix}/chat/completions`
    if (req.method !== 'POST' || !routed) {
      return sendError(res, record, new ApiRefusal(404, 'invalid_request_error', 'unknown_url', `Invalid URL (${req.method} ${url.pathname})`))
    }
    try {
      checkKey(req.headers, apiKey, flavor)
      if (flavor === 'azure' && !url.searchParams.get('api-version')) {
        throw new ApiRefusal(404, 'invalid_request_error', '404', 'Resource not found')
      }
      if (typeof body !== 'object' || body === null) throw invalid('We could not parse the JSON body of your request.')
      checkFields(body, record.model)
      checkMessages(body.messages)
    } catch (error) {
      if (error instanceof ApiRefusal) return sendError(res, record, error)
      throw error
    }
    const step = steps.shift()
    if (!step) return sendError(res, record, new ApiRefusal(500, 'server_error', null, 'fake OpenAI server: no scripted turn left for this request'))
    if ('fault' in step) {
      const f = step.fault
      return sendError(res, record, new ApiRefusal(f.status, f.type, f.code, f.message), f.headers)
    }
    const full = completion(step, body, record.model as string, serial, nextCallId)
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs))
    if (res.destroyed) return
    record.status = 200
    if (body.stream === true) return streamCompletion(res, full, body.stream_options?.include_usage === true)
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_fake${serial}` })
    res.end(JSON.stringify(full))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: `fake server crashed: ${String(error)}`, type: 'server_error', param: null, code: null } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    url: flavor === 'azure' ? origin : `${origin}${prefix}`,
    origin,
    apiKey: apiKey ?? '',
    requests,
    script: (more) => void steps.push(...more),
    remaining: () => steps.length,
    invalidRequests: () => requests.filter((r) => r.status >= 400 && r.status < 500 && r.status !== 429),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}
