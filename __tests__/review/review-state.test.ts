import { markerBlock } from '../../src/github/comment-marker.js'
import { nextReviewState, MAX_STATE_FINDINGS } from '../../src/review/next-review-state.js'
import { decodeReviewState, encodeReviewState, readReviewState, reviewStateKey } from '../../src/review/review-state.js'
import { BASE, comment, finding, NEW_HEAD, OLD_HEAD, state } from './builders.js'

const KEY = reviewStateKey('reviewer')
const FULL = state({
  findings: [
    finding('src/a.ts', 12, 'Possible null dereference.', { commentId: 101, startLine: 10 }),
    finding('src/b.ts', 3, 'Removed check', { side: 'LEFT', status: 'dismissed', commentId: null })
  ],
  reviews: ['2025-03-10T11:00:00.000Z']
})

describe('review state in the summary comment', () => {
  it('round-trips through the hidden marker', () => {
    const body = `Visible summary\n\n${markerBlock(KEY, encodeReviewState(FULL))}`
    expect(readReviewState(body, KEY)).toEqual({ state: FULL, note: null })
  })

  it('survives finding text that could close the HTML comment', () => {
    const tricky = state({ findings: [finding('src/a.ts', 1, 'Use `a --> b` instead of <b>bold</b>')] })
    expect(readReviewState(markerBlock(KEY, encodeReviewState(tricky)), KEY).state).toEqual(tricky)
  })

  it('treats a pull request without a summary comment as a first review, with no note', () => {
    expect(readReviewState(null, KEY)).toEqual({ state: null, note: null })
  })

  it('starts over with a note when the marker holds garbled JSON', () => {
    const body = `Summary\n<!-- github-agent:${KEY} -->\n<!-- github-agent-state:${KEY} {"version":1,"head_sha": -->`
    const read = readReviewState(body, KEY)
    expect(read.state).toBeNull()
    expect(read.note).toMatch(/no readable state.*starts over as a first review/)
  })

  it('starts over with a note naming the field when the state is not valid', () => {
    const stored = { ...encodeReviewState(FULL), head_sha: 'not a sha' }
    expect(decodeReviewState(stored)).toEqual({ state: null, note: 'The review state in the summary comment is not valid (at head_sha); this review starts over as a first review.' })
  })

  it('starts over with a note when a newer version wrote the state', () => {
    expect(decodeReviewState({ version: 2, anything: true }).note).toContain('newer github-agent (state version 2)')
  })

  it('does not read the state of another agent', () => {
    const body = markerBlock(reviewStateKey('other'), encodeReviewState(FULL))
    expect(readReviewState(body, KEY).state).toBeNull()
  })
})

describe('nextReviewState', () => {
  const NOW = new Date('2025-03-10T12:00:00Z')

  it('records the new head, the carried findings, the posted comments and this review\'s time', () => {
    const carried = [finding('src/a.ts', 14, 'Old finding', { commentId: 1 })]
    const next = nextReviewState(state({ reviews: ['2025-03-09T11:00:00.000Z', '2025-03-10T09:00:00.000Z'] }), {
      headSha: NEW_HEAD,
      baseSha: BASE,
      now: NOW,
      findings: carried,
      posted: [{ comment: comment('src/c.ts', 8, 'New finding', { start_line: 6 }), commentId: 77 }]
    })
    expect(next).toEqual({
      version: 1,
      headSha: NEW_HEAD,
      baseSha: BASE,
      findings: [carried[0], { ...finding('src/c.ts', 8, 'New finding', { commentId: 77 }), startLine: 6 }],
      // The review 25 hours ago no longer counts toward the per-day cap.
      reviews: ['2025-03-10T09:00:00.000Z', '2025-03-10T12:00:00.000Z']
    })
  })

  it(`keeps at most ${MAX_STATE_FINDINGS} findings, open ones before older closed ones`, () => {
    const closed = Array.from({ length: 60 }, (_, i) => finding('a.ts', i + 1, `closed ${i}`, { status: 'addressed' }))
    const open = Array.from({ length: 60 }, (_, i) => finding('b.ts', i + 1, `open ${i}`))
    const next = nextReviewState(null, { headSha: OLD_HEAD, baseSha: BASE, now: NOW, findings: [...closed, ...open], posted: [] })
    expect(next.findings).toHaveLength(MAX_STATE_FINDINGS)
    expect(next.findings.filter((f) => f.status === 'open')).toHaveLength(60)
    expect(next.findings[0]?.summary).toBe('closed 20')
  })
})
