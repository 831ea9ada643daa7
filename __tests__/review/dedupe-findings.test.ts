import { carryFindings } from '../../src/review/carry-findings.js'
import { dedupeFindings, type DedupeInput } from '../../src/review/dedupe-findings.js'
import { changed, comment, finding, insertion, thread } from './builders.js'

const NULL_DEREF = 'Possible null dereference: `user` may be undefined here when the session expired.'
const NULL_DEREF_REWORDED = 'When the session expired, `user` can be undefined here: a possible null dereference.'
const QUADRATIC = 'This loop is quadratic in the number of orders; build a Set of ids once instead.'

// Line 12 of src/a.ts is replaced (see map-line-through-diff.test.ts for the numbers).
const REPLACES_12 = '@@ -10,6 +10,7 @@\n ten\n eleven\n-twelve\n+twelve!\n+twelve and a half\n thirteen\n fourteen\n fifteen'

function run(over: Partial<DedupeInput>) {
  return dedupeFindings({ prior: [], threads: [], delta: [], proposed: [], ...over })
}

describe('dedupeFindings', () => {
  it('treats the same finding moved down 2 lines by an insertion above as a repeat', () => {
    const result = run({
      prior: [finding('src/a.ts', 20, NULL_DEREF)],
      delta: [changed('src/a.ts', insertion(10, 2))],
      proposed: [comment('src/a.ts', 22, NULL_DEREF_REWORDED)]
    })
    expect(result.post).toEqual([])
    expect(result.repeats).toHaveLength(1)
    expect(result.repeats[0]?.of.status).toBe('open')
    expect(result.findings[0]?.line).toBe(22)
    expect(result.findings[0]?.status).toBe('open')
  })

  it('follows a finding through a larger insertion that moves it beyond the line window', () => {
    const over = { prior: [finding('src/a.ts', 20, NULL_DEREF)], proposed: [comment('src/a.ts', 26, NULL_DEREF)] }
    expect(run({ ...over, delta: [changed('src/a.ts', insertion(10, 6))] }).post).toEqual([])
    // Without the delta the old line 20 is 6 lines away: not the same place.
    expect(run({ ...over, delta: [] }).post).toHaveLength(1)
  })

  it('posts a different finding on the same line as new', () => {
    const proposed = [comment('src/a.ts', 20, QUADRATIC)]
    const result = run({ prior: [finding('src/a.ts', 20, NULL_DEREF)], proposed })
    expect(result.post).toEqual(proposed)
    expect(result.repeats).toEqual([])
  })

  it.each<[string, Parameters<typeof comment>]>([
    ['on another file', ['src/b.ts', 20, NULL_DEREF]],
    ['more than 3 lines away', ['src/a.ts', 24, NULL_DEREF]],
    ['on the old side of the diff', ['src/a.ts', 20, NULL_DEREF, { side: 'LEFT' }]]
  ])('posts the same text %s as new', (_where, args) => {
    expect(run({ prior: [finding('src/a.ts', 20, NULL_DEREF)], proposed: [comment(...args)] }).post).toHaveLength(1)
  })

  it('keeps a thread answered "won\'t fix" quiet and does not post its finding again', () => {
    const prior = [finding('src/a.ts', 20, NULL_DEREF, { commentId: 101 })]
    const result = run({
      prior,
      threads: [thread(101, [{ body: 'Won’t fix: legacy callers rely on this.' }])],
      proposed: [comment('src/a.ts', 20, NULL_DEREF)]
    })
    expect(result.post).toEqual([])
    expect(result.repeats[0]?.of.status).toBe('dismissed')
    expect(result.quiet.map((f) => f.commentId)).toEqual([101])
    expect(result.findings[0]?.status).toBe('dismissed')
    expect(result.addressed).toEqual([])
  })

  it('keeps a finding open when someone who may not dismiss it answers "won\'t fix", and records their opinion', () => {
    const prior = [finding('src/a.ts', 20, NULL_DEREF, { commentId: 101 })]
    const threads = [thread(101, [{ body: "Won't fix, false positive.", author: 'pr-author', mayDismiss: false }])]
    const result = run({ prior, threads, proposed: [comment('src/a.ts', 20, NULL_DEREF)] })
    expect(result.findings[0]?.status).toBe('open')
    expect(result.quiet).toEqual([])
    expect(carryFindings({ prior, threads, delta: null }).opinions).toEqual([{ index: 0, author: 'pr-author', reply: "Won't fix, false positive." }])
  })

  it('keeps a thread a person resolved quiet', () => {
    const result = run({ prior: [finding('src/a.ts', 20, NULL_DEREF, { commentId: 7 })], threads: [thread(7, [], { resolved: true })] })
    expect(result.quiet).toHaveLength(1)
    expect(result.findings[0]?.status).toBe('dismissed')
  })

  it("does not let the action's own reply silence its finding", () => {
    const result = run({
      prior: [finding('src/a.ts', 20, NULL_DEREF, { commentId: 7 })],
      threads: [thread(7, [{ body: 'If this is by design, dismiss it.', fromAction: true }])]
    })
    expect(result.quiet).toEqual([])
    expect(result.findings[0]?.status).toBe('open')
  })

  it('marks a finding whose line the delta touched as addressed when the agent does not report it again', () => {
    const result = run({ prior: [finding('src/a.ts', 12, NULL_DEREF, { commentId: 5 })], delta: [changed('src/a.ts', REPLACES_12)] })
    expect(result.addressed.map((f) => f.commentId)).toEqual([5])
    expect(result.findings[0]?.status).toBe('addressed')
  })

  it('keeps a touched finding open when the agent reports it again at its new place', () => {
    const result = run({
      prior: [finding('src/a.ts', 12, NULL_DEREF, { commentId: 5 })],
      delta: [changed('src/a.ts', REPLACES_12)],
      proposed: [comment('src/a.ts', 13, NULL_DEREF)]
    })
    expect(result.post).toEqual([])
    expect(result.addressed).toEqual([])
    expect(result.findings[0]?.status).toBe('open')
  })

  it('leaves a finding on an untouched line of a changed file open', () => {
    const result = run({ prior: [finding('src/a.ts', 30, NULL_DEREF)], delta: [changed('src/a.ts', REPLACES_12)] })
    expect(result.addressed).toEqual([])
    expect(result.findings[0]).toMatchObject({ status: 'open', line: 31 })
  })

  it('posts a finding addressed in an earlier review again when it comes back', () => {
    const result = run({ prior: [finding('src/a.ts', 20, NULL_DEREF, { status: 'addressed' })], proposed: [comment('src/a.ts', 20, NULL_DEREF)] })
    expect(result.post).toHaveLength(1)
  })

  it('does not post again what an earlier review of this run posted', () => {
    const result = run({ posted: [comment('src/a.ts', 20, NULL_DEREF)], proposed: [comment('src/a.ts', 21, NULL_DEREF_REWORDED)] })
    expect(result.post).toEqual([])
    expect(result.repeats[0]?.of.status).toBe('new')
  })

  it('posts every comment of one review, even short ones on nearby lines that differ only in a number', () => {
    const proposed = Array.from({ length: 10 }, (_, i) => comment('src/a.ts', 20 + i, `Check n = ${i + 1}`))
    const result = run({ proposed })
    expect(result.post).toEqual(proposed)
    expect(result.repeats).toEqual([])
  })

  it("follows a finding into its file's new name", () => {
    const result = run({
      prior: [finding('src/old.ts', 20, NULL_DEREF)],
      delta: [changed('src/new.ts', insertion(10, 1), { status: 'renamed', previousFilename: 'src/old.ts' })],
      proposed: [comment('src/new.ts', 21, NULL_DEREF)]
    })
    expect(result.post).toEqual([])
    expect(result.findings[0]).toMatchObject({ path: 'src/new.ts', line: 21 })
  })
})

