// The publisher with a real Octokit against the local GitHub server: exact calls per scenario.
import { commentMarker } from '../../src/github/comment-marker.js'
import { addedLines, REPO, startHarness, type Harness } from './harness.js'

const HEAD = 'c0ffee0000000000000000000000000000000001'
let h: Harness

afterEach(async () => {
  expect(h.server.invalidRequests).toEqual([])
  await h.server.close()
})

function seedPull(files = [{ filename: 'src/app.ts', patch: addedLines(10, 20) }]): void {
  h.server.world.addPull(REPO, { number: 7, user: 'alice', head: { sha: HEAD }, files })
}

describe('review', () => {
  beforeEach(async () => {
    h = await startHarness()
    seedPull()
  })

  it('posts a review with 10 inline comments as ONE create-review request', async () => {
    const comments = Array.from({ length: 10 }, (_, i) => ({ path: 'src/app.ts', line: 10 + i, body: `finding ${i}` }))
    const outcome = await h.publisher.submitReview(7, { event: 'COMMENT', body: 'Summary', comments }, { headSha: HEAD, allowApprove: false })

    expect(h.calls()).toEqual(['pulls/list-files', 'pulls/create-review'])
    expect(outcome.sent).toBe(true)
    expect(h.server.world.reviews).toHaveLength(1)
    expect(h.server.world.reviews[0]).toMatchObject({ commit_id: HEAD, state: 'COMMENTED' })
    expect(h.server.world.reviewComments).toHaveLength(10)
  })

  it('never sends an inline comment outside the diff: it moves into the body, and GitHub sees no 422', async () => {
    const comments = [
      { path: 'src/app.ts', line: 12, body: 'in the diff' },
      { path: 'src/app.ts', line: 200, body: 'outside the diff' },
      { path: 'README.md', line: 1, body: 'file not in the PR' }
    ]
    await h.publisher.submitReview(7, { event: 'COMMENT', body: 'Summary', comments }, { headSha: HEAD, allowApprove: false })

    const sent = h.server.requests.find((r) => r.operationId === 'pulls/create-review')?.body as { comments: { line: number }[]; body: string }
    expect(sent.comments.map((c) => c.line)).toEqual([12])
    expect(h.server.requests.map((r) => r.status).every((s) => s < 400)).toBe(true)
    expect(h.server.world.reviews[0]?.body).toContain('- `src/app.ts:200` — outside the diff')
    expect(h.server.world.reviews[0]?.body).toContain('- `README.md:1` — file not in the PR')
    expect(h.publisher.notes).toHaveLength(2)
  })

  it('falls back to a COMMENT review when GitHub refuses the approval (own pull request)', async () => {
    h.server.world.issues.length = 0
    h.server.world.addPull(REPO, { number: 7, user: 'github-actions[bot]', head: { sha: HEAD }, files: [{ filename: 'a.ts', patch: addedLines(1, 3) }] })
    const outcome = await h.publisher.submitReview(7, { event: 'APPROVE', body: 'LGTM', comments: [] }, { headSha: HEAD, allowApprove: true })

    expect(h.calls()).toEqual(['pulls/list-files', 'pulls/create-review', 'pulls/create-review'])
    expect(h.server.world.reviews).toHaveLength(1)
    expect(h.server.world.reviews[0]?.state).toBe('COMMENTED')
    expect(outcome.notes).toContain('GitHub did not accept a review with APPROVE; posted as a comment instead.')
  })

  it('retries a review after a 500 and posts it once', async () => {
    h.server.fail({ operationId: 'pulls/create-review', status: 500 })
    await h.publisher.submitReview(
      7,
      { event: 'COMMENT', body: 'Summary', comments: [{ path: 'src/app.ts', line: 11, body: 'x' }] },
      { headSha: HEAD, allowApprove: false }
    )

    expect(h.server.countOf('pulls/create-review')).toBe(2)
    expect(h.server.world.reviews).toHaveLength(1)
    expect(h.server.world.reviewComments).toHaveLength(1)
    expect(h.log.lines.some((l) => /retry 1\/3/.test(l) && l.includes('HTTP 500'))).toBe(true)
  })

  it('reads all pages of a large pull request before planning', async () => {
    h.server.world.issues.length = 0
    seedPull(Array.from({ length: 250 }, (_, i) => ({ filename: `f${i}.ts`, patch: addedLines(1, 2) })))
    await h.publisher.submitReview(
      7,
      { event: 'COMMENT', body: 'S', comments: [{ path: 'f249.ts', line: 2, body: 'last file' }] },
      { headSha: HEAD, allowApprove: false }
    )

    expect(h.calls()).toEqual(['pulls/list-files', 'pulls/list-files', 'pulls/list-files', 'pulls/create-review'])
    expect(h.server.world.reviewComments.map((c) => c.path)).toEqual(['f249.ts'])
  })
})

