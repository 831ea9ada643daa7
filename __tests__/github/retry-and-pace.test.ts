import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { githubFailure, isGraphQLQuery, lanesOf, NOTIFYING_ROUTES } from '../../src/github/retry-and-pace.js'
import type { FailureKind } from '../../src/retry/retry-policy.js'

describe('lanesOf', () => {
  it.each<[string, string, string[]]>([
    ['GET', '/repos/{owner}/{repo}/issues/{issue_number}', []],
    ['HEAD', '/repos/acme/app', []],
    ['GET', '/search/issues', ['search']],
    ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', ['write']],
    ['PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', ['write']],
    ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ['write', 'notification']],
    ['post', '/repos/acme/app/issues/3/comments', ['write', 'notification']],
    ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', ['write', 'notification']],
    ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events', ['write']],
    ['POST', '/graphql', ['write']]
  ])('%s %s goes through %j', (method, url, lanes) => {
    expect(lanesOf(method, url)).toEqual(lanes)
  })
})

describe('isGraphQLQuery', () => {
  it('takes a GraphQL query for a read (not paced, safe to send again) and a mutation for a write', () => {
    expect(isGraphQLQuery('https://api.github.com/graphql', 'query ConfigTree { viewer { login } }')).toBe(true)
    expect(isGraphQLQuery('https://ghes.example/api/graphql', '{ viewer { login } }')).toBe(true)
    expect(isGraphQLQuery('https://api.github.com/graphql', '  mutation ResolveThreads { x }')).toBe(false)
    expect(isGraphQLQuery('https://api.github.com/repos/o/r/issues/1/comments', 'query')).toBe(false)
    expect(isGraphQLQuery('https://api.github.com/graphql', undefined)).toBe(false)
  })
})

describe('NOTIFYING_ROUTES', () => {
  it('are exactly the operations GitHub’s OpenAPI description marks as triggering notifications', () => {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, { 'x-github'?: { triggersNotification?: boolean } }>> }
    const marked = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation['x-github']?.triggersNotification === true)
        .map(([method]) => `${method.toUpperCase()} ${path}`)
    )
    expect([...NOTIFYING_ROUTES].sort()).toEqual(marked.sort())
  })
})

describe('githubFailure', () => {
  const answer = (status: number, message: string, headers: Record<string, string> = {}) =>
    Object.assign(new Error(message), { status, request: {}, response: { headers } })
  const noAnswer = (code: string) =>
    Object.assign(new Error('fetch failed'), { status: 500, request: {}, cause: Object.assign(new TypeError('fetch failed'), { cause: { code } }) })

  it.each<[string, unknown, FailureKind]>([
    ['a 403 that says secondary rate limit', answer(403, 'You have exceeded a secondary rate limit.'), 'secondary_limit'],
    ['a 429 that says secondary rate limit', answer(429, 'You have exceeded a secondary rate limit.'), 'secondary_limit'],
    ['a 403 with the quota spent', answer(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }), 'primary_limit'],
    ['a 403 that is a permission', answer(403, 'Resource not accessible by integration', { 'x-ratelimit-remaining': '4000' }), 'fatal'],
    ['a bare 429', answer(429, 'Too Many Requests'), 'rate_limit'],
    ['a 500', answer(500, 'Server Error'), 'server'],
    ['a 504', answer(504, 'Gateway Timeout'), 'timeout'],
    ['a refused connection', noAnswer('ECONNREFUSED'), 'connection'],
    ['an unknown host', noAnswer('ENOTFOUND'), 'connection'],
    ['a connection reset after sending', noAnswer('ECONNRESET'), 'timeout'],
    ['a bug thrown on the way', new TypeError('x is not a function'), 'fatal']
  ])('reads %s as %s', (_name, error, kind) => {
    expect(githubFailure(error).kind).toBe(kind)
  })
})
