// ModelPort over the openai SDK's Chat Completions, for OpenAI and the servers that speak it:
// Azure OpenAI (the SDK's AzureOpenAI client), Groq, Ollama and any OpenAI-compatible gateway.
// Chat Completions, not the Responses API: it is the one protocol every one of them serves.
// The SDK is imported on first use only.
import type OpenAIClient from 'openai'
import { kindOfStatus } from '../retry/retry-policy.js'
import { withRetry } from '../retry/with-retry.js'
import { innermostMessage, modelRetryShell, type ModelFailure } from './model-call-error.js'
import { dialectFor, fromOpenAiCompletion, toOpenAiParams } from './openai-request.js'
import { SILENT_MODEL_LOGGER, type ModelClientOptions, type ModelPort, type ModelRequest, type ModelResponse } from './types.js'
import { errorMessage } from '../shared/errors.js'

type Sdk = typeof import('openai')

const DEFAULT_TIMEOUT_MS = 120_000

export type OpenAiFamily = 'openai' | 'azure' | 'groq' | 'ollama'

export interface OpenAiModelOptions extends ModelClientOptions {
  provider: OpenAiFamily
  /** Azure only: the SDK adds /openai/deployments/{model} and ?api-version= to this base. */
  azure?: { endpoint: string; apiVersion: string }
  /** An OpenAI-compatible server other than the provider's own (OPENAI_BASE_URL): the older max_tokens is sent. */
  gateway?: boolean
}

function plainHeaders(headers: Headers | undefined): Record<string, string> {
  return headers ? Object.fromEntries(headers.entries()) : {}
}

/** OpenAI's error body: `{error: {message, type, code}}`; compatible servers fill what they have. */
function classify(sdk: Sdk, error: unknown): ModelFailure {
  const none = { status: null, errorType: null, headers: {} }
  if (error instanceof sdk.APIConnectionTimeoutError) return { ...none, kind: 'timeout', detail: 'no answer within the request timeout' }
  if (error instanceof sdk.APIConnectionError) return { ...none, kind: 'connection', detail: innermostMessage(error) }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    const body = (error.error ?? {}) as { message?: unknown }
    const code = typeof error.code === 'string' ? error.code : null
    return {
      kind: kindOfStatus(error.status),
      status: error.status,
      errorType: code ?? error.type ?? null,
      detail: typeof body.message === 'string' ? body.message : '',
      headers: plainHeaders(error.headers)
    }
  }
  return { ...none, kind: 'fatal', detail: errorMessage(error) }
}

function newClient(sdk: Sdk, options: OpenAiModelOptions): OpenAIClient {
  const logger = options.logger ?? SILENT_MODEL_LOGGER
  const common = {
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 0,
    logger: { debug: logger.debug, info: logger.debug, warn: logger.warning, error: logger.warning },
    logLevel: 'warn' as const,
    // Only OpenAI's own API has organizations and projects; the SDK would read OPENAI_ORG_ID for any server.
    ...(options.provider === 'openai' ? {} : { organization: null, project: null })
  }
  if (options.provider === 'azure') {
    const azure = options.azure
    if (!azure) throw new Error('azure needs an endpoint and an API version')
    // baseURL, not endpoint: given neither, the SDK would read OPENAI_BASE_URL, a gateway meant for openai: models.
    return new sdk.AzureOpenAI({ ...common, baseURL: `${azure.endpoint.replace(/\/+$/, '')}/openai`, apiVersion: azure.apiVersion })
  }
  // Always explicit: the SDK would otherwise read OPENAI_BASE_URL itself; createModel already did.
  return new sdk.default({ ...common, baseURL: options.baseUrl || 'https://api.openai.com/v1' })
}

export async function createOpenAiModel(model: string, options: OpenAiModelOptions): Promise<ModelPort> {
  const sdk: Sdk = await import('openai')
  const client = newClient(sdk, options)
  const provider = options.provider
  const logger = options.logger ?? SILENT_MODEL_LOGGER
  const dialect = dialectFor(provider, model, options.gateway === true)
  const retry = modelRetryShell(provider, model, options, (error) => classify(sdk, error))
  const used = new Set<string>()
  let calls = 0
  const idFor = (given: string): string => {
    let id = given
    while (id === '' || used.has(id)) id = `call_github_agent_${++calls}`
    used.add(id)
    return id
  }
  let warnedTemperature = false
  return {
    provider,
    model,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      if (request.temperature !== undefined && !dialect.sendTemperature && !warnedTemperature) {
        warnedTemperature = true
        logger.debug(`${provider}:${model}: temperature ${request.temperature} is not sent; reasoning models accept only their default`)
      }
      const params = toOpenAiParams(model, request, dialect)
      const completion = await withRetry(() => client.chat.completions.create(params), retry)
      return fromOpenAiCompletion(completion, idFor)
    }
  }
}
