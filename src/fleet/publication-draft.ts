// What a fleet member would have published. Its github_post_review / github_post_comment tools
// collect here instead of posting, so the fleet publishes once, merged.
import type { ReviewDraft } from '../github/plan-review.js'

export type { DraftComment, ReviewDraft } from '../github/plan-review.js'

export interface PublicationDraft {
  /** Each github_post_review call, in order (usually one). */
  reviews: ReviewDraft[]
  /** Each github_post_comment body, in order. */
  comments: string[]
}

export function emptyDraft(): PublicationDraft {
  return { reviews: [], comments: [] }
}
