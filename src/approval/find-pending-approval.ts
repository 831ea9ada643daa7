// Which request an `/approve` or `/deny` answers: among the PR's comments (already fetched), the
// newest pending request the action itself wrote (by its own login, not any Bot's), or the one
// `/approve ID` names. Each state is read only at its fixed place and with a valid seal.
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
  /** The action's own login (github/action-identity); only its comments are read. Null: none are. */
  ownLogin: string | null
  /** The state-key input that sealed the requests. */
  stateKey: string
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
  const own = options.ownLogin?.toLowerCase()
  // A person's or another bot's copy of a marker never counts, whatever it holds.
  const isOwn = (comment: CommentLike): boolean => own !== undefined && comment.author?.toLowerCase() === own
  const candidates: Candidate[] = comments
    .flatMap((comment, index) => (isOwn(comment) ? approvalKeysIn(comment.body).map((key) => ({ comment, key, index })) : []))
    .sort(newestFirst)
  const pending: { candidate: Candidate; state: ApprovalState }[] = []
  const problems: string[] = []
  for (const candidate of candidates) {
    const id = candidate.key.slice(candidate.key.indexOf('/') + 1).toLowerCase()
    if (wanted !== null && id !== wanted) continue
    const decoded = decodeApprovalState(candidate.comment.body, candidate.key, options.stateKey)
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
    return {
      found: true,
      comment: first.candidate.comment,
      key: first.candidate.key,
      state: first.state,
      otherPending: pending.slice(1).map((p) => p.state.id)
    }
  }
  if (problems.length > 0) return { found: false, reason: problems[0] as string }
  const by = options.ownLogin ? ` written by @${options.ownLogin}` : ''
  return {
    found: false,
    reason:
      wanted !== null ? `there is no approval request ${wanted}${by} on this pull request` : `there is no pending approval request${by} on this pull request`
  }
}
