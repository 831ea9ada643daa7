import { findingId, findingSimilarity, SIMILARITY_THRESHOLD, SUMMARY_LENGTH, summarizeFinding } from '../../src/review/finding-text.js'

describe('findingSimilarity', () => {
  it.each<[string, string, string, boolean]>([
    [
      'a restatement in other order',
      'The promise returned by `save()` is not awaited, so a failed save goes unnoticed.',
      'Await the promise returned by `save()`; otherwise a failed save goes unnoticed.',
      true
    ],
    [
      'the same words with other punctuation',
      'Possible null dereference: `user` may be undefined here.',
      '`user` can be undefined here; possible null-dereference',
      true
    ],
    [
      'another finding about the same identifier',
      'Possible null dereference: `user` may be undefined here.',
      '`user` could be null; check it before calling `user.name`.',
      false
    ],
    [
      'an unrelated finding',
      'Possible null dereference: `user` may be undefined here.',
      'This loop is quadratic in the number of orders; build a Set of ids once instead.',
      false
    ],
    [
      'a looser paraphrase',
      'Missing error handling: the promise returned by `save()` is not awaited.',
      '`save()` returns a promise that is never awaited, so errors are lost.',
      false
    ]
  ])('judges %s as the same finding: %p', (_case, a, b, same) => {
    expect(findingSimilarity(a, b) >= SIMILARITY_THRESHOLD).toBe(same)
  })

  it('finds nothing in common with a text of only stopwords', () => {
    expect(findingSimilarity('it is as it is', 'it is as it is')).toBe(0)
  })
})

describe('findingId', () => {
  it('is the same for the same text however it is spaced or punctuated', () => {
    expect(findingId('src/a.ts', 'Possible null dereference: `user`!')).toBe(findingId('src/a.ts', 'possible   null dereference — user'))
  })

  it('differs by file and by words', () => {
    const id = findingId('src/a.ts', 'Possible null dereference')
    expect(findingId('src/b.ts', 'Possible null dereference')).not.toBe(id)
    expect(findingId('src/a.ts', 'Possible race condition')).not.toBe(id)
    expect(id).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('summarizeFinding', () => {
  it('puts a comment on one line without hidden HTML or code fences', () => {
    expect(summarizeFinding('First line\n\n```ts\nconst x = 1\n```\n<!-- hidden -->end')).toBe('First line const x = 1 end')
  })

  it(`cuts a long comment to ${SUMMARY_LENGTH} characters`, () => {
    const summary = summarizeFinding('word '.repeat(200))
    expect(summary.length).toBe(SUMMARY_LENGTH)
    expect(summary.endsWith('…')).toBe(true)
    expect(summarizeFinding(summary)).toBe(summary)
  })
})
