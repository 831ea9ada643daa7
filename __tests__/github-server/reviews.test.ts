import { getOctokit } from '@actions/github'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

// Two hunks: lines 1-4 (2 added after line 1) and lines 20-22 of the new file (one line deleted).
const PATCH = ['@@ -1,2 +1,4 @@', ' import a', '+import b', '+import c', ' const x = 1', '@@ -18,3 +20,2 @@ function f() {', ' keep', '-removed', ' end'].join(
  '\n'
)

let server: GitHubServer
let octokit: ReturnType<typeof getOctokit>

beforeEach(async () => {
  server = await startGitHubServer()
  octokit = getOctokit('t', { baseUrl: server.url })
  server.world.addPull('acme/app', {
    number: 5,
    user: 'alice',
    head: { ref: 'feature', sha: 'a'.repeat(40) },
    files: [
      { filename: 'src/a.ts', patch: PATCH },
      { filename: 'logo.png', status: 'added' }
    ]
  })
})

afterEach(async () => {
  await server.close()
})

type ReviewComment = { path: string; body: string; line?: number; side?: 'LEFT' | 'RIGHT'; start_line?: number; position?: number }

const review = (event: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT' | undefined, comments: ReviewComment[] = [], body = 'review body') =>
  octokit.rest.pulls.createReview({ owner: 'acme', repo: 'app', pull_number: 5, body, comments, ...(event ? { event } : {}) })

describe('pulls/create-review', () => {
  it.each<[string, ReviewComment]>([
    ['an added line', { path: 'src/a.ts', line: 2, side: 'RIGHT', body: 'b' }],
    ['a context line of the second hunk', { path: 'src/a.ts', line: 21, body: 'b' }],
    ['a deleted line on the LEFT side', { path: 'src/a.ts', line: 19, side: 'LEFT', body: 'b' }],
    ['a range inside one hunk', { path: 'src/a.ts', start_line: 1, line: 3, body: 'b' }],
    ['a legacy position', { path: 'src/a.ts', position: 2, body: 'b' }]
  ])('accepts an inline comment on %s', async (_case, comment) => {
    const { status } = await review('COMMENT', [comment])
    expect(status).toBe(200)
    expect(server.world.reviewComments).toHaveLength(1)
  })

  it.each<[string, ReviewComment, string]>([
    ['a line outside every hunk', { path: 'src/a.ts', line: 10, body: 'b' }, 'Line could not be resolved'],
    ['a deleted line on the RIGHT side', { path: 'src/a.ts', line: 19, side: 'RIGHT', body: 'b' }, 'Line could not be resolved'],
    ['a file the pull request does not touch', { path: 'src/b.ts', line: 1, body: 'b' }, 'Path could not be resolved'],
    ['a file without a patch (binary)', { path: 'logo.png', line: 1, body: 'b' }, 'Line could not be resolved'],
    [
      'a range spanning two hunks',
      { path: 'src/a.ts', start_line: 2, line: 21, body: 'b' },
      'Pull request review thread start line must be part of the same hunk as the line.'
    ]
  ])('rejects, like GitHub, an inline comment on %s and creates nothing', async (_case, comment, error) => {
    await expect(review('COMMENT', [comment])).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Unprocessable Entity', errors: [error] } }
    })
    expect(server.world.reviews).toEqual([])
    expect(server.world.reviewComments).toEqual([])
    expect(server.invalidRequests).toEqual([])
  })

  it('stores the anchor GitHub would: position, side and the diff hunk up to the line', async () => {
    await review('REQUEST_CHANGES', [{ path: 'src/a.ts', line: 20, body: 'why keep?' }])
    const { data } = await octokit.rest.pulls.listReviewComments({ owner: 'acme', repo: 'app', pull_number: 5 })
    expect(data).toEqual([
      expect.objectContaining({
        path: 'src/a.ts',
        line: 20,
        side: 'RIGHT',
        position: 6,
        commit_id: 'a'.repeat(40),
        diff_hunk: '@@ -18,3 +20,2 @@ function f() {\n keep',
        user: expect.objectContaining({ login: 'github-actions[bot]', type: 'Bot' })
      })
    ])
    expect(server.world.reviews[0]?.state).toBe('CHANGES_REQUESTED')
  })

  it.each([
    ['APPROVE', 'Can not approve your own pull request'],
    ['REQUEST_CHANGES', 'Can not request changes on your own pull request']
  ] as const)('refuses %s on a pull request the token user opened', async (event, error) => {
    server.world.addPull('acme/app', { number: 6, user: 'github-actions[bot]' })
    await expect(octokit.rest.pulls.createReview({ owner: 'acme', repo: 'app', pull_number: 6, event, body: 'x' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [error] } }
    })
  })

  it('refuses a COMMENT review with neither body nor inline comments', async () => {
    await expect(review('COMMENT', [], '')).rejects.toMatchObject({ status: 422 })
  })

  it('creates a pending review when no event is given, visible only to its author', async () => {
    await server.close()
    server = await startGitHubServer({ tokens: { 'bob-token': { login: 'bob' } } })
    server.world.addPull('acme/app', { number: 5, user: 'alice', files: [{ filename: 'src/a.ts', patch: PATCH }] })
    const bot = getOctokit('t', { baseUrl: server.url })
    const bob = getOctokit('bob-token', { baseUrl: server.url })
    const { data } = await bot.rest.pulls.createReview({ owner: 'acme', repo: 'app', pull_number: 5, body: 'draft' })
    expect(data.state).toBe('PENDING')
    const mine = await bot.rest.pulls.listReviews({ owner: 'acme', repo: 'app', pull_number: 5 })
    const theirs = await bob.rest.pulls.listReviews({ owner: 'acme', repo: 'app', pull_number: 5 })
    expect([mine.data.length, theirs.data.length]).toEqual([1, 0])
    await expect(bot.rest.pulls.createReview({ owner: 'acme', repo: 'app', pull_number: 5, body: 'again' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: ['User can only have one pending review per pull request'] } }
    })
  })

  it('rejects a review body over 65,536 characters', async () => {
    await expect(review('COMMENT', [], 'x'.repeat(65537))).rejects.toMatchObject({ status: 422, response: { data: { message: 'Validation Failed' } } })
  })
})

