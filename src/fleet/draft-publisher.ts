// A fleet member's reviews and comments are drafts: the fleet publishes one merged result.
// Everything else (labels, check runs, reactions, reads) goes to the run's publisher as usual.
import type { Publisher, WriteOutcome } from '../github/publisher.js'
import type { PublicationDraft } from './publication-draft.js'

function drafted(note: string): WriteOutcome {
  return { sent: false, id: null, url: null, notes: [note] }
}

export function createDraftPublisher(base: Publisher, draft: PublicationDraft): Publisher {
  return {
    get dryRun() {
      return base.dryRun
    },
    get planned() {
      return base.planned
    },
    get applied() {
      return base.applied
    },
    get notes() {
      return base.notes
    },
    records: () => base.records(),
    findOwnComment: (number, key) => base.findOwnComment(number, key),
    addLabels: (number, labels, policy) => base.addLabels(number, labels, policy),
    removeLabel: (number, label, policy) => base.removeLabel(number, label, policy),
    createCheckRun: (run) => base.createCheckRun(run),
    updateCheckRun: (id, change) => base.updateCheckRun(id, change),
    addReaction: (id, target, content) => base.addReaction(id, target, content),
    ...(base.replyToReviewComment ? { replyToReviewComment: base.replyToReviewComment.bind(base) } : {}),
    async createComment(_number, body) {
      draft.comments.push(body)
      return drafted('kept for the fleet: its members are published together as one comment')
    },
    async upsertComment(_number, _key, body) {
      draft.comments.push(body)
      return drafted('kept for the fleet: its members are published together as one comment')
    },
    async submitReview(_number, review) {
      draft.reviews.push(review)
      return drafted('kept for the fleet: its members are published together as one review')
    }
  }
}
