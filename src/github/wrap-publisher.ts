import type { Publisher } from './publisher.js'

type Writes = Pick<Publisher, 'createComment' | 'upsertComment' | 'submitReview'>

/**
 * A publisher that sends some writes elsewhere (a fleet member's drafts, a review's de-duplication)
 * and hands everything else, records included, to the run's one publisher.
 */
export function wrapPublisher(inner: Publisher, overrides: Partial<Writes>): Publisher {
  return {
    get dryRun() {
      return inner.dryRun
    },
    get planned() {
      return inner.planned
    },
    get applied() {
      return inner.applied
    },
    get notes() {
      return inner.notes
    },
    records: () => inner.records(),
    createComment: overrides.createComment ?? ((number, body) => inner.createComment(number, body)),
    upsertComment: overrides.upsertComment ?? ((number, key, body, state, looked) => inner.upsertComment(number, key, body, state, looked)),
    submitReview: overrides.submitReview ?? ((number, draft, options) => inner.submitReview(number, draft, options)),
    findOwnComment: (number, key) => inner.findOwnComment(number, key),
    addLabels: (number, labels, policy) => inner.addLabels(number, labels, policy),
    removeLabel: (number, label, policy) => inner.removeLabel(number, label, policy),
    createCheckRun: (run) => inner.createCheckRun(run),
    updateCheckRun: (id, change) => inner.updateCheckRun(id, change),
    addReaction: (id, target, content) => inner.addReaction(id, target, content),
    dispatchWorkflow: (workflow, ref, inputs) => inner.dispatchWorkflow(workflow, ref, inputs),
    ...(inner.replyToReviewComment ? { replyToReviewComment: inner.replyToReviewComment.bind(inner) } : {}),
    ...(inner.resolveReviewThreads ? { resolveReviewThreads: inner.resolveReviewThreads.bind(inner) } : {})
  }
}
