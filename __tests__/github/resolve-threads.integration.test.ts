// Resolving review threads through GraphQL, against the local server (every document validated
// against GitHub's schema): only threads the action itself opened are ever resolved, whatever ids
// its caller passes (a review state edited by someone with write access could name anyone's).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { addedLines, REPO, startHarness, type Harness } from './harness.js'

let h: Harness

beforeEach(async () => {
  h = await startHarness()
  h.server.world.addPull(REPO, { number: 3, user: 'alice', files: [{ filename: 'a.ts', patch: addedLines(1, 5) }] })
})
afterEach(() => h.server.close())

function rootOf(user: string, line: number): number {
  const review = h.server.world.addReview(REPO, 3, { user, event: 'COMMENT', comments: [{ path: 'a.ts', line, body: `finding by ${user}` }] })
  const root = h.server.world.reviewComments.find((c) => c.review_id === review.id)
  if (!root) throw new Error('no comment')
  return root.id
}

describe('resolveReviewThreads', () => {
  it("resolves the action's own threads in one query and one mutation, and never a person's", async () => {
    const own = [rootOf('github-actions[bot]', 1), rootOf('github-actions[bot]', 2)]
    const human = rootOf('bob', 3)

    const outcome = await h.publisher.resolveReviewThreads?.(3, [...own, human])

    expect(outcome?.resolved.sort()).toEqual([...own].sort())
    expect([...h.server.world.resolvedThreads.keys()].sort()).toEqual([...own].sort())
    expect(h.server.world.resolvedThreads.has(human)).toBe(false)
    expect(h.calls()).toEqual(['graphql/repository', 'graphql/resolveReviewThread'])
    expect(h.server.invalidRequests).toEqual([])
  })

  it('sends no mutation when nothing is left to resolve, and leaves resolved threads alone', async () => {
    const own = rootOf('github-actions[bot]', 1)
    await h.publisher.resolveReviewThreads?.(3, [own])
    h.server.reset()

    const again = await h.publisher.resolveReviewThreads?.(3, [own, rootOf('bob', 2)])

    expect(again?.resolved).toEqual([])
    expect(h.calls()).toEqual(['graphql/repository'])
  })

  it('writes nothing in dry-run', async () => {
    const own = rootOf('github-actions[bot]', 1)
    const { publisher } = h.rerun({ dryRun: true })
    await publisher.resolveReviewThreads?.(3, [own])
    expect(h.server.graphqlRequests()).toEqual([])
    expect(publisher.planned.map((p) => p.operation)).toEqual(['resolve-review-threads'])
  })
})
