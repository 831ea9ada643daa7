// Every GitHub request goes through here: paced where GitHub asks for spacing, retried when the
// policy says so. One `hook.wrap` around Octokit's request, so each attempt (and each page of a
// paginated read) is paced and its failure judged by `decideRetry`.
import type { Octokit } from '@octokit/core'
import { Pacer, type PaceRule } from '../retry/pacing.js'
import { kindOfStatus, type Failure, type RetrySettings } from '../retry/retry-policy.js'
import { withRetry, type Clock } from '../retry/with-retry.js'
import { requestFailure } from './request-failure.js'
import type { Logger } from '../shared/logger.js'

export interface RetryAndPaceSettings {
  retry: RetrySettings
  clock: Clock
  logger: Logger
  /** Writes (and notifying writes) that go out before the spacing starts. */
  unpacedWrites: number
}

// GitHub asks integrations to leave a second between content-creating requests, more for those
// that notify people; searches have their own low limit. These are plugin-throttling's figures.
const WRITE_SPACING_MS = 1000
const NOTIFICATION_SPACING_MS = 3000
const SEARCH_SPACING_MS = 2000

// Operations GitHub's OpenAPI description marks `x-github.triggersNotification`; a test holds this
// list to the description in @octokit/openapi.
export const NOTIFYING_ROUTES = [
  'DELETE /orgs/{org}/invitations/{invitation_id}',
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}',
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values/{issue_field_id}',
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority',
  'POST /orgs/{org}/invitations',
  'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments',
  'POST /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
  'POST /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
  'POST /repos/{owner}/{repo}/releases',
  'PUT /repos/{owner}/{repo}/collaborators/{username}',
  'PUT /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
  'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
  'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge-async'
]

// A route template or an expanded path: a `{name}` segment matches any one segment.
const NOTIFYING = new RegExp(`^(?:${NOTIFYING_ROUTES.map((route) => route.replace(/\{[^}]+\}/g, '[^/]+')).join('|')})$`, 'i')

export type Lane = 'write' | 'notification' | 'search'

/** The pacing lanes a request passes, in order: every write, then notifying writes; searches. */
export function lanesOf(method: string, url: string): Lane[] {
  const path = decodeURIComponent(new URL(url, 'http://github.test').pathname)
  const verb = method.toUpperCase()
  if (verb === 'GET' || verb === 'HEAD') return path.startsWith('/search/') ? ['search'] : []
  return NOTIFYING.test(`${verb} ${path}`) ? ['write', 'notification'] : ['write']
}

/** A GraphQL query (not a mutation) is sent by POST but reads: it is neither paced nor kept from a retry. */
export function isGraphQLQuery(url: string, query: unknown): boolean {
  return new URL(url, 'http://github.test').pathname.endsWith('/graphql') && typeof query === 'string' && !/^\s*mutation\b/.test(query)
}

// Error codes of a connection that was never made: the request was not sent.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

function causeCodes(error: unknown): string[] {
  const codes: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string') codes.push(code)
    current = cause
  }
  return codes
}

/**
 * What kind of failure a GitHub request met, by GitHub's documented signs: a secondary rate limit
 * is a 403 or 429 whose message says so; a spent quota is a 403 or 429 with
 * `x-ratelimit-remaining: 0`. Octokit reports a request that got no answer as a status 500
 * without a response.
 */
export function githubFailure(error: unknown): Failure {
  const failure = requestFailure(error)
  const { status, headers } = failure
  const shape = (typeof error === 'object' && error !== null ? error : {}) as { request?: unknown; response?: unknown }
  if (status === null || shape.response === undefined) {
    // Anything else thrown on the way (not a RequestError) is no network trouble; a retry cannot fix it.
    if (shape.request === undefined) return { kind: 'fatal', status: null, headers: {} }
    return { kind: causeCodes(error).some((code) => NOT_SENT.has(code)) ? 'connection' : 'timeout', status: null, headers: {} }
  }
  if (status === 403 || status === 429) {
    if (/\bsecondary rate\b/i.test(failure.message)) return { kind: 'secondary_limit', status, headers }
    if (headers['x-ratelimit-remaining'] === '0') return { kind: 'primary_limit', status, headers }
  }
  return { kind: kindOfStatus(status), status, headers }
}

function paceRules(settings: RetryAndPaceSettings): Record<Lane, PaceRule> {
  const scaled = (ms: number) => Math.round(ms * settings.retry.timeScale)
  return {
    write: { spacingMs: scaled(WRITE_SPACING_MS), unpaced: settings.unpacedWrites },
    notification: { spacingMs: scaled(NOTIFICATION_SPACING_MS), unpaced: settings.unpacedWrites },
    search: { spacingMs: scaled(SEARCH_SPACING_MS), unpaced: 1 }
  }
}

/** An Octokit plugin; its pacers belong to the one client it is applied to. */
export function retryAndPace(settings: RetryAndPaceSettings) {
  return function retryAndPacePlugin(octokit: Octokit): Record<string, never> {
    const rules = paceRules(settings)
    const pacers = new Map<Lane, Pacer>()
    const pacer = (lane: Lane): Pacer => {
      let found = pacers.get(lane)
      if (!found) pacers.set(lane, (found = new Pacer(rules[lane], settings.clock)))
      return found
    }
    octokit.hook.wrap('request', async (request, options) => {
      const readOnly = isGraphQLQuery(options.url, (options as { query?: unknown }).query)
      const lanes = readOnly ? [] : lanesOf(options.method, options.url)
      const send = async () => {
        for (const lane of lanes) await pacer(lane).turn()
        return request(options)
      }
      return withRetry(send, {
        settings: settings.retry,
        clock: settings.clock,
        logger: settings.logger,
        label: `GitHub: ${options.method} ${options.url}`,
        // A POST creates something (a comment, a review, a check run): sent twice, it may exist twice.
        replaySafe: readOnly || options.method.toUpperCase() !== 'POST',
        classify: githubFailure
      })
    })
    return {}
  }
}