describe('labels', () => {
  beforeEach(async () => {
    h = await startHarness()
    for (const name of ['bug', 'enhancement', 'question']) h.server.world.addLabel(REPO, name)
    h.server.world.addIssue(REPO, { number: 3, labels: ['question'] })
  })

  it('triages with one listing, one creation and one add request, dropping what is not allowed', async () => {
    const outcome = await h.publisher.addLabels(3, ['Bug', 'priority:high', 'wontfix'], { allowedLabels: ['bug', 'priority:high'], createLabels: false })

    expect(h.calls()).toEqual(['issues/list-labels-for-repo', 'issues/create-label', 'issues/add-labels'])
    expect(h.server.world.issue(REPO, 3)?.labels).toEqual(['question', 'bug', 'priority:high'])
    expect(outcome.dropped).toEqual([{ label: 'wontfix', reason: "not in the agent's allowed_labels" }])
  })

  it('sends no add request when every label is dropped', async () => {
    await h.publisher.addLabels(3, ['nope'], { createLabels: false })
    expect(h.calls()).toEqual(['issues/list-labels-for-repo'])
  })

  it('removes a label on allowed_labels, and treats one that is not set as done', async () => {
    const policy = { createLabels: false, allowedLabels: ['question', 'bug'] }
    const removed = await h.publisher.removeLabel(3, 'question', policy)
    const missing = await h.publisher.removeLabel(3, 'bug', policy)

    expect(h.calls()).toEqual(['issues/remove-label', 'issues/remove-label'])
    expect(removed.sent).toBe(true)
    expect(missing.notes).toEqual(["Label 'bug' was not set on #3."])
    expect(h.server.world.issue(REPO, 3)?.labels).toEqual([])
  })

  it('removes no label at all when there is no allowed_labels, and says why', async () => {
    const outcome = await h.publisher.removeLabel(3, 'question', { createLabels: false })
    expect(h.calls()).toEqual([])
    expect(outcome.notes).toEqual(["Label 'question' was not removed: the agent has no allowed_labels, and without them it removes no label."])
  })

  it('adds no label without allowed_labels when a Trigger of the config reacts to labels', async () => {
    const outcome = await h.publisher.addLabels(3, ['bug'], { createLabels: true, labelTriggers: ['on-label'] })
    expect(h.calls()).toEqual(['issues/list-labels-for-repo'])
    expect(outcome.dropped.map((d) => d.reason)).toEqual([
      "Trigger 'on-label' of the config starts work on labeled events, so an agent without allowed_labels adds no label"
    ])
  })

  it('refuses to remove a label outside allowed_labels without a request', async () => {
    await h.publisher.removeLabel(3, 'question', { createLabels: false, allowedLabels: ['bug'] })
    expect(h.calls()).toEqual([])
  })

  it('retries adding labels after a bare 429 without rate-limit headers (plugin-retry)', async () => {
    h.server.fail({ operationId: 'issues/add-labels', status: 429, headers: {}, body: { message: 'Too Many Requests' } })
    await h.publisher.addLabels(3, ['bug'], { createLabels: false })

    expect(h.server.countOf('issues/add-labels')).toBe(2)
    expect(h.server.world.issue(REPO, 3)?.labels).toEqual(['question', 'bug'])
  })
})

