import { Octokit as OctokitCore } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
// The light build: the same limiter without Redis clustering, and the copy plugin-throttling
// already bundles, so the entry carries bottleneck once.
import Bottleneck from 'bottleneck/light.js'
import { retryPolicyPlugin, type Sleep } from './retry-policy-plugin.js'
import { DEFAULT_THROTTLE_SETTINGS, throttlePolicy, type LimitKind, type ThrottleSettings } from './throttle-policy.js'
import type { GitHubLogger } from './types.js'

// What @actions/github's getOctokit builds (core + REST methods + pagination). The client is made
// here rather than by getOctokit because importing @actions/github bundles undici and
// @actions/http-client into the entry and reads the event payload at import; the proxy support
// they give is kept by `chooseFetch`, loaded only when a proxy is set.
const GitHub = OctokitCore.plugin(restEndpointMethods, paginateRest)
export type Octokit = InstanceType<typeof GitHub>

export interface OctokitSettings {
  token: string
  /** `GITHUB_API_URL`: https://api.github.com, a GHES `https://host/api/v3`, or a local test server. */
  baseUrl: string
  logger: GitHubLogger
  /** Overrides of the retry bounds; `timeScale` < 1 shortens every wait and the write pacing (tests). */
  throttle?: Partial<ThrottleSettings>
  sleep?: Sleep
  userAgent?: string
  /**
   * Writes a run makes before the spacing between writes starts (default 10). GitHub asks for a
   * second between writes when an integration makes "a large number" of them; a review run makes 4
   * and a busy fleet about 10, and spacing those cost ~2 s of every run. Answers of a secondary
   * limit are retried as before, whatever this is.
   */
  unpacedWrites?: number
}

// GitHub asks integrations to space content-creating requests; these are plugin-throttling's own figures.
const WRITE_SPACING_MS = 1000
const NOTIFICATION_SPACING_MS = 3000
const SEARCH_SPACING_MS = 2000

/**
 * The proxy variable @actions/http-client reads for this URL (`https_proxy` for https, …), or
 * undefined when the runner sets none.
 */
export function proxyVariable(baseUrl: string, env: NodeJS.ProcessEnv): string | undefined {
  const https = new URL(baseUrl).protocol === 'https:'
  const value = https ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY
  return value ? value : undefined
}

/**
 * Node's fetch, or, when a proxy is set, @actions/github's proxy-aware fetch, imported on the
 * first request (`src/github/proxy-fetch.ts`).
 */
function chooseFetch(baseUrl: string, env: NodeJS.ProcessEnv): typeof fetch | undefined {
  if (!proxyVariable(baseUrl, env)) return undefined
  let proxied: Promise<typeof fetch> | undefined
  return async (url, init) => {
    proxied ??= import('./proxy-fetch.js').then((module) => module.createProxyFetch(baseUrl))
    return (await proxied)(url, init)
  }
}

/** @actions/github's user agent suffix, so GitHub can tie requests to the workflow run. */
function withOrchestrationId(userAgent: string, env: NodeJS.ProcessEnv): string {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim()
  return id ? `${userAgent} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : userAgent
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A limiter group that runs one job at a time and spaces jobs `ms` apart once `unpaced` jobs have
 * started. Bottleneck computes a job's earliest start when the job before it registers, so the
 * spacing is switched on after job `unpaced - 1` starts, which makes job `unpaced + 1` the first
 * to wait.
 */
export function pacedGroup(ms: number, unpaced: number): Bottleneck.Group {
  if (unpaced <= 1 || ms <= 0) return new Bottleneck.Group({ maxConcurrent: 1, minTime: ms })
  const group = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  group.on('created', (limiter) => {
    let started = 0
    limiter.on('executing', () => {
      started += 1
      if (started === unpaced - 1) void limiter.updateSettings({ minTime: ms })
    })
  })
  return group
}

export const UNPACED_WRITES = 10

function pacingGroups(timeScale: number, unpacedWrites: number): { write: Bottleneck.Group; notifications: Bottleneck.Group; search: Bottleneck.Group } {
  // Own groups per client (the plugin's defaults are process-wide), scaled with the waits.
  const scaled = (ms: number) => Math.round(ms * timeScale)
  return {
    write: pacedGroup(scaled(WRITE_SPACING_MS), unpacedWrites),
    notifications: pacedGroup(scaled(NOTIFICATION_SPACING_MS), unpacedWrites),
    search: pacedGroup(scaled(SEARCH_SPACING_MS), 1)
  }
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

  // The proxy variables are read from the process, as @actions/http-client reads them.
  const env = process.env
  const baseUrl = settings.baseUrl.replace(/\/+$/, '')
  const fetchImpl = chooseFetch(baseUrl, env)
  const Client = GitHub.plugin(throttling, retryPolicyPlugin((question) => throttlePolicy(question, policy), logger, sleep), retry)
  return new Client({
    auth: settings.token,
    baseUrl,
    userAgent: withOrchestrationId(settings.userAgent ?? 'github-agent', env),
    ...(fetchImpl ? { request: { fetch: fetchImpl } } : {}),
    log: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warning(message),
      error: (message: string) => logger.warning(message)
    },
    throttle: {
      // The handlers sleep for the policy's wait; the plugin adds none of its own.
      retryAfterBaseValue: 0,
      ...pacingGroups(policy.timeScale, settings.unpacedWrites ?? UNPACED_WRITES),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary')
    },
    retry: { retries: policy.maxRetries, retryAfterBaseValue: 0 }
  })
}
