// The state to store after a review that ran: the new head, the carried findings with the ones
// just posted, and this review's time for the per-day cap. Bounded so the hidden marker stays far
// below GitHub's comment size limit. Pure.
import type { DraftComment } from '../github/plan-review.js'
import { findingId, summarizeFinding } from './finding-text.js'
import { CLOCK_SKEW_MS } from './plan-review-scope.js'
import { REVIEW_STATE_VERSION, type ReviewState } from './review-state.js'
import type { ReviewFinding } from './types.js'

/** About 400 characters each in JSON: 100 keep the state near 40 kB of the 65,536 a comment holds. */
export const MAX_STATE_FINDINGS = 100

const DAY_MS = 24 * 60 * 60 * 1000

export interface PostedComment {
  comment: DraftComment
  /** The review comment id GitHub gave it; null when it was folded into the review body. */
  commentId: number | null
}

export interface ReviewRecord {
  headSha: string
  baseSha: string
  now: Date
  /** dedupeFindings(...).findings: the earlier findings as they stand after this run. */
  findings: readonly ReviewFinding[]
  posted: readonly PostedComment[]
}

function toFinding({ comment, commentId }: PostedComment): ReviewFinding {
  const finding: ReviewFinding = {
    id: findingId(comment.path, comment.body),
    path: comment.path,
    line: comment.line,
    side: comment.side ?? 'RIGHT',
    summary: summarizeFinding(comment.body),
    status: 'open',
    commentId
  }
  if (comment.start_line !== undefined && comment.start_line < comment.line) finding.startLine = comment.start_line
  return finding
}

/** Keeps the newest findings, open ones first, in their original order. */
function bounded(findings: ReviewFinding[]): ReviewFinding[] {
  if (findings.length <= MAX_STATE_FINDINGS) return findings
  const indexed = findings.map((finding, index) => ({ finding, index }))
  const open = indexed.filter((e) => e.finding.status === 'open').slice(-MAX_STATE_FINDINGS)
  const room = MAX_STATE_FINDINGS - open.length
  const closed = room > 0 ? indexed.filter((e) => e.finding.status !== 'open').slice(-room) : []
  return [...open, ...closed].sort((a, b) => a.index - b.index).map((e) => e.finding)
}

export function nextReviewState(previous: ReviewState | null, record: ReviewRecord): ReviewState {
  const now = record.now.getTime()
  // Future times were never a review this action ran: they are dropped, not carried forward.
  const recent = (previous?.reviews ?? []).filter((t) => now - Date.parse(t) < DAY_MS && Date.parse(t) - now <= CLOCK_SKEW_MS)
  return {
    version: REVIEW_STATE_VERSION,
    headSha: record.headSha,
    baseSha: record.baseSha,
    findings: bounded([...record.findings, ...record.posted.map(toFinding)]),
    reviews: [...recent, record.now.toISOString()]
  }
}
