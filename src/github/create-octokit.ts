import { Octokit as OctokitCore } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { GITHUB_RETRY, type RetrySettings } from '../retry/retry-policy.js'
import { realClock, type Clock } from '../retry/with-retry.js'
import { retryAndPace } from './retry-and-pace.js'
import type { Logger } from '../shared/logger.js'

// Octokit's core (typed `request` for every REST route) and pagination: every call in src/github/api
// names its route, so the REST endpoint-methods plugin (`octokit.rest.*`) is not bundled. The
// client is made here rather than by @actions/github's getOctokit because importing that bundles
// undici and @actions/http-client into the entry and reads the event payload at import; the proxy
// support they give is kept by `chooseFetch`, loaded only when a proxy is set.
const GitHub = OctokitCore.plugin(paginateRest)
export type Octokit = InstanceType<typeof GitHub>

export interface OctokitSettings {
  token: string
  /** `GITHUB_API_URL`: https://api.github.com, a GHES `https://host/api/v3`, or a local test server. */
  baseUrl: string
  logger: Logger
  /** Overrides of the retry bounds; `timeScale` < 1 shortens every wait and the write pacing (tests). */
  retry?: Partial<RetrySettings>
  /** Where waits happen; tests pass a fake clock and see every wait without real time passing. */
  clock?: Clock
  userAgent?: string
  /**
   * Writes a run makes before the spacing between writes starts (default 10). GitHub asks for a
   * second between writes when an integration makes "a large number" of them; a review run makes 4
   * and a busy fleet about 10, and spacing those cost ~2 s of every run. Answers of a secondary
   * limit are retried as before, whatever this is.
   */
  unpacedWrites?: number
}

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

export const UNPACED_WRITES = 10

/** The one Octokit of a run: every request paced and retried by `retryAndPace`. */
export function createOctokit(settings: OctokitSettings): Octokit {
  // The proxy variables are read from the process, as @actions/http-client reads them.
  const env = process.env
  const baseUrl = settings.baseUrl.replace(/\/+$/, '')
  const fetchImpl = chooseFetch(baseUrl, env)
  const { logger } = settings
  const Client = GitHub.plugin(
    retryAndPace({
      retry: { ...GITHUB_RETRY, ...settings.retry },
      clock: settings.clock ?? realClock,
      logger: settings.logger,
      unpacedWrites: settings.unpacedWrites ?? UNPACED_WRITES
    })
  )
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
    }
  })
}
