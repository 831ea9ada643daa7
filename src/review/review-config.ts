// The `review:` settings of an agent (AgentDef.extra.review) or of a trigger command's params:
//   review: { mode: incremental | full, max_reviews_per_day: 10 }
// Their schema is config's (`reviewConfigSchema`, in the agent schema for load-time errors at the
// exact line); `readReviewConfig` turns the layers into settings with defaults at run time. Pure.
import { describeValue } from '../config/describe-value.js'
import { REVIEW_EXPECTED, reviewConfigSchema } from '../config/schemas/review-schema.js'
import type { Diagnostic } from '../config/types.js'

export type ReviewMode = 'incremental' | 'full'

export interface ReviewConfig {
  /** incremental: after the first review, only what changed since the last reviewed commit. */
  mode: ReviewMode
  /** Reviews that call a model, per PR, in any 24 hours. */
  maxReviewsPerDay: number
}

export const DEFAULT_REVIEW_CONFIG: ReviewConfig = { mode: 'incremental', maxReviewsPerDay: 10 }

const { mode: MODE, maxReviewsPerDay: CAP, shape: SHAPE } = REVIEW_EXPECTED

/** One place `review:` can be written; later layers override earlier ones (agent, then trigger command). */
export interface ReviewConfigLayer {
  value: unknown
  file: string
  line: number
  /** Dotted path of the `review` mapping, e.g. `spec.review` or `spec.commands["/review"].params.review`. */
  field: string
}

export interface ReadReviewConfig {
  config: ReviewConfig
  /** Errors for values that were not used (the default or an earlier layer applies instead), warnings for unknown keys. */
  diagnostics: Diagnostic[]
}

const KNOWN = new Set(Object.keys(reviewConfigSchema.shape))

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readReviewConfig(layers: readonly ReviewConfigLayer[]): ReadReviewConfig {
  const config: ReviewConfig = { ...DEFAULT_REVIEW_CONFIG }
  const diagnostics: Diagnostic[] = []
  const report = (layer: ReviewConfigLayer, severity: Diagnostic['severity'], field: string, message: string): void => {
    diagnostics.push({ severity, message, file: layer.file, line: layer.line, field })
  }
  for (const layer of layers) {
    if (layer.value === undefined || layer.value === null) continue
    if (!isMapping(layer.value)) {
      report(layer, 'error', layer.field, `${layer.field} must be ${SHAPE} (found ${describeValue(layer.value)})`)
      continue
    }
    for (const key of Object.keys(layer.value)) {
      if (!KNOWN.has(key))
        report(
          layer,
          'warning',
          `${layer.field}.${key}`,
          `${layer.field}.${key} is not a field github-agent knows (expected mode, max_reviews_per_day); it is ignored`
        )
    }
    const { mode, max_reviews_per_day: cap } = layer.value
    if (mode !== undefined) {
      const parsed = reviewConfigSchema.shape.mode.safeParse(mode)
      if (parsed.success && parsed.data) config.mode = parsed.data
      else report(layer, 'error', `${layer.field}.mode`, `${layer.field}.mode must be ${MODE} (found ${describeValue(mode)})`)
    }
    if (cap !== undefined) {
      const parsed = reviewConfigSchema.shape.max_reviews_per_day.safeParse(cap)
      if (parsed.success && parsed.data !== undefined) config.maxReviewsPerDay = parsed.data
      else report(layer, 'error', `${layer.field}.max_reviews_per_day`, `${layer.field}.max_reviews_per_day must be ${CAP} (found ${describeValue(cap)})`)
    }
  }
  return { config, diagnostics }
}
