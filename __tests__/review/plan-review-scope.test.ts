import type { ChangedFile } from '../../src/github/types.js'
import { DEFAULT_REVIEW_CONFIG, type ReviewConfig } from '../../src/review/review-config.js'
import { planReviewScope, reviewTriggerOf, type ReviewScopeInput, type ReviewTrigger } from '../../src/review/plan-review-scope.js'
import type { ReviewState } from '../../src/review/review-state.js'
import type { CompareResult } from '../../src/review/types.js'
import { changed, NEW_HEAD, OLD_HEAD, state } from './builders.js'

const NOW = new Date('2025-03-10T12:00:00Z')
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3600_000).toISOString()

const ONE_FILE: ChangedFile[] = [changed('src/app.ts', '@@ -1,3 +1,4 @@\n a\n+b\n c\n d')]
const ahead = (files: ChangedFile[] = ONE_FILE, extra: object = {}): CompareResult => ({ found: true, status: 'ahead', files, ...extra })

function input(over: Partial<ReviewScopeInput> & { trigger: ReviewTrigger }): ReviewScopeInput {
  return { state: state(), headSha: NEW_HEAD, compare: ahead(), config: DEFAULT_REVIEW_CONFIG, now: NOW, ...over }
}

const capped = (n: number, ageHours: number): ReviewState => state({ reviews: Array.from({ length: n }, () => hoursAgo(ageHours)) })
const FORCE_PUSH_NOTE = 'force-push or rebase: the last reviewed commit aaaaaaa is no longer in the branch; reviewing everything'

