import { getOctokit } from '@actions/github'
import { SECONDARY_RATE_LIMIT_MESSAGE, primaryRateLimit, secondaryRateLimit, startGitHubServer, type GitHubServer } from '../support/github-server.js'

let server: GitHubServer
let octokit: ReturnType<typeof getOctokit>

beforeEach(async () => {
  server = await startGitHubServer()
  octokit = getOctokit('t', { baseUrl: server.url })
  server.world.addIssue('acme/app', { number: 3 })
})

afterEach(async () => {
  await server.close()
})

interface Failure {
  status: number
  headers: Record<string, string | undefined>
  data: { message?: string }
}

async function failureOf(promise: Promise<unknown>): Promise<Failure | 'ok'> {
  try {
    await promise
    return 'ok'
  } catch (e) {
    const err = e as { status: number; response: { headers: Record<string, string>; data: { message?: string } } }
    return { status: err.status, headers: err.response.headers, data: err.response.data }
  }
}

const comment = (body: string) => octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 3, body })

describe('fault injection', () => {
  it('answers a secondary rate limit with retry-after, then the real answer', async () => {
    server.fail(secondaryRateLimit('issues/create-comment'))
    const first = await failureOf(comment('hello'))
    expect(first).toMatchObject({ status: 403, headers: { 'retry-after': '1' }, data: { message: SECONDARY_RATE_LIMIT_MESSAGE } })
    expect(await failureOf(comment('hello'))).toBe('ok')
    expect(server.world.comments.map((c) => c.body)).toEqual(['hello'])
    expect(server.requests.map((r) => r.status)).toEqual([403, 201])
  })

  it('answers 429 with retry-after when the test gives only the status', async () => {
    server.fail({ operationId: 'issues/create-comment', status: 429 })
    const failure = await failureOf(comment('x'))
    expect(failure).toMatchObject({ status: 429, headers: { 'retry-after': '1' } })
  })

  it('fails the given number of times, then succeeds', async () => {
    server.fail({ operationId: 'issues/create-comment', status: 500, times: 2 })
    const outcomes = [await failureOf(comment('a')), await failureOf(comment('b')), await failureOf(comment('c'))]
    expect(outcomes.map((o) => (o === 'ok' ? 'ok' : o.status))).toEqual([500, 500, 'ok'])
    expect(server.pendingFaults()).toBe(0)
  })

  it('consumes faults for one operation in the order they were queued', async () => {
    server.fail({ operationId: 'issues/create-comment', status: 502 })
    server.fail({ operationId: 'issues/create-comment', status: 404, body: { message: 'Not Found' } })
    const first = await failureOf(comment('a'))
    const second = await failureOf(comment('b'))
    expect([first, second].map((o) => (o === 'ok' ? 'ok' : o.status))).toEqual([502, 404])
  })

  it('leaves other operations alone', async () => {
    server.fail({ operationId: 'issues/update-comment', status: 404 })
    expect(await failureOf(comment('a'))).toBe('ok')
    expect(server.pendingFaults()).toBe(1)
  })

  it('passes custom headers and body through', async () => {
    server.fail({ operationId: 'issues/get', status: 403, headers: { 'x-ratelimit-remaining': '0' }, body: { message: 'API rate limit exceeded' } })
    const failure = await failureOf(octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 3 }))
    expect(failure).toMatchObject({ status: 403, headers: { 'x-ratelimit-remaining': '0' }, data: { message: 'API rate limit exceeded' } })
  })

  it('answers a primary rate limit with x-ratelimit-remaining 0 and a reset time', async () => {
    server.fail(primaryRateLimit('issues/get', { resetInSeconds: 30 }))
    const failure = await failureOf(octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 3 }))
    if (failure === 'ok') throw new Error('expected a failure')
    expect(failure.status).toBe(403)
    expect(failure.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(failure.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
  })

  it('answers 404 for a deleted comment, without any fault', async () => {
    const c = server.world.addComment('acme/app', 3, { body: 'old' })
    server.world.deleteComment(c.id)
    const failure = await failureOf(octokit.rest.issues.updateComment({ owner: 'acme', repo: 'app', comment_id: c.id, body: 'new' }))
    expect(failure).toMatchObject({ status: 404, data: { message: 'Not Found' } })
  })

  it('clears queued faults on reset', async () => {
    server.fail({ operationId: 'issues/create-comment', status: 500 })
    server.reset()
    expect(await failureOf(comment('a'))).toBe('ok')
  })
})
