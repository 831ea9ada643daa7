// ModelPort over the Anthropic SDK. The SDK is imported on first use only, so a run that matches
// no trigger never loads it (cold start of the action).
import type AnthropicClient from '@anthropic-ai/sdk'
import { fromAnthropicMessage, toAnthropicParams } from './anthropic-request.js'
import { callWithRetry, realSleep } from './call-with-retry.js'
import { innermostMessage, type ModelFailure } from './model-call-error.js'
import { DEFAULT_RETRY_SETTINGS, type FailureKind } from './retry-policy.js'
import { SILENT_MODEL_LOGGER, type ModelClientOptions, type ModelPort, type ModelRequest, type ModelResponse } from './types.js'

type Sdk = typeof import('@anthropic-ai/sdk')

const DEFAULT_TIMEOUT_MS = 120_000

function kindOfStatus(status: number): FailureKind {
  if (status === 429) return 'rate_limit'
  if (status === 529) return 'overloaded'
  if (status === 408 || status >= 500) return 'server'
  return 'fatal'
}

/** retry-after-ms (Anthropic sends it), then retry-after in seconds or as an HTTP date. */
function retryAfterSeconds(headers: Headers | undefined): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms)) return ms / 1000
  const raw = headers?.get('retry-after')
  if (!raw) return null
  const secs = Number.parseFloat(raw)
  if (Number.isFinite(secs)) return secs
  const date = Date.parse(raw)
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000)
}

function classify(sdk: Sdk, error: unknown): ModelFailure {
  const none = { status: null, errorType: null, retryAfterSeconds: null }
  if (error instanceof sdk.APIConnectionTimeoutError) return { ...none, kind: 'timeout', detail: 'no answer within the request timeout' }
  if (error instanceof sdk.APIConnectionError) return { ...none, kind: 'connection', detail: innermostMessage(error) }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return {
      kind: kindOfStatus(error.status),
      status: error.status,
      errorType: error.type,
      detail: error.apiMessage ?? '',
      retryAfterSeconds: retryAfterSeconds(error.headers)
    }
  }
  return { ...none, kind: 'fatal', detail: error instanceof Error ? error.message : String(error) }
}

export async function createAnthropicModel(model: string, options: ModelClientOptions): Promise<ModelPort> {
  const sdk: Sdk = await import('@anthropic-ai/sdk')
  const logger = options.logger ?? SILENT_MODEL_LOGGER
  const client: AnthropicClient = new sdk.default({
    apiKey: options.apiKey,
    // null, not undefined: the SDK would read ANTHROPIC_BASE_URL itself; main.ts already did.
    baseURL: options.baseUrl || null,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 0,
    logger: { debug: logger.debug, info: logger.debug, warn: logger.warning, error: logger.warning },
    logLevel: 'warn'
  })
  const context = {
    provider: 'anthropic' as const,
    model,
    settings: { ...DEFAULT_RETRY_SETTINGS, ...options.retry },
    sleep: options.sleep ?? realSleep,
    logger,
    classify: (error: unknown) => classify(sdk, error)
  }
  let warnedTemperature = false
  return {
    provider: 'anthropic',
    model,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      if (request.temperature !== undefined && !warnedTemperature) {
        warnedTemperature = true
        logger.debug(`anthropic:${model}: temperature ${request.temperature} is not sent; Claude API version 2026-10-21 has no temperature`)
      }
      const params = toAnthropicParams(model, request)
      const message = await callWithRetry(() => client.messages.create(params), context)
      return fromAnthropicMessage(message)
    }
  }
}
