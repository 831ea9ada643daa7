import { markerBlock } from '../../src/github/comment-marker.js'
import { LISTED_FINDINGS, renderReviewSummary, type ReviewSummaryInput } from '../../src/review/render-review-summary.js'
import { readReviewState } from '../../src/review/review-state.js'
import { changed, finding, NEW_HEAD, OLD_HEAD, state } from './builders.js'

const FINDINGS = [
  finding('src/a.ts', 12, 'Possible null dereference of `user`.', { commentId: 101 }),
  finding('src/a.ts', 40, 'Unused import.', { status: 'addressed', commentId: 102 }),
  finding('src/b.ts', 3, 'Removed <b>validation</b>.', { status: 'dismissed', side: 'LEFT', startLine: 1 })
]
const AFTER = state({ headSha: NEW_HEAD, findings: FINDINGS })

function render(over: Partial<ReviewSummaryInput>) {
  return renderReviewSummary({
    agentName: 'reviewer',
    repository: 'octo/app',
    prNumber: 7,
    state: AFTER,
    scope: {
      kind: 'incremental',
      sinceSha: OLD_HEAD,
      files: [changed('src/a.ts')],
      deltaFiles: [changed('src/a.ts')],
      reason: 'reviewing the 1 file changed since the last reviewed commit aaaaaaa'
    },
    run: { posted: 1, repeats: 2, addressed: 1 },
    ...over
  })
}

describe('renderReviewSummary', () => {
  it('shows the reviewed commit with a link, and the open, resolved and dismissed counts', () => {
    const { body } = render({})
    expect(body).toContain(
      `Reviewed up to [\`bbbbbbb\`](https://github.com/octo/app/pull/7/commits/${NEW_HEAD}) · **1** open finding · **1** resolved · **1** dismissed`
    )
  })

  it('says what an incremental run did', () => {
    expect(render({}).body).toContain(
      '**This run:** incremental review since `aaaaaaa`: reviewing the 1 file changed since the last reviewed commit aaaaaaa. 1 new finding posted, 2 repeats of earlier findings not posted, 1 finding marked as addressed.'
    )
  })

  it.each<[string, ReviewSummaryInput['scope'], string]>([
    [
      'a skipped run',
      { kind: 'skip', code: 'no-new-commits', reason: 'no new commits since the last reviewed commit bbbbbbb (a label was added); nothing new to review' },
      '**This run:** skipped (no model call): no new commits'
    ],
    [
      'a full review after a force-push',
      {
        kind: 'full',
        code: 'force-push',
        reason: 'force-push or rebase: the last reviewed commit aaaaaaa is no longer in the branch; reviewing everything',
        deltaFiles: null
      },
      '**This run:** full review: force-push or rebase: the last reviewed commit aaaaaaa is no longer in the branch; reviewing everything.'
    ]
  ])('says what %s did', (_name, scope, line) => {
    expect(render({ scope, run: undefined }).body).toContain(line)
  })

  it('lists open findings first, linked to their threads, with HTML shown as text', () => {
    const { body } = render({})
    const open = body.indexOf('- **open** [`src/a.ts:12`](https://github.com/octo/app/pull/7#discussion_r101) — Possible null dereference of `user`.')
    const addressed = body.indexOf('- **addressed** [`src/a.ts:40`]')
    const dismissed = body.indexOf('- **dismissed** `src/b.ts:1-3 (old)` — Removed &lt;b&gt;validation&lt;/b&gt;.')
    expect(open).toBeGreaterThan(-1)
    expect(addressed).toBeGreaterThan(open)
    expect(dismissed).toBeGreaterThan(addressed)
  })

  it(`lists at most ${LISTED_FINDINGS} findings and counts the rest`, () => {
    const many = Array.from({ length: LISTED_FINDINGS + 5 }, (_, i) => finding('a.ts', i + 1, `finding ${i}`))
    expect(render({ state: state({ findings: many }) }).body).toContain('- …and 5 more')
  })

  it('carries the state in the hidden marker so the next run can read it', () => {
    const summary = render({})
    expect(summary.key).toBe('review-summary:reviewer')
    expect(summary.text).toBe(`${summary.body}\n\n${markerBlock(summary.key, summary.state)}`)
    expect(readReviewState(summary.text, summary.key, null).state).toEqual(AFTER)
  })

  it('renders a skip before any review without state', () => {
    const summary = render({
      state: null,
      scope: { kind: 'skip', code: 'cap-reached', reason: 'the cap is reached' },
      run: undefined,
      stateNote: 'The review state could not be read.'
    })
    expect(summary.state).toBeUndefined()
    expect(summary.body).toContain('No review has run on this pull request yet.')
    expect(summary.body).toContain('_The review state could not be read._')
  })

  it('uses the server URL of GitHub Enterprise', () => {
    expect(render({ serverUrl: 'https://ghe.example.com/' }).body).toContain('(https://ghe.example.com/octo/app/pull/7/commits/')
  })
})
