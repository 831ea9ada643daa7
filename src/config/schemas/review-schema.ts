// The `review:` settings as written in YAML, of an agent (`spec.review`) or of a trigger command's
// params: `review: {mode: incremental | full, max_reviews_per_day: 10}`. The agent schema embeds it,
// so a mistake there is a load-time error at its line; src/review reads the layers into settings
// with defaults at run time, with the same expected forms.
import { z } from 'zod'

/** The expected form of each field, in words, for the schema and for src/review's own messages. */
export const REVIEW_EXPECTED = {
  mode: 'incremental or full',
  maxReviewsPerDay: 'a whole number of at least 1, e.g. 10',
  shape: 'a mapping, e.g. {mode: incremental, max_reviews_per_day: 10}'
} as const

export const reviewConfigSchema = z.object(
  {
    mode: z.enum(['incremental', 'full'], { error: REVIEW_EXPECTED.mode }).optional(),
    max_reviews_per_day: z
      .number({ error: REVIEW_EXPECTED.maxReviewsPerDay })
      .int({ error: REVIEW_EXPECTED.maxReviewsPerDay })
      .min(1, { error: REVIEW_EXPECTED.maxReviewsPerDay })
      .optional()
  },
  { error: REVIEW_EXPECTED.shape }
)
