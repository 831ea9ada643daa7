import { markerBlock } from '../../src/github/comment-marker.js'
import { nextReviewState, MAX_STATE_FINDINGS } from '../../src/review/next-review-state.js'
import { decodeReviewState, encodeReviewState, readReviewState, reviewStateKey, storedReviewState } from '../../src/review/review-state.js'
import { BASE, comment, finding, NEW_HEAD, OLD_HEAD, state } from './builders.js'

const KEY = reviewStateKey('reviewer')
const STATE_KEY = 'unit-test-state-key-0123456789'
const FULL = state({
  findings: [
    finding('src/a.ts', 12, 'Possible null dereference.', { commentId: 101, startLine: 10 }),
    finding('src/b.ts', 3, 'Removed check', { side: 'LEFT', status: 'dismissed', commentId: null })
  ],
  reviews: ['2025-03-10T11:00:00.000Z']
})

describe('review state in the summary comment', () => {
  it('round-trips through the hidden marker, sealed with the state-key', () => {
    const body = `Visible summary\n\n${markerBlock(KEY, storedReviewState(KEY, FULL, STATE_KEY))}\n`
    expect(readReviewState(body, KEY, STATE_KEY)).toEqual({ state: FULL, note: null })
  })

  it('round-trips unsealed when the workflow gives no state-key', () => {
    const body = `Visible summary\n\n${markerBlock(KEY, storedReviewState(KEY, FULL, null))}`
    expect(readReviewState(body, KEY, null)).toEqual({ state: FULL, note: null })
  })

  it.each([
    ['unsealed, when there is a state-key', (body: string) => body, null],
    ['edited after it was sealed', (body: string) => body.replace('"reviews":[', '"reviews":["2025-03-10T11:30:00.000Z",'), STATE_KEY]
  ])('refuses a state %s', (_name, change, writtenWith) => {
    const body = change(`Summary\n\n${markerBlock(KEY, storedReviewState(KEY, FULL, writtenWith))}`)
    const read = readReviewState(body, KEY, STATE_KEY)
    expect(read.state).toBeNull()
    expect(read.note).toMatch(
      /^The review state in the summary comment is refused: its state (carries no seal|was not sealed).*starts over as a first review\.$/
    )
  })

  it('refuses a state that is not the last thing of the comment, or not the only one', () => {
    const block = markerBlock(KEY, storedReviewState(KEY, FULL, STATE_KEY))
    const forged = `<!-- github-agent-state:${KEY} ${JSON.stringify(encodeReviewState(FULL))} -->`
    expect(readReviewState(`${block}\n\nmore text`, KEY, STATE_KEY).note).toContain('not at the end of the comment')
    expect(readReviewState(`\`${forged}\`\n\n${block}`, KEY, STATE_KEY).note).toContain('carries 2 state blocks')
  })

  it('refuses a version 1 state: it was never sealed', () => {
    const old = { ...encodeReviewState(FULL), version: 1 }
    expect(decodeReviewState(old, KEY, null).note).toBe(
      'The review state was written by an earlier github-agent, without a state-key seal (state version 1); this review starts over as a first review.'
    )
  })

  it('survives finding text that could close the HTML comment', () => {
    const tricky = state({ findings: [finding('src/a.ts', 1, 'Use `a --> b` instead of <b>bold</b>')] })
    expect(readReviewState(markerBlock(KEY, storedReviewState(KEY, tricky, STATE_KEY)), KEY, STATE_KEY).state).toEqual(tricky)
  })

  it('treats a pull request without a summary comment as a first review, with no note', () => {
    expect(readReviewState(null, KEY, STATE_KEY)).toEqual({ state: null, note: null })
  })

  it('starts over with a note when the marker holds garbled JSON', () => {
    const body = `Summary\n<!-- github-agent:${KEY} -->\n<!-- github-agent-state:${KEY} {"version":2,"head_sha": -->`
    const read = readReviewState(body, KEY, STATE_KEY)
    expect(read.state).toBeNull()
    expect(read.note).toMatch(/its state is not JSON.*starts over as a first review/)
  })

  it('starts over with a note naming the field when the state is not valid', () => {
    const stored = { ...encodeReviewState(FULL), head_sha: 'not a sha' }
    expect(decodeReviewState(stored, KEY, null)).toEqual({
      state: null,
      note: 'The review state in the summary comment is not valid (at head_sha); this review starts over as a first review.'
    })
  })

  it('starts over with a note when a newer version wrote the state', () => {
    expect(decodeReviewState({ version: 3, anything: true }, KEY, STATE_KEY).note).toContain('newer github-agent (state version 3)')
  })

  it('does not read the state of another agent', () => {
    const other = reviewStateKey('other')
    const body = markerBlock(other, storedReviewState(other, FULL, STATE_KEY))
    expect(readReviewState(body, KEY, STATE_KEY).state).toBeNull()
  })
})

describe('nextReviewState', () => {
  const NOW = new Date('2025-03-10T12:00:00Z')

  it("records the new head, the carried findings, the posted comments and this review's time", () => {
    const carried = [finding('src/a.ts', 14, 'Old finding', { commentId: 1 })]
    const next = nextReviewState(state({ reviews: ['2025-03-09T11:00:00.000Z', '2025-03-10T09:00:00.000Z'] }), {
      headSha: NEW_HEAD,
      baseSha: BASE,
      now: NOW,
      findings: carried,
      posted: [{ comment: comment('src/c.ts', 8, 'New finding', { start_line: 6 }), commentId: 77 }]
    })
    expect(next).toEqual({
      version: 2,
      headSha: NEW_HEAD,
      baseSha: BASE,
      findings: [carried[0], { ...finding('src/c.ts', 8, 'New finding', { commentId: 77 }), startLine: 6 }],
      // The review 25 hours ago no longer counts toward the per-day cap.
      reviews: ['2025-03-10T09:00:00.000Z', '2025-03-10T12:00:00.000Z']
    })
  })

  it('drops review times in the future: no review the action ran has one', () => {
    const next = nextReviewState(state({ reviews: ['2999-01-01T00:00:00.000Z', '2025-03-10T12:04:00.000Z', '2025-03-10T11:00:00.000Z'] }), {
      headSha: NEW_HEAD,
      baseSha: BASE,
      now: NOW,
      findings: [],
      posted: []
    })
    // Within a few minutes of clock skew a time still counts.
    expect(next.reviews).toEqual(['2025-03-10T12:04:00.000Z', '2025-03-10T11:00:00.000Z', '2025-03-10T12:00:00.000Z'])
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
