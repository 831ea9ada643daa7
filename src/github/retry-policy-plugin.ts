import type { Octokit } from '@octokit/core'
import { requestFailure } from './request-failure.js'
import type { RetryDecision, RetryQuestion } from './throttle-policy.js'
import type { GitHubLogger } from './types.js'

export type Sleep = (ms: number) => Promise<void>

/** Fields plugin-retry reads and writes on `options.request` (its documented per-request knobs). */
interface RetryKnobs {
  retries?: number
  retryCount?: number
}

/** Rate-limit answers belong to plugin-throttling; the same tests it uses. */
export function isRateLimited(status: number | null, message: string, headers: Record<string, string | undefined>): boolean {
  if (status !== 403 && status !== 429) return false
  return /\bsecondary rate\b/i.test(message) || headers['x-ratelimit-remaining'] === '0'
}

function retryAfterSeconds(headers: Record<string, string | undefined>): number | null {
  const value = Number(headers['retry-after'])
  return headers['retry-after'] !== undefined && Number.isFinite(value) ? value : null
}

/**
 * Sits between plugin-throttling (inside) and plugin-retry (outside). plugin-retry would retry any
 * 4xx/5xx outside its deny-list on its own schedule; this hook makes the pure policy decide instead:
 * it sets the per-request `retries` plugin-retry honours, logs, and does the wait itself
 * (plugin-retry runs with `retryAfterBaseValue: 0`). Rate-limit errors that reach it were already
 * given up on by plugin-throttling and are final.
 */
export function retryPolicyPlugin(decide: (question: RetryQuestion) => RetryDecision, logger: GitHubLogger, sleep: Sleep) {
  return function retryPolicy(octokit: Octokit): Record<string, never> {
    // A call that passes no `request` option gets Octokit's default object, shared by every call;
    // the retry counters written into it would leak from one request into the next. Own copy each.
    octokit.hook.before('request', (options) => {
      options.request = { ...options.request }
    })
    octokit.hook.error('request', async (error, options) => {
      const knobs = options.request as RetryKnobs
      const failure = requestFailure(error)
      const status = failure.status
      const retryable = status !== null && (status >= 500 || status === 429) && !isRateLimited(status, failure.message, failure.headers)
      if (!retryable) {
        knobs.retries = 0
        throw error
      }
      const retryCount = knobs.retryCount ?? 0
      const decision = decide({
        kind: 'server',
        retryAfterSeconds: retryAfterSeconds(failure.headers),
        retryCount,
        method: options.method,
        url: options.url
      })
      if (!decision.retry) {
        knobs.retries = 0
        logger.warning(`GitHub: ${decision.reason}`)
        throw error
      }
      knobs.retries = retryCount + 1
      logger.info(`GitHub: ${decision.reason} (HTTP ${status})`)
      await sleep(decision.waitMs)
      throw error
    })
    return {}
  }
}
