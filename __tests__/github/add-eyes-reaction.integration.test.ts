import { addEyesReaction } from '../../src/github/add-eyes-reaction.js'
import { REPO, startHarness, type Harness } from './harness.js'

let h: Harness

afterEach(async () => {
  expect(h.server.invalidRequests).toEqual([])
  await h.server.close()
})

describe('addEyesReaction', () => {
  it('reacts 👀 to the review comment that carried the command', async () => {
    h = await startHarness()
    h.server.world.addPull(REPO, { number: 4, files: [{ filename: 'a.ts', patch: '@@ -0,0 +1 @@\n+a' }] })
    const review = h.server.world.addReview(REPO, 4, { user: 'alice', event: 'COMMENT', body: '', comments: [{ path: 'a.ts', line: 1, body: '/explain' }] })
    const commentId = h.server.world.reviewComments.find((c) => c.review_id === review.id)?.id as number

    expect(await addEyesReaction(h.publisher, commentId, 'review', h.log)).toBe(true)
    expect(h.calls()).toEqual(['reactions/create-for-pull-request-review-comment'])
    expect(h.server.world.reactions).toMatchObject([{ subject: 'review_comment', comment_id: commentId, content: 'eyes' }])
  })

  it('only records the reaction in a dry run', async () => {
    h = await startHarness({ dryRun: true })
    expect(await addEyesReaction(h.publisher, 123, 'issue', h.log)).toBe(false)
    expect(h.server.requests).toEqual([])
    expect(h.publisher.planned.map((p) => p.operation)).toEqual(['add-reaction'])
  })

  it('logs and carries on when the comment is gone', async () => {
    h = await startHarness()
    h.server.world.addRepo(REPO)
    expect(await addEyesReaction(h.publisher, 999, 'issue', h.log)).toBe(false)
    expect(h.log.lines.some((l) => l.startsWith('warning: Could not react to comment 999'))).toBe(true)
  })
})
