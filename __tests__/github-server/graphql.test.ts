// The test server's GraphQL endpoint: documents are validated against GitHub's public schema
// before they run, answers come from the same world as REST, and a mistake fails the test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/core'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

const REPO = 'acme/app'
let server: GitHubServer
let octokit: Octokit

beforeAll(async () => {
  server = await startGitHubServer()
  octokit = new Octokit({ auth: 'ghs_test', baseUrl: server.url })
  server.world.addPull(REPO, { number: 1, files: [{ filename: 'a.ts', patch: '@@ -1 +1,3 @@\n a\n+b\n+c' }] })
  server.world.addReview(REPO, 1, {
    user: 'github-actions[bot]',
    event: 'COMMENT',
    comments: [
      { path: 'a.ts', line: 2, body: 'first' },
      { path: 'a.ts', line: 3, body: 'second' }
    ]
  })
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const THREADS = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { pullRequest(number: 1) {
  reviewThreads(first: 10) { totalCount nodes { id isResolved path line comments(first: 5) { nodes { databaseId body author { login } } } } } } } }`

interface Threads {
  repository: {
    pullRequest: {
      reviewThreads: {
        totalCount: number
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number; author: { login: string } }[] } }[]
      }
    }
  }
}

describe('GraphQL endpoint', () => {
  it('is where Octokit sends GraphQL for a GHES-style base URL', async () => {
    await octokit.graphql('query { viewer { login } }')
    expect(server.requests.map((r) => [r.method, r.path, r.operationId])).toEqual([['POST', '/api/graphql', 'graphql/viewer']])
  })

  it('records a document that does not validate against GitHub schema as invalid, and Octokit throws', async () => {
    await expect(octokit.graphql('query { repository(owner: "acme", name: "app") { object(expression: "main:") { ... on Blob { size } } } }')).rejects.toThrow(
      /Cannot query field "size" on type "Blob"/
    )
    expect(server.invalidRequests).toHaveLength(1)
    expect(server.invalidRequests[0]?.error).toMatch(/does not validate against GitHub's schema/)
  })

  it('records a connection asked for without first or last as invalid', async () => {
    await expect(
      octokit.graphql('query { repository(owner: "acme", name: "app") { pullRequest(number: 1) { reviewThreads { totalCount } } } }')
    ).rejects.toThrow(/must provide a `first` or `last`/)
    expect(server.invalidRequests).toHaveLength(1)
  })

  it('answers a missing repository with NOT_FOUND, as GitHub does, and that is no mistake of the request', async () => {
    await expect(octokit.graphql('query { repository(owner: "acme", name: "nope") { id } }')).rejects.toThrow(/Could not resolve to a Repository/)
    expect(server.invalidRequests).toEqual([])
  })

  it('lists review threads from the REST review comments (a bot named as GraphQL names it) and resolves them', async () => {
    const before = await octokit.graphql<Threads>(THREADS, { owner: 'acme', name: 'app' })
    const threads = before.repository.pullRequest.reviewThreads
    expect(threads.totalCount).toBe(2)
    expect(threads.nodes.map((t) => [t.isResolved, t.comments.nodes[0]?.author.login])).toEqual([
      [false, 'github-actions'],
      [false, 'github-actions']
    ])
    const id = threads.nodes[0]?.id as string
    const resolved = await octokit.graphql<{ resolveReviewThread: { thread: { isResolved: boolean } } }>(
      'mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { isResolved } } }',
      { id }
    )
    expect(resolved.resolveReviewThread.thread.isResolved).toBe(true)
    const after = await octokit.graphql<Threads>(THREADS, { owner: 'acme', name: 'app' })
    expect(after.repository.pullRequest.reviewThreads.nodes.map((t) => t.isResolved)).toEqual([true, false])
    expect(server.world.resolvedThreads.get(threads.nodes[0]?.comments.nodes[0]?.databaseId as number)?.login).toBe('github-actions[bot]')
    expect(server.invalidRequests).toEqual([])
  })

  it('answers 404 when switched off and 403 when refusing', async () => {
    server.setGraphQL('absent')
    await expect(octokit.graphql('query { viewer { login } }')).rejects.toMatchObject({ status: 404 })
    server.setGraphQL('forbidden')
    await expect(octokit.graphql('query { viewer { login } }')).rejects.toMatchObject({ status: 403 })
    server.setGraphQL('on')
  })
})
