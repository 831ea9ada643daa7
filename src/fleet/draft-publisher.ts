// A fleet member's reviews and comments are drafts: the fleet publishes one merged result.
// Everything else (labels, check runs, reactions, reads) goes to the run's publisher as usual.
import type { Publisher, WriteOutcome } from '../github/publisher.js'
import { wrapPublisher } from '../github/wrap-publisher.js'
import type { PublicationDraft } from './publication-draft.js'

function drafted(what: string): WriteOutcome {
  return { sent: false, id: null, url: null, notes: [`kept for the fleet: its members are published together as one ${what}`] }
}

export function createDraftPublisher(base: Publisher, draft: PublicationDraft): Publisher {
  return wrapPublisher(base, {
    async createComment(_number, body) {
      draft.comments.push(body)
      return drafted('comment')
    },
    async upsertComment(_number, _key, body) {
      draft.comments.push(body)
      return drafted('comment')
    },
    async submitReview(_number, review) {
      draft.reviews.push(review)
      return drafted('review')
    }
  })
}
