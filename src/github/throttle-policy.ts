// When a GitHub request fails for a reason that may pass, should it be sent again, and when?
// Pure, so the table of cases is tested without a clock or a network.

/** `primary`: the hourly quota is spent; `secondary`: GitHub's abuse limits; `server`: 5xx or a bare 429. */
export type LimitKind = 'primary' | 'secondary' | 'server'

export interface RetryQuestion {
  kind: LimitKind
  /** Seconds GitHub asked us to wait (`retry-after`, or until `x-ratelimit-reset`); null when it gave none. */
  retryAfterSeconds: number | null
  /** Retries already made for this request: 0 on its first failure. */
  retryCount: number
  method: string
  url: string
}

export interface ThrottleSettings {
  /** Retries per request after the first attempt. */
  maxRetries: number
  /** Longest wait (before scaling) worth spending inside a CI job; a longer one fails the request instead. */
  maxWaitMs: number
  /** Multiplies every wait; tests pass a small factor so a 60 s retry-after costs 60 ms. */
  timeScale: number
}

export interface RetryDecision {
  retry: boolean
  waitMs: number
  /** One sentence for the log. */
  reason: string
}

export const DEFAULT_THROTTLE_SETTINGS: ThrottleSettings = { maxRetries: 3, maxWaitMs: 120_000, timeScale: 1 }

// GitHub's guidance: after a secondary limit without retry-after, wait at least a minute, and longer each time.
const SECONDARY_FALLBACK_SECONDS = 60
const PRIMARY_FALLBACK_SECONDS = 60

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`
}

/** Unscaled wait, or null when GitHub's own instruction is longer than we are willing to wait. */
function plannedWaitMs(question: RetryQuestion, settings: ThrottleSettings): { ms: number; imposed: boolean } {
  const told = question.retryAfterSeconds !== null && question.retryAfterSeconds >= 0 ? question.retryAfterSeconds * 1000 : null
  if (question.kind === 'primary') return { ms: told ?? PRIMARY_FALLBACK_SECONDS * 1000, imposed: true }
  if (question.kind === 'secondary') {
    return { ms: told ?? SECONDARY_FALLBACK_SECONDS * 1000 * 2 ** question.retryCount, imposed: true }
  }
  // Server errors: our own quadratic backoff (1 s, 4 s, 9 s), never sooner than a retry-after.
  const backoff = Math.min((question.retryCount + 1) ** 2 * 1000, settings.maxWaitMs)
  return told !== null && told > backoff ? { ms: told, imposed: true } : { ms: backoff, imposed: false }
}

export function throttlePolicy(question: RetryQuestion, settings: ThrottleSettings = DEFAULT_THROTTLE_SETTINGS): RetryDecision {
  const request = `${question.method.toUpperCase()} ${question.url}`
  const what = question.kind === 'server' ? 'a server error' : `the ${question.kind} rate limit`
  if (question.retryCount >= settings.maxRetries) {
    return { retry: false, waitMs: 0, reason: `${request} hit ${what} again; giving up after ${settings.maxRetries} retries` }
  }
  const wait = plannedWaitMs(question, settings)
  // Retrying sooner than GitHub said only earns another refusal, so a wait past the cap is a failure, not a shorter wait.
  if (wait.imposed && wait.ms > settings.maxWaitMs) {
    return {
      retry: false,
      waitMs: 0,
      reason: `${request} hit ${what}; GitHub asks to wait ${seconds(wait.ms)}, longer than the ${seconds(settings.maxWaitMs)} this run waits`
    }
  }
  const waitMs = Math.round(wait.ms * settings.timeScale)
  return {
    retry: true,
    waitMs,
    reason: `${request} hit ${what}; retry ${question.retryCount + 1}/${settings.maxRetries} in ${seconds(wait.ms)}`
  }
}
