// A review as the agent drafted it -> the one create-review request GitHub will accept.

import { buildDiffIndex, checkAnchor } from './diff-hunks.js'
import { codeSpan } from './markdown-escape.js'
import { outgoingText } from './outgoing-text.js'
import { COMMENT_BODY_LIMIT } from './text-limits.js'
import type { ChangedFile, DiffSide, ReviewCommentRequest, ReviewEvent, ReviewRequest } from './types.js'

export interface DraftComment {
  path: string
  line: number
  start_line?: number
  side?: DiffSide
  start_side?: DiffSide
  body: string
}

export interface ReviewDraft {
  event: ReviewEvent
  body: string
  comments: DraftComment[]
}

export interface ReviewPlanOptions {
  headSha: string
  allowApprove: boolean
  secrets: readonly string[]
}

export interface ReviewPlan {
  request: ReviewRequest
  /** For the job summary: what was changed on the way (moved comments, downgraded approval). */
  notes: string[]
}

const DEFAULT_BODY = 'Review by github-agent.'

function anchorLabel(c: DraftComment): string {
  const lines = c.start_line !== undefined && c.start_line !== c.line ? `${c.start_line}-${c.line}` : `${c.line}`
  return `${c.path}:${lines}${c.side === 'LEFT' ? ' (old)' : ''}`
}

/** Body text for comments that cannot be anchored: never lost, never a failed review. */
export function outsideDiffSection(comments: DraftComment[]): string {
  if (comments.length === 0) return ''
  const items = comments.map((c) => `- ${codeSpan(anchorLabel(c))} — ${c.body.trim().replace(/\n/g, '\n  ')}`)
  return `**Comments on lines outside the diff:**\n${items.join('\n')}`
}

function toRequestComment(c: DraftComment, secrets: readonly string[]): ReviewCommentRequest {
  const side = c.side ?? 'RIGHT'
  const comment: ReviewCommentRequest = { path: c.path, line: c.line, side, body: outgoingText(c.body, secrets, COMMENT_BODY_LIMIT) }
  // A one-line range is a plain comment; GitHub rejects start_line equal to line.
  if (c.start_line !== undefined && !(c.start_line === c.line && (c.start_side ?? side) === side)) {
    comment.start_line = c.start_line
    comment.start_side = c.start_side ?? side
  }
  return comment
}

export function planReview(draft: ReviewDraft, files: ChangedFile[], options: ReviewPlanOptions): ReviewPlan {
  const index = buildDiffIndex(files)
  const notes: string[] = []
  const inline: ReviewCommentRequest[] = []
  const moved: DraftComment[] = []
  for (const comment of draft.comments) {
    const check = checkAnchor(index, { ...comment, side: comment.side ?? 'RIGHT' })
    if (check.ok) inline.push(toRequestComment(comment, options.secrets))
    else {
      moved.push(comment)
      notes.push(`Inline comment moved into the review body: ${check.reason}.`)
    }
  }
  let event = draft.event
  const parts = [draft.body.trim()]
  if (event === 'APPROVE' && !options.allowApprove) {
    event = 'COMMENT'
    const note = 'The agent approved this pull request, but its configuration does not allow approvals (`allow_approve: true`), so this is posted as a comment.'
    notes.push(note)
    parts.push(`_${note}_`)
  }
  parts.push(outsideDiffSection(moved))
  const joined = parts.filter((p) => p !== '').join('\n\n')
  // GitHub requires a body for COMMENT and REQUEST_CHANGES.
  const body = outgoingText(joined === '' && event !== 'APPROVE' ? DEFAULT_BODY : joined, options.secrets, COMMENT_BODY_LIMIT)
  return { request: { commit_id: options.headSha, event, body, comments: inline }, notes }
}

function foldInlineComments(request: ReviewRequest, secrets: readonly string[]): ReviewRequest {
  const section = outsideDiffSection(request.comments.map((c) => ({ ...c })))
  const body = outgoingText(`${request.body}\n\n${section}`, secrets, COMMENT_BODY_LIMIT)
  return { ...request, body, comments: [] }
}

export interface ReviewAttempt {
  request: ReviewRequest
  /** Why this attempt replaces the one before ('' for the first). */
  why: string
}

/**
 * What to send, in order, while GitHub answers 422: the planned review; the verdict as a COMMENT
 * (GitHub refuses approvals of one's own PR, or by Actions when the repository forbids it); then
 * with the inline comments folded into the body. A review is never lost to a 422.
 */
export function reviewAttempts(planned: ReviewRequest, secrets: readonly string[]): ReviewAttempt[] {
  const attempts: ReviewAttempt[] = [{ request: planned, why: '' }]
  let last = planned
  if (planned.event !== 'COMMENT') {
    const why = `GitHub did not accept a review with ${planned.event}; posted as a comment instead.`
    last = { ...planned, event: 'COMMENT', body: outgoingText(`${planned.body}\n\n_${why}_`, secrets, COMMENT_BODY_LIMIT) }
    attempts.push({ request: last, why })
  }
  if (planned.comments.length > 0) {
    attempts.push({ request: foldInlineComments(last, secrets), why: 'GitHub did not accept the inline comments; they were moved into the review body.' })
  }
  return attempts
}