describe('planReviewScope', () => {
  it.each<[string, Partial<ReviewScopeInput> & { trigger: ReviewTrigger }, string, string]>([
    ['reviews everything when the pull request is opened', { trigger: 'opened', state: null, compare: null }, 'full', 'opened'],
    [
      'reviews everything the first time it sees a pull request on a later event',
      { trigger: 'synchronize', state: null, compare: null },
      'full',
      'first-review'
    ],
    ['skips a re-run of the workflow on the same head', { trigger: 'rerun', headSha: OLD_HEAD, compare: null }, 'skip', 'no-new-commits'],
    ['skips a label change with no new commits', { trigger: 'labeled', headSha: OLD_HEAD, compare: null }, 'skip', 'no-new-commits'],
    ['skips an edit of the title with no new commits', { trigger: 'edited', headSha: OLD_HEAD, compare: null }, 'skip', 'no-new-commits'],
    ['skips a re-requested review with no new commits', { trigger: 'review_requested', headSha: OLD_HEAD, compare: null }, 'skip', 'no-new-commits'],
    ['reviews the delta of a re-requested review after new commits', { trigger: 'review_requested' }, 'incremental', ''],
    ['reviews everything again when a command asks with no new commits', { trigger: 'command', headSha: OLD_HEAD, compare: null }, 'full', 'asked-again'],
    ['reviews everything when the last reviewed commit is gone (compare 404)', { trigger: 'synchronize', compare: { found: false } }, 'full', 'force-push'],
    [
      'reviews everything when head diverged from the last reviewed commit',
      { trigger: 'synchronize', compare: { found: true, status: 'diverged', files: ONE_FILE } },
      'full',
      'force-push'
    ],
    [
      'reviews everything when head went back behind the last reviewed commit',
      { trigger: 'synchronize', compare: { found: true, status: 'behind', files: [] } },
      'full',
      'force-push'
    ],
    [
      'skips when the new head has the same code as the last reviewed one',
      { trigger: 'synchronize', compare: { found: true, status: 'identical', files: [] } },
      'skip',
      'no-new-commits'
    ],
    ['reviews everything when GitHub cut the compare short', { trigger: 'synchronize', compare: ahead(ONE_FILE, { truncated: true }) }, 'full', 'too-large'],
    ['reviews everything when the compare could not be fetched', { trigger: 'synchronize', compare: null }, 'full', 'no-compare'],
    ['reviews everything when review.mode is full', { trigger: 'synchronize', config: { mode: 'full', maxReviewsPerDay: 10 } }, 'full', 'mode-full'],
    ['skips when the cap of reviews in the last 24 hours is reached', { trigger: 'synchronize', state: capped(10, 1) }, 'skip', 'cap-reached'],
    [
      'skips a command when the cap is reached',
      { trigger: 'command', headSha: OLD_HEAD, state: capped(2, 1), config: { mode: 'incremental', maxReviewsPerDay: 2 } },
      'skip',
      'cap-reached'
    ],
    ['does not count reviews older than 24 hours toward the cap', { trigger: 'synchronize', state: capped(10, 25) }, 'incremental', ''],
    ['does not count review times in the future toward the cap', { trigger: 'synchronize', state: capped(10, -2) }, 'incremental', ''],
    ['counts a review a minute ahead of this clock (skew between machines)', { trigger: 'synchronize', state: capped(10, -1 / 60) }, 'skip', 'cap-reached'],
    [
      'skips commits that only bring in base-branch files',
      { trigger: 'synchronize', compare: ahead([changed('docs/other.md', '@@ -1 +1 @@\n-a\n+b')]), prFiles: ['src/app.ts'] },
      'skip',
      'no-changes-in-pr'
    ]
  ])('%s', (_name, over, kind, code) => {
    const scope = planReviewScope(input(over))
    expect(scope.kind).toBe(kind)
    if (scope.kind !== 'incremental') expect(scope.code).toBe(code)
  })

  it('reviews exactly the one file changed since the last reviewed commit on synchronize', () => {
    const scope = planReviewScope(input({ trigger: 'synchronize' }))
    expect(scope).toEqual({
      kind: 'incremental',
      sinceSha: OLD_HEAD,
      files: ONE_FILE,
      deltaFiles: ONE_FILE,
      reason: 'reviewing the 1 file changed since the last reviewed commit aaaaaaa'
    })
  })

  it('says a force-push lost the last reviewed commit and that it reviews everything', () => {
    const scope = planReviewScope(input({ trigger: 'synchronize', compare: { found: false } }))
    expect(scope).toEqual({ kind: 'full', code: 'force-push', reason: FORCE_PUSH_NOTE, deltaFiles: null })
  })

  it('says when the next review can run once the cap is reached', () => {
    const scope = planReviewScope(
      input({ trigger: 'synchronize', state: state({ reviews: [hoursAgo(20), hoursAgo(3)] }), config: { mode: 'incremental', maxReviewsPerDay: 2 } })
    )
    expect(scope.kind).toBe('skip')
    expect(scope.reason).toContain('the cap of 2 reviews per pull request per day is reached (2 in the last 24 hours')
    expect(scope.reason).toContain('after 2025-03-10 16:00 UTC')
  })

  it("reviews only the PR's own files when a merge from the base branch came with the new commits", () => {
    const mine = changed('src/app.ts', '@@ -1 +1 @@\n-a\n+b')
    const renamed = changed('src/new-name.ts', '@@ -1 +1 @@\n-a\n+b', { status: 'renamed', previousFilename: 'src/old-name.ts' })
    const theirs = changed('lib/upstream.ts', '@@ -1 +1 @@\n-a\n+b')
    const scope = planReviewScope(input({ trigger: 'synchronize', compare: ahead([mine, theirs, renamed]), prFiles: ['src/app.ts', 'src/old-name.ts'] }))
    expect(scope.kind === 'incremental' && scope.files).toEqual([mine, renamed])
    expect(scope.kind === 'incremental' && scope.deltaFiles).toEqual([mine, theirs, renamed])
  })

  it('carries the reason an earlier state was unreadable into the full review', () => {
    const scope = planReviewScope(
      input({ trigger: 'synchronize', state: null, stateNote: 'The review state is not valid (at head_sha); this review starts over as a first review.' })
    )
    expect(scope.reason).toBe('first review of this pull request (The review state is not valid (at head_sha); this review starts over as a first review)')
  })

  it('passes the forward delta of a full-mode review on, so earlier findings still move with their lines', () => {
    const config: ReviewConfig = { mode: 'full', maxReviewsPerDay: 10 }
    const scope = planReviewScope(input({ trigger: 'synchronize', config }))
    expect(scope.kind === 'full' && scope.deltaFiles).toEqual(ONE_FILE)
    const forced = planReviewScope(input({ trigger: 'synchronize', config, compare: { found: false } }))
    expect(forced.kind === 'full' && forced.deltaFiles).toBeNull()
  })
})

describe('reviewTriggerOf', () => {
  it.each<[string | null, { runAttempt?: number; viaCommand?: boolean }, ReviewTrigger]>([
    ['synchronize', {}, 'synchronize'],
    ['opened', { runAttempt: 2 }, 'rerun'],
    ['created', { viaCommand: true }, 'command'],
    ['assigned', {}, 'other'],
    [null, {}, 'other']
  ])('reads action %s with %j as %s', (action, options, expected) => {
    expect(reviewTriggerOf(action, options)).toBe(expected)
  })
})
