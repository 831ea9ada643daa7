// ModelPort over the Anthropic SDK. The SDK is imported on first use only, so a run that matches
// no trigger never loads it (cold start of the action).
import type AnthropicClient from '@anthropic-ai/sdk'
import { fromAnthropicMessage, toAnthropicParams } from './anthropic-request.js'
import { kindOfStatus } from '../retry/retry-policy.js'
import { withRetry } from '../retry/with-retry.js'
import { innermostMessage, modelRetryShell, type ModelFailure } from './model-call-error.js'
import { SILENT_MODEL_LOGGER, type ModelClientOptions, type ModelPort, type ModelRequest, type ModelResponse } from './types.js'
import { errorMessage } from '../shared/errors.js'

type Sdk = typeof import('@anthropic-ai/sdk')

const DEFAULT_TIMEOUT_MS = 120_000

/** The SDK's Headers as a plain record with lower-case names, for the retry policy. */
function plainHeaders(headers: Headers | undefined): Record<string, string> {
  return headers ? Object.fromEntries(headers.entries()) : {}
}

function classify(sdk: Sdk, error: unknown): ModelFailure {
  const none = { status: null, errorType: null, headers: {} }
  if (error instanceof sdk.APIConnectionTimeoutError) return { ...none, kind: 'timeout', detail: 'no answer within the request timeout' }
  if (error instanceof sdk.APIConnectionError) return { ...none, kind: 'connection', detail: innermostMessage(error) }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return {
      kind: kindOfStatus(error.status),
      status: error.status,
      errorType: error.type,
      detail: error.apiMessage ?? '',
      headers: plainHeaders(error.headers)
    }
  }
  return { ...none, kind: 'fatal', detail: errorMessage(error) }
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
  const retry = modelRetryShell('anthropic', model, options, (error) => classify(sdk, error))
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
      const message = await withRetry(() => client.messages.create(params), retry)
      return fromAnthropicMessage(message)
    }
  }
}
