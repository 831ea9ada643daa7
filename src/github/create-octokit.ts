import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck'
import { retryPolicyPlugin, type Sleep } from './retry-policy-plugin.js'
import { DEFAULT_THROTTLE_SETTINGS, throttlePolicy, type LimitKind, type ThrottleSettings } from './throttle-policy.js'
import type { GitHubLogger } from './types.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface OctokitSettings {
  token: string
  /** `GITHUB_API_URL`: https://api.github.com, a GHES `https://host/api/v3`, or a local test server. */
  baseUrl: string
  logger: GitHubLogger
  /** Overrides of the retry bounds; `timeScale` < 1 shortens every wait and the write pacing (tests). */
  throttle?: Partial<ThrottleSettings>
  sleep?: Sleep
  userAgent?: string
}

// GitHub asks integrations to space content-creating requests; these are plugin-throttling's own figures.
const WRITE_SPACING_MS = 1000
const NOTIFICATION_SPACING_MS = 3000
const SEARCH_SPACING_MS = 2000

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function pacingGroups(timeScale: number): { write: Bottleneck.Group; notifications: Bottleneck.Group; search: Bottleneck.Group } {
  // Own groups per client (the plugin's defaults are process-wide), scaled with the waits.
  const group = (ms: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.round(ms * timeScale) })
  return { write: group(WRITE_SPACING_MS), notifications: group(NOTIFICATION_SPACING_MS), search: group(SEARCH_SPACING_MS) }
}

/**
 * The one Octokit of a run: plugin-throttling for rate limits and write pacing, plugin-retry for
 * 5xx, both deciding through `throttlePolicy` and logging each retry.
 */
export function createOctokit(settings: OctokitSettings): Octokit {
  const policy: ThrottleSettings = { ...DEFAULT_THROTTLE_SETTINGS, ...settings.throttle }
  const sleep = settings.sleep ?? realSleep
  const { logger } = settings

  const onLimit = (kind: LimitKind) =>
    async (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number): Promise<boolean> => {
      const decision = throttlePolicy(
        { kind, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null, retryCount, method: options.method, url: options.url },
        policy
      )
      if (!decision.retry) {
        logger.warning(`GitHub: ${decision.reason}`)
        return false
      }
      logger.info(`GitHub: ${decision.reason}`)
      await sleep(decision.waitMs)
      return true
    }

  return getOctokit(
    settings.token,
    {
      baseUrl: settings.baseUrl.replace(/\/+$/, ''),
      userAgent: settings.userAgent ?? 'github-agent',
      log: {
        debug: (message: string) => logger.debug(message),
        info: (message: string) => logger.debug(message),
        warn: (message: string) => logger.warning(message),
        error: (message: string) => logger.warning(message)
      },
      throttle: {
        // The handlers sleep for the policy's wait; the plugin adds none of its own.
        retryAfterBaseValue: 0,
        ...pacingGroups(policy.timeScale),
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary')
      },
      retry: { retries: policy.maxRetries, retryAfterBaseValue: 0 }
    },
    throttling,
    retryPolicyPlugin((question) => throttlePolicy(question, policy), logger, sleep),
    retry
  )
}
