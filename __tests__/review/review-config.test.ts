import { reviewConfigSchema } from '../../src/config/schemas/review-schema.js'
import { DEFAULT_REVIEW_CONFIG, readReviewConfig, type ReviewConfigLayer } from '../../src/review/review-config.js'

const agent = (value: unknown): ReviewConfigLayer => ({ value, file: '.github/aof/reviewer.yaml', line: 4, field: 'spec.review' })
const command = (value: unknown): ReviewConfigLayer => ({ value, file: '.github/aof/trigger.yaml', line: 12, field: 'spec.commands["/review"].params.review' })

describe('readReviewConfig', () => {
  it('uses incremental reviews and 10 a day when nothing is written', () => {
    expect(readReviewConfig([agent(undefined)])).toEqual({ config: { mode: 'incremental', maxReviewsPerDay: 10 }, diagnostics: [] })
    expect(DEFAULT_REVIEW_CONFIG).toEqual({ mode: 'incremental', maxReviewsPerDay: 10 })
  })

  it("reads the agent's settings and lets the trigger command override them", () => {
    const read = readReviewConfig([agent({ mode: 'full', max_reviews_per_day: 3 }), command({ max_reviews_per_day: 5 })])
    expect(read).toEqual({ config: { mode: 'full', maxReviewsPerDay: 5 }, diagnostics: [] })
  })

  it.each<[unknown, string, string]>([
    [{ mode: 'fast' }, 'spec.review.mode', 'spec.review.mode must be incremental or full (found the text "fast")'],
    [
      { max_reviews_per_day: 0 },
      'spec.review.max_reviews_per_day',
      'spec.review.max_reviews_per_day must be a whole number of at least 1, e.g. 10 (found the number 0)'
    ],
    [
      { max_reviews_per_day: 2.5 },
      'spec.review.max_reviews_per_day',
      'spec.review.max_reviews_per_day must be a whole number of at least 1, e.g. 10 (found the number 2.5)'
    ],
    ['incremental', 'spec.review', 'spec.review must be a mapping, e.g. {mode: incremental, max_reviews_per_day: 10} (found the text "incremental")']
  ])('reports %j as an error naming the file, line and field, and keeps the default', (value, field, message) => {
    const read = readReviewConfig([agent(value)])
    expect(read.config).toEqual(DEFAULT_REVIEW_CONFIG)
    expect(read.diagnostics).toEqual([{ severity: 'error', file: '.github/aof/reviewer.yaml', line: 4, field, message }])
  })

  it('warns about an unknown key and ignores it', () => {
    const read = readReviewConfig([agent({ mode: 'full', max_per_day: 3 })])
    expect(read.config.mode).toBe('full')
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'spec.review.max_per_day', message: expect.stringContaining('expected mode, max_reviews_per_day') })
    ])
  })
})

describe('reviewConfigSchema', () => {
  it('accepts the documented form and rejects a wrong mode', () => {
    expect(reviewConfigSchema.safeParse({ mode: 'incremental', max_reviews_per_day: 10 }).success).toBe(true)
    expect(reviewConfigSchema.safeParse({ mode: 'sometimes' }).success).toBe(false)
  })
})
