import { getOctokit } from '@actions/github'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

type Octokit = ReturnType<typeof getOctokit>

let server: GitHubServer
let octokit: Octokit

beforeEach(async () => {
  server = await startGitHubServer()
  octokit = getOctokit('t', { baseUrl: server.url })
  server.world.addPull('acme/app', {
    number: 7,
    user: 'alice',
    files: [{ filename: 'src/a.ts', patch: '@@ -1,2 +1,3 @@\n line one\n+added two\n line three' }]
  })
})

afterEach(async () => {
  await server.close()
})

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise
    return { status: 0, message: '' }
  } catch (e) {
    const err = e as { status: number; response?: { data?: { message?: string } } }
    return { status: err.status, message: err.response?.data?.message ?? '' }
  }
}

describe('request validation against the OpenAPI subset', () => {
  it('accepts a valid review and records it with its operationId', async () => {
    const { status, data } = await octokit.rest.pulls.createReview({
      owner: 'acme',
      repo: 'app',
      pull_number: 7,
      event: 'COMMENT',
      body: 'Looks fine',
      comments: [{ path: 'src/a.ts', line: 2, side: 'RIGHT', body: 'nit' }]
    })
    expect(status).toBe(200)
    expect(data.state).toBe('COMMENTED')
    expect(server.invalidRequests).toEqual([])
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/repos/acme/app/pulls/7/reviews',
        operationId: 'pulls/create-review',
        status: 200,
        actor: 'github-actions[bot]'
      })
    ])
  })

  it('answers 422 to a review event outside the enum and records it as invalid', async () => {
    const result = await statusOf(
      octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        owner: 'acme',
        repo: 'app',
        pull_number: 7,
        event: 'LGTM' as 'COMMENT',
        body: 'ok'
      })
    )
    expect(result.status).toBe(422)
    expect(result.message).toBe(`Invalid request.\n\nFor 'properties/event', "LGTM" is not a member of ["APPROVE","REQUEST_CHANGES","COMMENT"].`)
    expect(server.invalidRequests).toHaveLength(1)
    expect(server.invalidRequests[0]).toMatchObject({ operationId: 'pulls/create-review', status: 422 })
    expect(server.world.reviews).toEqual([])
  })

  it('answers 422 to labels that are not an array', async () => {
    const result = await statusOf(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        owner: 'acme',
        repo: 'app',
        issue_number: 7,
        labels: 5 as unknown as string[]
      })
    )
    expect(result).toEqual({ status: 422, message: `Invalid request.\n\nFor 'properties/labels', 5 is not an array.` })
    expect(server.invalidRequests.map((r) => r.operationId)).toEqual(['issues/add-labels'])
  })

  it('answers 422 when a required body field is missing', async () => {
    const result = await statusOf(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'app', issue_number: 7 } as never)
    )
    expect(result).toEqual({ status: 422, message: `Invalid request.\n\n"body" wasn't supplied.` })
  })

  it('answers 422 to a query parameter of the wrong type', async () => {
    const result = await statusOf(
      octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        owner: 'acme',
        repo: 'app',
        pull_number: 7,
        per_page: 'many' as unknown as number
      })
    )
    expect(result.status).toBe(422)
    expect(server.invalidRequests[0]?.error).toContain(`For 'properties/per_page', "many" is not an integer.`)
  })

  it('answers 422 to a path parameter of the wrong type', async () => {
    const result = await statusOf(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'app', issue_number: 'seven' as unknown as number })
    )
    expect(result.status).toBe(422)
    expect(server.invalidRequests).toHaveLength(1)
  })

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/repos/acme/app/issues/7/comments`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: '{"body": '
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message: 'Problems parsing JSON' })
    expect(server.invalidRequests).toHaveLength(1)
  })

  it('answers 401 to a request without a token', async () => {
    const response = await fetch(`${server.url}/repos/acme/app`)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' })
    expect(server.requests[0]).toMatchObject({ operationId: 'repos/get', status: 401 })
  })

  it.each([
    ['token t', 200],
    ['Bearer t', 200],
    ['Basic dDp4', 401]
  ])('accepts the authorization scheme %s with status %i', async (authorization, status) => {
    const response = await fetch(`${server.url}/repos/acme/app`, { headers: { authorization } })
    expect(response.status).toBe(status)
  })

  it('answers 404 like GitHub to a route outside the subset', async () => {
    const result = await statusOf(octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'app' }))
    expect(result).toEqual({ status: 404, message: 'Not Found' })
    expect(server.requests[0]).toMatchObject({ operationId: null, status: 404 })
  })

  it('answers 404 to a method the route does not have', async () => {
    const result = await statusOf(octokit.request('DELETE /repos/{owner}/{repo}', { owner: 'acme', repo: 'app' }))
    expect(result.status).toBe(404)
  })

  it('routes issues/comments/ID to get-comment, not to an issue numbered "comments"', async () => {
    const comment = server.world.addComment('acme/app', 7, { body: 'hi' })
    const { data } = await octokit.rest.issues.getComment({ owner: 'acme', repo: 'app', comment_id: comment.id })
    expect(data.body).toBe('hi')
    expect(server.requests[0]?.operationId).toBe('issues/get-comment')
  })

  it('sends rate-limit headers that count down', async () => {
    const first = await octokit.rest.repos.get({ owner: 'acme', repo: 'app' })
    const second = await octokit.rest.repos.get({ owner: 'acme', repo: 'app' })
    expect(Number(first.headers['x-ratelimit-remaining'])).toBe(Number(second.headers['x-ratelimit-remaining']) + 1)
    expect(second.headers['x-ratelimit-limit']).toBe('5000')
  })

  it('records writes and counts operations', async () => {
    await octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 7 })
    await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 7, body: 'one' })
    await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 7, body: 'two' })
    expect(server.writes().map((r) => r.body)).toEqual([{ body: 'one' }, { body: 'two' }])
    expect(server.countOf('issues/create-comment')).toBe(2)
    server.reset()
    expect(server.requests).toEqual([])
    expect(server.world.comments).toHaveLength(2)
  })

  it.each([
    ['checks/create', 'POST /repos/{owner}/{repo}/check-runs', { name: 'aof', head_sha: 'a'.repeat(40), status: 'completed' }],
    ['checks/update', 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { check_run_id: 1, status: 'completed' }]
  ])('answers 422 to %s completing a run without a conclusion', async (operationId, route, params) => {
    const result = await statusOf(octokit.request(route, { owner: 'acme', repo: 'app', ...params }))
    expect(result.status).toBe(422)
    expect(result.message).toContain(`"conclusion" wasn't supplied.`)
    expect(server.invalidRequests.map((r) => r.operationId)).toEqual([operationId])
    expect(server.world.checkRuns).toEqual([])
  })

  it('serves the API under /api/v3 on 127.0.0.1 and gives the action its environment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    expect(server.env()).toEqual({
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: server.origin,
      GITHUB_GRAPHQL_URL: `${server.origin}/api/graphql`
    })
  })

  it('refuses a fault for an operation the subset does not have', () => {
    expect(() => server.fail({ operationId: 'repos/delete', status: 500 })).toThrow('repos/delete is not an operation of the subset')
  })
})
