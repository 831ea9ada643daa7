// When a model call fails for a reason that may pass, should it be sent again, and when? Pure.
//
// Why our own policy and not the SDKs' retries (both are set to 0): the Anthropic SDK honours
// retry-after but without a ceiling (a 429 asking for an hour would hold the job for an hour) and
// its waits cannot be scaled for tests; @google/genai's retries ignore the server's retryDelay.
// One policy gives both providers the same bounded behaviour.

/** `rate_limit` 429; `overloaded` Anthropic 529 / Gemini 503; `server` 408 and other 5xx; `timeout` and `connection`: no answer. */
export type FailureKind = 'rate_limit' | 'overloaded' | 'server' | 'timeout' | 'connection' | 'fatal'

export interface RetryQuestion {
  kind: FailureKind
  /** Seconds the provider asked us to wait (retry-after, retry-after-ms, Gemini RetryInfo); null when none. */
  retryAfterSeconds: number | null
  /** Retries already made for this call: 0 on its first failure. */
  retryCount: number
}

export interface RetrySettings {
  /** Retries per call after the first attempt. */
  maxRetries: number
  /** First backoff; doubled on each retry. */
  baseDelayMs: number
  /** Longest wait (before scaling) worth spending inside a CI job; a longer retry-after fails the call instead. */
  maxWaitMs: number
  /** Multiplies every wait; tests pass a small factor so a 2 s retry-after costs 2 ms. */
  timeScale: number
}

export interface RetryDecision {
  retry: boolean
  /** Scaled wait before the next attempt. */
  waitMs: number
  /** One sentence for the log. */
  reason: string
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { maxRetries: 3, baseDelayMs: 2_000, maxWaitMs: 60_000, timeScale: 1 }

const DESCRIPTION: Record<FailureKind, string> = {
  rate_limit: 'rate limited (429)',
  overloaded: 'overloaded',
  server: 'a server error',
  timeout: 'a timeout',
  connection: 'a connection failure',
  fatal: 'an error that a retry cannot fix'
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`
}

export function retryPolicy(question: RetryQuestion, settings: RetrySettings = DEFAULT_RETRY_SETTINGS): RetryDecision {
  const what = DESCRIPTION[question.kind]
  if (question.kind === 'fatal') return { retry: false, waitMs: 0, reason: `${what}` }
  if (question.retryCount >= settings.maxRetries) {
    return { retry: false, waitMs: 0, reason: `${what} again; gave up after ${settings.maxRetries} retries` }
  }
  const told = question.retryAfterSeconds !== null && question.retryAfterSeconds >= 0 ? question.retryAfterSeconds * 1000 : null
  // Retrying sooner than the provider said only earns another refusal, so a wait past the cap is a failure, not a shorter wait.
  if (told !== null && told > settings.maxWaitMs) {
    return {
      retry: false,
      waitMs: 0,
      reason: `${what}; the provider asks to wait ${seconds(told)}, longer than the ${seconds(settings.maxWaitMs)} this run waits`
    }
  }
  const backoff = Math.min(settings.baseDelayMs * 2 ** question.retryCount, settings.maxWaitMs)
  const wait = told ?? backoff
  return {
    retry: true,
    waitMs: Math.round(wait * settings.timeScale),
    reason: `${what}; retry ${question.retryCount + 1}/${settings.maxRetries} in ${seconds(wait)}`
  }
}
