// When a call to GitHub or to a model fails for a reason that may pass, should it be sent again, and
// when? Pure: the failure, the attempt and the time come in as data, so every case is a table row.
//
// Why our own policy rather than the clients' retries (Octokit's plugins, the SDKs' maxRetries): a
// wait a server asks for is honoured but bounded (a 429 asking for an hour fails the call instead
// of holding the job for an hour), every wait can be scaled down for tests, a request that could be
// carried out twice is never repeated blindly, and GitHub and both model providers behave alike.

/**
 * `primary_limit`: GitHub's hourly quota is spent (wait until `x-ratelimit-reset`).
 * `secondary_limit`: GitHub's secondary ("abuse") limits, on 403 or 429.
 * `rate_limit`: any other 429.
 * `overloaded`: Anthropic's 529, Gemini's 503: refused before any work.
 * `server`: other 5xx, and 408: the server answered that it failed.
 * `timeout`: sent, but no (complete) answer: a 504, a timeout, a connection lost after sending. The
 *   request may have been carried out.
 * `connection`: no connection was made (refused, unknown host): nothing was sent.
 * `fatal`: a retry cannot fix it (4xx, a bug, a refused credential).
 */
export type FailureKind = 'primary_limit' | 'secondary_limit' | 'rate_limit' | 'overloaded' | 'server' | 'timeout' | 'connection' | 'fatal'

/** A failed attempt, read into plain data by the caller's adapter. */
export interface Failure {
  kind: FailureKind
  /** HTTP status, or null when no answer came. */
  status: number | null
  /** Response headers with lower-case names; empty when no answer came. */
  headers: Readonly<Record<string, string | undefined>>
  /** A wait the server asked for outside the headers (Gemini's RetryInfo), in ms. */
  askedWaitMs?: number | null
}

export interface RetryQuestion extends Failure {
  /** Retries already made for this call: 0 on its first failure. */
  retryCount: number
  /**
   * Whether sending the request twice does no harm (reads, PUT/PATCH/DELETE, a model call). A POST
   * that creates a comment or a review is not: after a `timeout` it may already exist.
   */
  replaySafe: boolean
  /** The time now (epoch ms), to turn an `x-ratelimit-reset` or an HTTP date into a wait. */
  nowMs: number
}

export interface RetrySettings {
  /** Retries per call after the first attempt. */
  maxRetries: number
  /** First backoff when the server names no wait; doubled on each retry. */
  baseDelayMs: number
  /** Longest wait (before scaling) worth spending inside a CI job; a longer wait the server asks for fails the call instead. */
  maxWaitMs: number
  /** Multiplies every wait; tests pass a small factor so a 60 s retry-after costs 60 ms. */
  timeScale: number
}

export type RetryDecision =
  | { retry: true; /** Scaled wait before the next attempt. */ waitMs: number; /** One sentence for the log. */ reason: string }
  | { retry: false; reason: string }

/** GitHub: a secondary limit without retry-after asks for a minute at least; 120 s lets that be retried once. */
export const GITHUB_RETRY: RetrySettings = { maxRetries: 3, baseDelayMs: 2_000, maxWaitMs: 120_000, timeScale: 1 }
export const MODEL_RETRY: RetrySettings = { maxRetries: 3, baseDelayMs: 2_000, maxWaitMs: 60_000, timeScale: 1 }

// GitHub's guidance: after a secondary limit without retry-after, wait at least a minute, and
// longer each time; a spent quota without a reset time, a minute.
const LIMIT_FALLBACK_MS = 60_000

/** 429, 529, 408 and 5xx; GitHub's rate limits need the body too, so `githubFailure` reads those. */
export function kindOfStatus(status: number): FailureKind {
  if (status === 429) return 'rate_limit'
  if (status === 529) return 'overloaded'
  if (status === 504) return 'timeout'
  if (status === 408 || status >= 500) return 'server'
  return 'fatal'
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/**
 * The wait the server asked for, in ms: `retry-after-ms` (Anthropic), `retry-after` in seconds or
 * as an HTTP date, or, once the quota is spent (`x-ratelimit-remaining: 0`), until
 * `x-ratelimit-reset` plus a second, so the retry lands after the reset.
 */
export function askedWaitMs(failure: Failure, nowMs: number): number | null {
  if (failure.askedWaitMs !== undefined && failure.askedWaitMs !== null) return Math.max(0, failure.askedWaitMs)
  const { headers } = failure
  const ms = finite(Number.parseFloat(headers['retry-after-ms'] ?? ''))
  if (ms !== null) return Math.max(0, ms)
  const after = headers['retry-after']
  if (after) {
    const seconds = finite(Number(after))
    if (seconds !== null) return Math.max(0, seconds * 1000)
    const date = Date.parse(after)
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs)
  }
  const reset = finite(Number.parseInt(headers['x-ratelimit-reset'] ?? '', 10))
  if (headers['x-ratelimit-remaining'] === '0' && reset !== null) return Math.max(0, reset * 1000 - nowMs) + 1000
  return null
}

/** Seconds for a log line: whole when whole, else one decimal ("2s", "0.5s"). */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`
}

function describe(failure: Failure): string {
  const http = failure.status !== null ? ` (HTTP ${failure.status})` : ''
  switch (failure.kind) {
    case 'primary_limit':
      return 'hit the primary rate limit'
    case 'secondary_limit':
      return 'hit the secondary rate limit'
    case 'rate_limit':
      return `was rate limited${http}`
    case 'overloaded':
      return `found the server overloaded${http}`
    case 'server':
      return `hit a server error${http}`
    case 'timeout':
      return `got no answer in time${http}`
    case 'connection':
      return 'could not connect'
    case 'fatal':
      return `failed in a way a retry cannot fix${http}`
  }
}

export function decideRetry(question: RetryQuestion, settings: RetrySettings): RetryDecision {
  const what = describe(question)
  if (question.kind === 'fatal') return { retry: false, reason: what }
  if (question.kind === 'timeout' && !question.replaySafe) {
    return { retry: false, reason: `${what}; not sent again, since it may have been carried out and a retry could do it twice` }
  }
  if (question.retryCount >= settings.maxRetries) {
    return { retry: false, reason: `${what} again; gave up after ${settings.maxRetries} retries` }
  }
  const asked = askedWaitMs(question, question.nowMs)
  // Retrying sooner than the server said only earns another refusal, so a wait past the cap is a failure, not a shorter wait.
  if (asked !== null && asked > settings.maxWaitMs) {
    return { retry: false, reason: `${what}; asked to wait ${seconds(asked)}, longer than the ${seconds(settings.maxWaitMs)} this run waits` }
  }
  let wait = asked
  if (wait === null && question.kind === 'primary_limit') wait = LIMIT_FALLBACK_MS
  if (wait === null && question.kind === 'secondary_limit') wait = LIMIT_FALLBACK_MS * 2 ** question.retryCount
  if (wait !== null && wait > settings.maxWaitMs) {
    return { retry: false, reason: `${what}; the next wait would be ${seconds(wait)}, longer than the ${seconds(settings.maxWaitMs)} this run waits` }
  }
  wait ??= Math.min(settings.baseDelayMs * 2 ** question.retryCount, settings.maxWaitMs)
  return {
    retry: true,
    waitMs: Math.round(wait * settings.timeScale),
    reason: `${what}; retry ${question.retryCount + 1}/${settings.maxRetries} in ${seconds(wait)}`
  }
}
