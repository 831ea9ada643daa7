// ModelPort over Anthropic's Bedrock SDK: Claude on Amazon Bedrock (InvokeModel), the Messages API
// mapping of anthropic-request.ts, signed with SigV4 from the job's AWS credentials or sent with a
// Bedrock API key. The SDK is imported on first use only.
import type { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk'
import type Anthropic from '@anthropic-ai/sdk'
import { fromAnthropicMessage, toAnthropicParams } from './anthropic-request.js'
import { kindOfStatus } from '../retry/retry-policy.js'
import { withRetry } from '../retry/with-retry.js'
import { innermostMessage, modelRetryShell, type ModelFailure } from './model-call-error.js'
import { SILENT_MODEL_LOGGER, type ModelClientOptions, type ModelPort, type ModelRequest, type ModelResponse } from './types.js'
import type { AwsCredentials } from '../shared/model-credentials.js'
import { errorMessage } from '../shared/errors.js'

type Sdk = typeof import('@anthropic-ai/bedrock-sdk')

const DEFAULT_TIMEOUT_MS = 120_000

type Params = Anthropic.MessageCreateParamsNonStreaming

export interface BedrockModelOptions extends Omit<ModelClientOptions, 'apiKey'> {
  aws: AwsCredentials
}

/**
 * Model ids of other vendors on Bedrock (`meta.llama3-…`, `us.amazon.nova-…`): this adapter speaks
 * Anthropic's Messages API, which only Claude models serve. An ARN or an application inference
 * profile names no vendor and is let through.
 */
const OTHER_VENDOR = /^(?:[a-z]{2,4}\.)?(amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|stability|twelvelabs|luma|moonshot|minimax)\./i

export class BedrockModelError extends Error {
  override name = 'BedrockModelError'
}

/** Bedrock's error body is `{message}` and its type is the x-amzn-errortype header (`ThrottlingException:http://…`). */
function classify(sdk: Sdk, error: unknown): ModelFailure {
  // The client class carries the core SDK's error classes, the ones its requests throw.
  const errors = sdk.AnthropicBedrock
  const none = { status: null, errorType: null, headers: {} }
  if (error instanceof errors.APIConnectionTimeoutError) return { ...none, kind: 'timeout', detail: 'no answer within the request timeout' }
  if (error instanceof errors.APIConnectionError) return { ...none, kind: 'connection', detail: innermostMessage(error) }
  if (error instanceof errors.APIError && typeof error.status === 'number') {
    const headers = error.headers ? Object.fromEntries(error.headers.entries()) : {}
    const body = (error.error ?? {}) as { message?: unknown; Message?: unknown }
    const message = error.apiMessage ?? (typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : '')
    const amznType = headers['x-amzn-errortype']?.split(':')[0] || null
    return {
      // Bedrock says ServiceUnavailableException (503) where Anthropic says 529 overloaded.
      kind: error.status === 503 ? 'overloaded' : kindOfStatus(error.status),
      status: error.status,
      errorType: amznType ?? error.type ?? null,
      detail: message,
      headers
    }
  }
  return { ...none, kind: 'fatal', detail: errorMessage(error) }
}

/**
 * Bedrock takes cache_control on blocks but not the Messages API's top-level automatic breakpoint:
 * that one moves to the last block of the conversation by hand, so each turn still re-reads the
 * previous ones at the cache price (with the system and last-tool breakpoints, three of four).
 */
export function bedrockParams(anthropic: Params): Params {
  const { cache_control: automatic, ...params } = anthropic
  const last = params.messages.at(-1)
  if (!automatic || !last || typeof last.content === 'string' || last.content.length === 0) return params
  const blocks = last.content.map((block, i) => (i === last.content.length - 1 ? { ...block, cache_control: automatic } : block))
  return { ...params, messages: [...params.messages.slice(0, -1), { ...last, content: blocks } as Anthropic.MessageParam] }
}

export async function createBedrockModel(model: string, options: BedrockModelOptions): Promise<ModelPort> {
  if (OTHER_VENDOR.test(model)) {
    throw new BedrockModelError(
      `bedrock:${model} is not a Claude model: github-agent calls Bedrock with Anthropic's Messages API, so use an Anthropic model id or inference profile (e.g. bedrock:us.anthropic.claude-sonnet-4-5-20250929-v1:0)`
    )
  }
  const sdk: Sdk = await import('@anthropic-ai/bedrock-sdk')
  const logger = options.logger ?? SILENT_MODEL_LOGGER
  const { aws } = options
  // Explicit keys: the SDK's own fallback, the AWS credential chain, would load a large SDK and probe the network.
  const client: AnthropicBedrock = new sdk.AnthropicBedrock({
    apiKey: aws.bearerToken || null,
    awsAccessKey: aws.accessKeyId,
    awsSecretKey: aws.secretAccessKey,
    awsSessionToken: aws.sessionToken || null,
    awsRegion: aws.region,
    // Always explicit: the SDK would otherwise read ANTHROPIC_BEDROCK_BASE_URL itself; createModel already did.
    baseURL: options.baseUrl || `https://bedrock-runtime.${aws.region}.amazonaws.com`,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 0,
    logger: { debug: logger.debug, info: logger.debug, warn: logger.warning, error: logger.warning },
    logLevel: 'warn'
  })
  const retry = modelRetryShell('bedrock', model, { ...options, apiKey: '' }, (error) => classify(sdk, error))
  return {
    provider: 'bedrock',
    model,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const params = bedrockParams(toAnthropicParams(model, request))
      const message = await withRetry(() => client.messages.create(params), retry)
      return fromAnthropicMessage(message)
    }
  }
}
