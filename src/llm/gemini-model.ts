// ModelPort over @google/genai (the Gemini API, not Vertex). The SDK is imported on first use only.
import { kindOfStatus } from '../retry/retry-policy.js'
import { withRetry } from '../retry/with-retry.js'
import { fromGeminiResponse, toGeminiParams } from './gemini-request.js'
import { innermostMessage, modelRetryShell, type ModelFailure } from './model-call-error.js'
import type { ModelClientOptions, ModelPort, ModelRequest, ModelResponse } from './types.js'
import { errorMessage } from '../shared/errors.js'

type Sdk = typeof import('@google/genai')

const DEFAULT_TIMEOUT_MS = 120_000
const GEMINI_API = 'https://generativelanguage.googleapis.com/'

interface GoogleErrorBody {
  error?: { message?: string; status?: string; details?: Array<{ '@type'?: string; retryDelay?: string }> }
}

/** The SDK puts the response body, as JSON text, in the error's message. */
function readBody(message: string): GoogleErrorBody {
  try {
    const parsed: unknown = JSON.parse(message)
    return typeof parsed === 'object' && parsed !== null ? (parsed as GoogleErrorBody) : {}
  } catch {
    return { error: { message } }
  }
}

/** google.rpc.RetryInfo's retryDelay is a Duration in JSON form: "37s", "1.5s". */
function retryDelayMs(body: GoogleErrorBody): number | null {
  const info = body.error?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'))
  const match = /^(\d+(?:\.\d+)?)s$/.exec(info?.retryDelay ?? '')
  return match ? Number(match[1]) * 1000 : null
}

function classify(sdk: Sdk, error: unknown): ModelFailure {
  const none = { status: null, errorType: null, headers: {} }
  if (error instanceof sdk.ApiError) {
    const body = readBody(error.message)
    return {
      // Gemini says UNAVAILABLE "The model is overloaded" where Anthropic says 529.
      kind: error.status === 503 ? 'overloaded' : kindOfStatus(error.status),
      status: error.status,
      errorType: body.error?.status ?? null,
      detail: body.error?.message ?? '',
      headers: {},
      askedWaitMs: retryDelayMs(body)
    }
  }
  // The SDK wraps a failed fetch as Error(`exception ${e} sending request`, { cause: e }). Read by
  // shape: fetch's AbortError is a DOMException, which is not an Error of every realm.
  const sent = (error as { cause?: unknown } | null)?.cause ?? error
  const { name, message } = (typeof sent === 'object' && sent !== null ? sent : {}) as { name?: string; message?: string }
  // The SDK aborts an attempt that outlives httpOptions.timeout; fetch then rejects with AbortError.
  if (name === 'AbortError' || name === 'TimeoutError') return { ...none, kind: 'timeout', detail: 'no answer within the request timeout' }
  if (name === 'TypeError' && /fetch failed/i.test(message ?? '')) return { ...none, kind: 'connection', detail: innermostMessage(sent) }
  return { ...none, kind: 'fatal', detail: errorMessage(error) }
}

export async function createGeminiModel(model: string, options: ModelClientOptions): Promise<ModelPort> {
  const sdk: Sdk = await import('@google/genai')
  const ai = new sdk.GoogleGenAI({
    apiKey: options.apiKey,
    vertexai: false,
    httpOptions: {
      // Always explicit: the SDK would otherwise read GOOGLE_GEMINI_BASE_URL itself; main.ts already did.
      baseUrl: options.baseUrl || GEMINI_API,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // Plain fetch: without it the SDK reaches for undici's global dispatcher through a global
      // symbol, which jest's module sandbox hides, so tests would run another transport than the
      // action. undici's own 300 s limits then apply, above our default per-attempt timeout.
      fetch: (input, init) => fetch(input, init)
      // No retryOptions: the SDK then makes one attempt, and callWithRetry decides.
    }
  })
  const retry = modelRetryShell('google', model, options, (error) => classify(sdk, error))
  let calls = 0
  const nextId = () => `gemini_call_${++calls}`
  return {
    provider: 'google',
    model,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const params = toGeminiParams(model, request)
      const response = await withRetry(() => ai.models.generateContent(params), retry)
      return fromGeminiResponse(response, nextId)
    }
  }
}
