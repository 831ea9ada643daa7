// A model call that failed for good: one line that says what happened and what to do.
import { MODEL_RETRY, type Failure } from '../retry/retry-policy.js'
import { realClock, type RetryShell } from '../retry/with-retry.js'
import { SILENT_MODEL_LOGGER, type ModelClientOptions, type Provider } from './types.js'

export interface ModelFailure extends Failure {
  /** The provider's error type (`overloaded_error`, `RESOURCE_EXHAUSTED`), or null. */
  errorType: string | null
  /** The provider's message, already one line. */
  detail: string
}

/** The deepest `cause` message: fetch says "fetch failed" and keeps ECONNREFUSED two levels down. Read by shape (errors of another realm). */
export function innermostMessage(error: unknown): string {
  let current: unknown = error
  let message = ''
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { message: m, cause } = current as { message?: unknown; cause?: unknown }
    if (typeof m === 'string' && m !== '') message = m
    current = cause
  }
  return message
}

/** Where a provider's key is set, and the base URL that moves it, as the advice names them. */
const KEYS: Record<Provider, { key: string; url: string }> = {
  anthropic: { key: 'anthropic-api-key input or ANTHROPIC_API_KEY secret', url: 'ANTHROPIC_BASE_URL' },
  google: { key: 'google-api-key input or GOOGLE_API_KEY secret', url: 'GOOGLE_GEMINI_BASE_URL' },
  openai: { key: 'openai-api-key input or OPENAI_API_KEY secret', url: 'openai-base-url / OPENAI_BASE_URL' },
  azure: { key: 'azure-openai-api-key input or AZURE_OPENAI_API_KEY secret', url: 'azure-openai-endpoint / AZURE_OPENAI_ENDPOINT' },
  groq: { key: 'groq-api-key input or GROQ_API_KEY secret', url: 'GROQ_BASE_URL' },
  ollama: { key: 'proxy in front of the Ollama server', url: 'ollama-host / OLLAMA_HOST' },
  bedrock: { key: "AWS credentials and the role's bedrock:InvokeModel permission", url: 'AWS_REGION / ANTHROPIC_BEDROCK_BASE_URL' }
}

function advice(provider: Provider, failure: ModelFailure): string {
  const { key, url } = KEYS[provider]
  const status = failure.status
  if (status === 401 || status === 403) return `check the ${key}`
  if (status === 404) return provider === 'azure' ? "check the deployment name in the agent's model field" : "check the model name in the agent's model field"
  if (failure.kind === 'rate_limit') return "the account's rate limit or quota is spent; re-run later or raise the limit"
  if (failure.kind === 'overloaded' || failure.kind === 'server') return 'the provider is failing; re-run the job later'
  if (failure.kind === 'timeout' || failure.kind === 'connection') return `the provider did not answer; check the network and any ${url} setting`
  if (status === 400 || status === 422) return "the request was refused; check the model name and the agent's settings"
  return "see the provider's status page"
}

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export class ModelCallError extends Error {
  override name = 'ModelCallError'
  readonly provider: Provider
  readonly model: string
  readonly status: number | null
  readonly kind: ModelFailure['kind']
  readonly attempts: number

  constructor(provider: Provider, model: string, failure: ModelFailure, attempts: number) {
    const what = failure.status !== null ? `HTTP ${failure.status}${failure.errorType ? ` ${failure.errorType}` : ''}` : failure.kind
    const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
    const detail = failure.detail ? ` (${oneLine(failure.detail)})` : ''
    super(`${provider}:${model} failed: ${what}${detail}${tries}; ${advice(provider, failure)}`)
    this.provider = provider
    this.model = model
    this.status = failure.status
    this.kind = failure.kind
    this.attempts = attempts
  }
}

/**
 * How a model call is retried: the shared policy with the model bounds, each retry logged, a final
 * failure thrown as a ModelCallError. Sending a model request twice costs tokens, never a duplicate.
 */
export function modelRetryShell(
  provider: Provider,
  model: string,
  options: ModelClientOptions,
  classify: (error: unknown) => ModelFailure
): RetryShell<ModelFailure> {
  return {
    settings: { ...MODEL_RETRY, ...options.retry },
    clock: { now: realClock.now, sleep: options.sleep ?? realClock.sleep },
    logger: options.logger ?? SILENT_MODEL_LOGGER,
    label: `${provider}:${model}:`,
    replaySafe: true,
    classify,
    finalError: (_error, failure, attempts) => new ModelCallError(provider, model, failure, attempts)
  }
}