describe('carryFindings', () => {
  it('marks every open finding of a deleted file as touched', () => {
    const carried = carryFindings({
      prior: [finding('src/a.ts', 3, NULL_DEREF)],
      threads: [],
      delta: [changed('src/a.ts', '@@ -1,3 +0,0 @@\n-a\n-b\n-c', { status: 'removed' })]
    })
    expect(carried.touched).toEqual([0])
  })

  it('leaves a finding on a file without a patch where it was', () => {
    const carried = carryFindings({ prior: [finding('img.png', 3, NULL_DEREF)], threads: [], delta: [changed('img.png')] })
    expect(carried).toEqual({ findings: [finding('img.png', 3, NULL_DEREF)], touched: [], dismissed: [], opinions: [] })
  })

  it('does not move findings on the old side of the diff', () => {
    const left = finding('src/a.ts', 20, NULL_DEREF, { side: 'LEFT' })
    expect(carryFindings({ prior: [left], threads: [], delta: [changed('src/a.ts', insertion(10, 2))] }).findings).toEqual([left])
  })

  it('uses GitHub\'s "outdated" only when there is no delta to follow lines through', () => {
    const prior = [finding('src/a.ts', 20, NULL_DEREF, { commentId: 9 })]
    const threads = [thread(9, [], { outdated: true })]
    expect(carryFindings({ prior, threads, delta: null }).touched).toEqual([0])
    expect(carryFindings({ prior, threads, delta: [] }).touched).toEqual([])
  })

  it('keeps two findings with the same text on different lines apart', () => {
    const prior = [finding('src/a.ts', 12, NULL_DEREF), finding('src/a.ts', 40, NULL_DEREF)]
    const carried = carryFindings({ prior, threads: [], delta: [changed('src/a.ts', REPLACES_12)] })
    expect(carried.touched).toEqual([0])
    expect(carried.findings.map((f) => f.status)).toEqual(['addressed', 'open'])
  })
})
