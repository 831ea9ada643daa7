// Which request an `/approve` or `/deny` answers: among the PR's comments (already fetched), the
// newest pending request the action itself wrote, or the one `/approve ID` names.
import { approvalKeysIn, decodeApprovalState, type ApprovalState } from './approval-state.js'

/** A comment as plain data (github/types IssueComment fits). */
export interface CommentLike {
  id: number
  body: string
  author: string | null
  authorType?: string | null
  createdAt?: string
}

export interface FindPendingOptions {
  /** `/approve ID`: the request to answer; null for the newest pending one. */
  id?: string | null
  /** True for the action's own comments; a person's copy of a marker never counts. */
  isOwn: (comment: CommentLike) => boolean
}

export type PendingLookup =
  | {
      found: true
      comment: CommentLike
      key: string
      state: ApprovalState
      /** Other requests still pending (answer them by id). */
      otherPending: string[]
    }
  | { found: false; reason: string }

interface Candidate {
  comment: CommentLike
  key: string
  index: number
}

function newestFirst(a: Candidate, b: Candidate): number {
  const ta = a.comment.createdAt ? Date.parse(a.comment.createdAt) : NaN
  const tb = b.comment.createdAt ? Date.parse(b.comment.createdAt) : NaN
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return tb - ta
  return b.index - a.index
}

export function findPendingApproval(comments: readonly CommentLike[], options: FindPendingOptions): PendingLookup {
  const wanted = options.id?.trim().toLowerCase() || null
  const candidates: Candidate[] = comments
    .flatMap((comment, index) => (options.isOwn(comment) ? approvalKeysIn(comment.body).map((key) => ({ comment, key, index })) : []))
    .sort(newestFirst)
  const pending: { candidate: Candidate; state: ApprovalState }[] = []
  const problems: string[] = []
  for (const candidate of candidates) {
    const id = candidate.key.slice(candidate.key.indexOf('/') + 1).toLowerCase()
    if (wanted !== null && id !== wanted) continue
    const decoded = decodeApprovalState(candidate.comment.body, candidate.key)
    if (!decoded.ok) {
      problems.push(decoded.reason)
      continue
    }
    if (wanted !== null && decoded.state.status !== 'pending') {
      const by = decoded.state.decision ? ` by @${decoded.state.decision.by}` : ''
      return { found: false, reason: `approval request ${wanted} is no longer pending: it was ${decoded.state.status}${by}` }
    }
    if (decoded.state.status === 'pending') pending.push({ candidate, state: decoded.state })
  }
  const first = pending[0]
  if (first) {
    return { found: true, comment: first.candidate.comment, key: first.candidate.key, state: first.state, otherPending: pending.slice(1).map((p) => p.state.id) }
  }
  if (problems.length > 0) return { found: false, reason: problems[0] as string }
  return { found: false, reason: wanted !== null ? `there is no approval request ${wanted} on this pull request` : 'there is no pending approval request on this pull request' }
}