describe('comments', () => {
  beforeEach(async () => {
    h = await startHarness()
    h.server.world.addIssue(REPO, { number: 5 })
  })

  it('creates the comment with a hidden marker, and a re-run updates it instead of adding another', async () => {
    await h.publisher.upsertComment(5, 'triage/agent', 'first answer')
    const again = h.rerun()
    await again.publisher.upsertComment(5, 'triage/agent', 'second answer')

    // After creating, a run looks once more for an older copy another run may have created meanwhile.
    expect(h.calls()).toEqual(['issues/list-comments', 'issues/create-comment', 'issues/list-comments', 'issues/list-comments', 'issues/update-comment'])
    expect(h.server.world.comments).toHaveLength(1)
    expect(h.server.world.comments[0]?.body).toBe(`second answer\n\n${commentMarker('triage/agent')}`)
  })

  it('keeps one comment when runs started together each create it: the oldest gets the text of the run that folds, the newer copies are removed', async () => {
    const runs = [h.rerun(), h.rerun(), h.rerun()]
    const outcomes = await Promise.all(runs.map((run, i) => run.publisher.upsertComment(5, 'k', `answer ${i}`)))

    expect(h.server.world.comments).toHaveLength(1)
    const kept = h.server.world.comments[0]
    expect(kept?.body).toMatch(new RegExp(`^answer \\d\n\n${commentMarker('k')}$`))
    expect(outcomes.map((o) => o.id)).toEqual([kept?.id, kept?.id, kept?.id])
    expect(h.server.countOf('issues/delete-comment')).toBe(h.server.countOf('issues/create-comment') - 1)
  })

  it('does not write when the comment already says the same', async () => {
    await h.publisher.upsertComment(5, 'k', 'same')
    await h.rerun().publisher.upsertComment(5, 'k', 'same')
    expect(h.server.writes()).toHaveLength(1)
  })

  it("never takes over a person's comment that quotes the marker", async () => {
    h.server.world.addComment(REPO, 5, { user: 'mallory', body: `copy ${commentMarker('k')}` })
    await h.publisher.upsertComment(5, 'k', 'answer')

    expect(h.calls()).toEqual(['issues/list-comments', 'issues/create-comment', 'issues/list-comments'])
    expect(h.server.world.comments[0]?.body).toBe(`copy ${commentMarker('k')}`)
    expect(h.server.world.comments).toHaveLength(2)
  })

  it('recreates its comment when it was deleted meanwhile (404 on update)', async () => {
    const first = await h.publisher.upsertComment(5, 'k', 'working…')
    h.server.world.deleteComment(first.id as number)
    const second = await h.publisher.upsertComment(5, 'k', 'done')

    expect(h.calls()).toEqual([
      'issues/list-comments',
      'issues/create-comment',
      'issues/list-comments',
      'issues/update-comment',
      'issues/create-comment',
      'issues/list-comments'
    ])
    expect(h.server.world.comments.map((c) => c.body)).toEqual([`done\n\n${commentMarker('k')}`])
    expect(second.id).not.toBe(first.id)
    expect(h.publisher.notes).toEqual([])
  })

  it('retries a comment after a 403 secondary rate limit, honouring retry-after, and posts it once', async () => {
    h.server.fail({
      operationId: 'issues/create-comment',
      status: 403,
      headers: { 'retry-after': '30' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }
    })
    await h.publisher.upsertComment(5, 'k', 'hello')

    expect(h.server.countOf('issues/create-comment')).toBe(2)
    expect(h.server.world.comments).toHaveLength(1)
    expect(h.log.lines).toContain('info: GitHub: POST /repos/{owner}/{repo}/issues/{issue_number}/comments hit the secondary rate limit; retry 1/3 in 30s')
  })

  it('retries after a 429 secondary rate limit', async () => {
    h.server.fail({ operationId: 'issues/create-comment', status: 429 })
    await h.publisher.upsertComment(5, 'k', 'hello')
    expect(h.server.countOf('issues/create-comment')).toBe(2)
    expect(h.server.world.comments).toHaveLength(1)
  })

  it('waits for a primary rate limit to reset, then posts', async () => {
    h.server.fail({
      operationId: 'issues/create-comment',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 2) },
      body: { message: 'API rate limit exceeded for installation ID 1.' }
    })
    await h.publisher.upsertComment(5, 'k', 'hello')
    expect(h.server.countOf('issues/create-comment')).toBe(2)
    expect(h.log.lines.some((l) => l.includes('hit the primary rate limit; retry 1/3'))).toBe(true)
  })

  it('gives up at once when the rate limit asks for a longer wait than the run allows', async () => {
    h.server.fail({
      operationId: 'issues/create-comment',
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    await expect(h.publisher.upsertComment(5, 'k', 'hello')).rejects.toThrow(/Could not comment on #5: HTTP 403/)
    expect(h.server.countOf('issues/create-comment')).toBe(1)
    expect(h.log.lines.some((l) => l.startsWith('warning:') && l.includes('longer than the 120s'))).toBe(true)
  })

  it('stops after three retries of a failing server and reports it', async () => {
    h.server.fail({ operationId: 'issues/create-comment', status: 502, times: 5 })
    await expect(h.publisher.upsertComment(5, 'k', 'hello')).rejects.toThrow(/HTTP 502/)
    expect(h.server.countOf('issues/create-comment')).toBe(4)
    expect(h.server.world.comments).toHaveLength(0)
    expect(h.publisher.notes).toHaveLength(1)
  })

  it('keeps retrying server errors after earlier requests of the run failed for good', async () => {
    // Octokit shares one `request` options object between calls that pass none: retry state must not leak.
    await h.port.getFileContent('missing.txt', 'main')
    await expect(h.publisher.createComment(99, 'no such issue')).rejects.toThrow(/HTTP 404/)
    h.server.fail({ operationId: 'issues/create-comment', status: 500, times: 2 })
    await h.publisher.createComment(5, 'hello')
    h.server.fail({ operationId: 'issues/create-comment', status: 500 })
    await h.publisher.createComment(5, 'again')

    expect(h.calls()).toEqual([
      'repos/get-content',
      'issues/create-comment',
      ...Array(3).fill('issues/create-comment'),
      ...Array(2).fill('issues/create-comment')
    ])
    expect(h.log.lines.filter((l) => l.includes('retry 1/3'))).toHaveLength(2)
    expect(h.log.lines.filter((l) => l.includes('retry 2/3'))).toHaveLength(1)
  })

  it('does not retry a 403 that is not a rate limit', async () => {
    h.server.fail({ operationId: 'issues/create-comment', status: 403 })
    await expect(h.publisher.upsertComment(5, 'k', 'hello')).rejects.toThrow(/Resource not accessible by integration/)
    expect(h.server.countOf('issues/create-comment')).toBe(1)
  })

  it('redacts the token and neutralises mentions in what it posts', async () => {
    await h.publisher.createComment(5, `@alice the token is ghs_testtoken0123456789`)
    expect(h.server.world.comments[0]?.body).toBe('@\u200balice the token is ***')
  })

  it('adds 👀 to a comment', async () => {
    const c = h.server.world.addComment(REPO, 5, { user: 'alice', body: '/triage' })
    await h.publisher.addReaction(c.id, 'issue', 'eyes')
    expect(h.server.world.reactions).toMatchObject([{ comment_id: c.id, content: 'eyes', subject: 'issue_comment' }])
  })
})

describe('dry run', () => {
  beforeEach(async () => {
    h = await startHarness({ dryRun: true })
    seedPull()
    h.server.world.addLabel(REPO, 'bug')
  })

  it('reads but sends zero write requests, and records every planned write', async () => {
    await h.publisher.submitReview(
      7,
      { event: 'REQUEST_CHANGES', body: 'fix', comments: [{ path: 'src/app.ts', line: 10, body: 'here' }] },
      { headSha: HEAD, allowApprove: false }
    )
    await h.publisher.addLabels(7, ['bug', 'new'], { createLabels: true })
    await h.publisher.upsertComment(7, 'k', 'hello')
    await h.publisher.createCheckRun({ name: 'agent', headSha: HEAD, status: 'in_progress' })
    await h.publisher.updateCheckRun(null, { conclusion: 'success', output: { title: 'ok', summary: 'ok' } })

    expect(h.server.writes()).toEqual([])
    expect(h.calls()).toEqual(['pulls/list-files', 'issues/list-labels-for-repo', 'issues/list-comments'])
    expect(h.publisher.planned.map((p) => p.operation)).toEqual([
      'create-review',
      'create-label',
      'add-labels',
      'create-comment',
      'create-check-run',
      'update-check-run'
    ])
    expect(h.publisher.planned[0]?.request).toMatchObject({
      route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      params: { owner: 'acme', repo: 'app', pull_number: 7, event: 'REQUEST_CHANGES', commit_id: HEAD }
    })
    expect(h.publisher.records().every((r) => r.planned)).toBe(true)
  })
})
