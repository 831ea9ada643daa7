// A local Gemini API for tests: `POST /v1beta/models/{model}:generateContent` (and
// `:streamGenerateContent?alt=sse`), answered from a per-test script and recorded. It enforces
// what the real API enforces on what github-agent sends (API key by header or `key` query,
// contents present, one functionResponse per functionCall of the previous turn, and, for
// Gemini 3 style models, thought signatures echoed back), with the API's own wording.
// Point @google/genai at it with httpOptions.baseUrl: server.url.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type GeminiScriptPart =
  { text: string; thoughtSignature?: string } | { functionCall: { name: string; args: Record<string, unknown>; id?: string }; thoughtSignature?: string }

export interface GeminiUsage {
  promptTokenCount: number
  candidatesTokenCount: number
  cachedContentTokenCount: number
  thoughtsTokenCount: number
}

export interface GeminiTurn {
  parts: GeminiScriptPart[]
  usage?: Partial<GeminiUsage>
  /** Default STOP (Gemini ends a function-calling turn with STOP too). */
  finishReason?: string
  /** Answer only after this long (for client timeouts). */
  delayMs?: number
}

export interface GeminiFault {
  fault: { code: number; status: string; message: string; details?: unknown[] }
}

export type GeminiStep = GeminiTurn | GeminiFault

/** A scripted step, or one answered from the request it meets (a model that reads its tool results). */
export type GeminiScriptStep = GeminiStep | ((body: any) => GeminiStep)

export const geminiFaults = {
  /** 429 RESOURCE_EXHAUSTED with a google.rpc.RetryInfo delay, as the API sends it. */
  resourceExhausted(retryDelaySeconds = 1): GeminiFault {
    return {
      fault: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message:
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryDelaySeconds}s` }]
      }
    }
  },
  unavailable(): GeminiFault {
    return { fault: { code: 503, status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' } }
  },
  internal(): GeminiFault {
    return {
      fault: {
        code: 500,
        status: 'INTERNAL',
        message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'
      }
    }
  }
}

export interface RecordedGeminiRequest {
  method: string
  path: string
  model: string | null
  query: Record<string, string>
  headers: Record<string, string>
  body: any
  status: number
  error?: string
}

export interface GeminiServerOptions {
  apiKey?: string
  /** Refuse a model turn whose function calls come back without their thought signature (Gemini 3). */
  requireThoughtSignatures?: boolean
}

export interface GeminiServer {
  /** Base URL: `http://127.0.0.1:PORT` (httpOptions.baseUrl, GOOGLE_GEMINI_BASE_URL). */
  url: string
  apiKey: string
  requests: RecordedGeminiRequest[]
  script(steps: GeminiScriptStep[]): void
  remaining(): number
  invalidRequests(): RecordedGeminiRequest[]
  close(): Promise<void>
}

class ApiRefusal extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly details?: unknown[]
  ) {
    super(message)
  }
}

const PAIRING = 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.'
const PATH = /^\/v1beta\/models\/([^:]+):(generateContent|streamGenerateContent)$/

function partsOf(content: any): any[] {
  return Array.isArray(content?.parts) ? content.parts : []
}

function checkKey(req: IncomingMessage, query: URLSearchParams, apiKey: string): void {
  const header = req.headers['x-goog-api-key']
  const key = (Array.isArray(header) ? header[0] : header) ?? query.get('key') ?? undefined
  if (key === undefined) {
    throw new ApiRefusal(
      403,
      'PERMISSION_DENIED',
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
    )
  }
  if (key !== apiKey) {
    throw new ApiRefusal(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }
    ])
  }
}

