// Overlapping `/approve` runs must carry a request out at most once without any lock: the earliest
// valid answer to a request decides it, and every run can work out which one that is from the
// thread's comments alone. An answer counts only when it would itself be obeyed (decideApproval
// with the answerer's own facts), so an early `/approve` from someone who may not answer blocks
// nobody. Pure: the shell lists the comments and reads each earlier answerer's facts.
import { decideApproval, type AnswerThread, type ApprovalAnswer, type ApproverFacts } from './decide-approval.js'
import type { ApprovalState } from './approval-state.js'
import type { CommentLike } from './find-pending-approval.js'
import { parseApprovalCommand } from './parse-approval-command.js'

/** Where a comment sits in the thread's order: creation time, then id (GitHub's ids only grow). */
export interface CommentPlace {
  id: number | null
  createdAt: string | null
}

export interface EarlierAnswer {
  comment: CommentLike
  answer: ApprovalAnswer
}

function time(at: string | null | undefined): number {
  const t = at ? Date.parse(at) : NaN
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t
}

/** Negative when `a` was written before `b`. */
export function compareCommentPlace(a: CommentPlace, b: CommentPlace): number {
  const ta = time(a.createdAt)
  const tb = time(b.createdAt)
  if (ta !== tb) return ta < tb ? -1 : 1
  if (a.id === null || b.id === null) return 0
  return a.id - b.id
}

/**
 * The `/approve` and `/deny` comments written after the request comment and before this answer,
 * oldest first, that could answer this request: they name its id, or name none (an unnamed answer
 * goes to the newest pending request, which this one may have been when it was written, so it
 * counts). Withdrawals never decide anything and are left out, as are the action's own comments.
 */
export function answersBefore(
  comments: readonly CommentLike[],
  options: { request: CommentPlace; mine: CommentPlace; requestId: string; botName: string; ownLogin: string | null }
): EarlierAnswer[] {
  const own = options.ownLogin?.toLowerCase()
  const found: EarlierAnswer[] = []
  for (const comment of comments) {
    if (comment.id === options.mine.id || comment.author === null) continue
    if (own !== undefined && comment.author.toLowerCase() === own) continue
    const place = { id: comment.id, createdAt: comment.createdAt ?? null }
    if (compareCommentPlace(place, options.request) <= 0 || compareCommentPlace(place, options.mine) >= 0) continue
    const command = parseApprovalCommand(comment.body, options.botName)
    if (!command || command.verb === 'withdraw') continue
    if (command.id !== null && command.id !== options.requestId.toLowerCase()) continue
    found.push({
      comment,
      answer: {
        verb: command.verb,
        words: command.words,
        sender: comment.author,
        senderIsBot: comment.authorType === 'Bot',
        at: comment.createdAt ?? '',
        note: command.note
      }
    })
  }
  return found.sort((a, b) => compareCommentPlace({ id: a.comment.id, createdAt: a.answer.at }, { id: b.comment.id, createdAt: b.answer.at }))
}

/**
 * The first of `earlier` (oldest first, each with its answerer's facts) that the request obeys, by
 * the same checks as any answer; null when none does and this answer may decide.
 */
export function firstValidAnswer(
  state: ApprovalState,
  earlier: readonly { answer: ApprovalAnswer; facts: ApproverFacts }[],
  thread: AnswerThread
): { answer: ApprovalAnswer; action: 'resume' | 'cancel' } | null {
  for (const { answer, facts } of earlier) {
    const decision = decideApproval(state, answer, facts, thread)
    if (decision.action === 'resume' || decision.action === 'cancel') return { answer, action: decision.action }
  }
  return null
}