describe('review comments, replies and reactions', () => {
  it('threads a reply under the root comment and reacts to it', async () => {
    const root = server.world.addReview('acme/app', 5, { user: 'alice', event: 'COMMENT', comments: [{ path: 'src/a.ts', line: 2, body: '/explain' }] })
    const rootComment = server.world.reviewComments.find((c) => c.review_id === root.id)
    if (!rootComment) throw new Error('seeded review comment missing')
    const reply = await octokit.rest.pulls.createReplyForReviewComment({
      owner: 'acme',
      repo: 'app',
      pull_number: 5,
      comment_id: rootComment.id,
      body: 'Here is why'
    })
    expect(reply.status).toBe(201)
    expect(reply.data).toMatchObject({ in_reply_to_id: rootComment.id, path: 'src/a.ts', line: 2, body: 'Here is why' })
    const reaction = await octokit.rest.reactions.createForPullRequestReviewComment({ owner: 'acme', repo: 'app', comment_id: rootComment.id, content: 'eyes' })
    const again = await octokit.rest.reactions.createForPullRequestReviewComment({ owner: 'acme', repo: 'app', comment_id: rootComment.id, content: 'eyes' })
    expect([reaction.status, again.status]).toEqual([201, 200])
    expect(again.data.id).toBe(reaction.data.id)
  })

  it('answers 404 to a reply to a comment that does not exist', async () => {
    await expect(
      octokit.rest.pulls.createReplyForReviewComment({ owner: 'acme', repo: 'app', pull_number: 5, comment_id: 999999, body: 'x' })
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('pulls/get', () => {
  it('returns the pull request with head, base and counts', async () => {
    const { data } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 5 })
    expect(data).toMatchObject({
      number: 5,
      head: { ref: 'feature', sha: 'a'.repeat(40) },
      base: { ref: 'main' },
      user: { login: 'alice' },
      changed_files: 2,
      additions: 2,
      deletions: 1,
      html_url: `${server.origin}/acme/app/pull/5`
    })
  })

  it('returns a unified diff for the diff media type', async () => {
    const { data } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 5, mediaType: { format: 'diff' } })
    expect(String(data)).toContain('diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,2 +1,4 @@')
    expect(String(data)).toContain('--- /dev/null\n+++ b/logo.png')
  })
})