function checkContents(body: any, requireSignatures: boolean): void {
  const contents: any[] = Array.isArray(body?.contents) ? body.contents : []
  if (contents.length === 0) throw new ApiRefusal(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified\n')
  contents.forEach((content, i) => {
    if (content.role !== 'user' && content.role !== 'model') throw new ApiRefusal(400, 'INVALID_ARGUMENT', 'Please use a valid role: user, model.')
    const parts = partsOf(content)
    if (parts.length === 0) throw new ApiRefusal(400, 'INVALID_ARGUMENT', `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`)
    if (content.role !== 'model') return
    const calls = parts.filter((p) => p.functionCall)
    if (calls.length === 0) return
    if (requireSignatures && !calls[0].thoughtSignature) {
      throw new ApiRefusal(
        400,
        'INVALID_ARGUMENT',
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${calls[0].functionCall.name}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`
      )
    }
    const next = contents[i + 1]
    if (next === undefined) return
    const responses = partsOf(next).filter((p) => p.functionResponse)
    if (next.role !== 'user' || responses.length !== calls.length) throw new ApiRefusal(400, 'INVALID_ARGUMENT', PAIRING)
    // Stricter than the API's count check: each response must name a call of that turn.
    const names = calls.map((c) => c.functionCall.name)
    for (const r of responses) {
      if (!names.includes(r.functionResponse.name)) throw new ApiRefusal(400, 'INVALID_ARGUMENT', PAIRING)
    }
  })
}

function estimate(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value ?? '').length / 4))
}

function answer(turn: GeminiTurn, body: any, model: string, serial: number): any {
  const prompt = turn.usage?.promptTokenCount ?? estimate({ s: body.systemInstruction, t: body.tools, c: body.contents })
  const candidates = turn.usage?.candidatesTokenCount ?? estimate(turn.parts)
  const thoughts = turn.usage?.thoughtsTokenCount ?? 0
  const cached = turn.usage?.cachedContentTokenCount ?? 0
  return {
    candidates: [{ content: { role: 'model', parts: turn.parts }, finishReason: turn.finishReason ?? 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: prompt,
      candidatesTokenCount: candidates,
      totalTokenCount: prompt + candidates + thoughts,
      ...(cached ? { cachedContentTokenCount: cached } : {}),
      ...(thoughts ? { thoughtsTokenCount: thoughts } : {})
    },
    modelVersion: model,
    responseId: `fake-response-${serial}`
  }
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

export async function startGeminiServer(options: GeminiServerOptions = {}): Promise<GeminiServer> {
  const apiKey = options.apiKey ?? 'test-google-key'
  const steps: GeminiScriptStep[] = []
  const requests: RecordedGeminiRequest[] = []
  let serial = 0

  const sendError = (res: ServerResponse, record: RecordedGeminiRequest, code: number, status: string, message: string, details?: unknown[]) => {
    record.status = code
    record.error = message
    res.writeHead(code, { 'content-type': 'application/json; charset=UTF-8' })
    res.end(JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } }))
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
    const match = PATH.exec(url.pathname)
    const record: RecordedGeminiRequest = {
      method: req.method ?? '',
      path: url.pathname,
      model: match ? decodeURIComponent(match[1] as string) : null,
      query: Object.fromEntries(url.searchParams),
      headers: headerRecord(req.headers),
      body,
      status: 0
    }
    requests.push(record)
    if (req.method !== 'POST' || !match) return sendError(res, record, 404, 'NOT_FOUND', `Requested entity was not found.`)
    try {
      checkKey(req, url.searchParams, apiKey)
      if (body === undefined) throw new ApiRefusal(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
      checkContents(body, options.requireThoughtSignatures ?? false)
    } catch (error) {
      if (error instanceof ApiRefusal) return sendError(res, record, error.code, error.status, error.message, error.details)
      throw error
    }
    const next = steps.shift()
    const step = typeof next === 'function' ? next(body) : next
    if (!step) return sendError(res, record, 500, 'INTERNAL', 'fake Gemini server: no scripted turn left for this request')
    if ('fault' in step) return sendError(res, record, step.fault.code, step.fault.status, step.fault.message, step.fault.details)
    const response = answer(step, body, record.model as string, serial)
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs))
    if (res.destroyed) return
    record.status = 200
    if (match[2] === 'streamGenerateContent') {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write(`data: ${JSON.stringify(response)}\r\n\r\n`)
      return res.end()
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' })
    res.end(JSON.stringify(response))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 500, status: 'INTERNAL', message: `fake server crashed: ${String(error)}` } }))
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
    invalidRequests: () => requests.filter((r) => r.status >= 400 && r.status < 500 && r.status !== 429),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}
