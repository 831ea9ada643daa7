// What the model reads about its event, as a person handling it would: the event's subject (the
// issue, PR, comment, review, commits, release or CI run) and, for a comment, the thread's recent
// comments. Every text is sanitised (prose as rendered, diff hunks and paths as code) and the whole
// is kept within a token budget by one rule, which the brief states when it applies. Pure.
import type { EventContext } from '../event/types.js'
import { CODE_KEYS, type EventSubject, type SubjectValue } from '../event/event-subject.js'
import type { IssueComment } from '../github/types.js'
import { formatCount } from '../report/format-count.js'
import { sanitizeCode, sanitizeUntrusted } from '../text/sanitize-untrusted.js'

/** Tokens the brief's texts may take together; prose runs about 4 characters a token. */
export const BRIEF_TOKEN_BUDGET = 8_000
const CHARS_PER_TOKEN = 4
/** Comments of the thread shown, the most recent ones. */
export const RECENT_COMMENTS = 20

/** A comment of the thread as the model reads it. */
export interface ThreadComment {
  id: number
  author: string | null
  createdAt: string
  body: string
  /** Written by this action (its login), so the model can tell its own earlier answers from people's. */
  byThisAction: boolean
}

export type EventBrief = Record<string, SubjectValue>

/** Events whose thread a person would read before answering: comments and reviews on an issue or PR. */
export function wantsThread(event: EventContext): boolean {
  return event.number !== null && ['issue_comment', 'pull_request_review', 'pull_request_review_comment'].includes(event.name)
}

/** The thread as read through the port, marked by who wrote each comment. */
export function threadComments(comments: IssueComment[], ownLogin: string | null): ThreadComment[] {
  return comments.map((c) => ({
    id: c.id,
    author: c.author,
    createdAt: c.createdAt,
    body: c.body,
    byThisAction: ownLogin !== null && c.author !== null && c.author.toLowerCase() === ownLogin.toLowerCase()
  }))
}

function sanitizeValue(value: SubjectValue, key: string): SubjectValue {
  if (typeof value === 'string') return CODE_KEYS.has(key) ? sanitizeCode(value) : sanitizeUntrusted(value)
  if (Array.isArray(value)) return value.map((v) => sanitizeValue(v, key))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeValue(v, k)]))
  return value
}

function stringLengths(value: SubjectValue, out: number[]): number[] {
  if (typeof value === 'string') out.push(value.length)
  else if (Array.isArray(value)) value.forEach((v) => stringLengths(v, out))
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => stringLengths(v, out))
  return out
}

/**
 * The largest length every text may keep so that all of them together fit `max` characters
 * (shorter texts whole, the longest cut to the same length); null when everything fits.
 */
export function commonCut(lengths: number[], max: number): number | null {
  if (lengths.reduce((a, b) => a + b, 0) <= max) return null
  const sorted = [...lengths].sort((a, b) => a - b)
  let remaining = max
  for (const [i, length] of sorted.entries()) {
    const share = remaining / (sorted.length - i)
    if (length > share) return Math.max(0, Math.floor(share))
    remaining -= length
  }
  return null
}

function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text
  // Never split a surrogate pair: the half left would be a character no one wrote.
  const end = limit > 0 && /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit - 1 : limit
  return `${text.slice(0, end)} [… ${text.length - end} characters cut]`
}

function cutValue(value: SubjectValue, limit: number): SubjectValue {
  if (typeof value === 'string') return cutText(value, limit)
  if (Array.isArray(value)) return value.map((v) => cutValue(v, limit))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutValue(v, limit)]))
  return value
}

/**
 * The subject and the thread's recent comments (the event's own comment left out: it is the
 * subject), sanitised and within `maxTokens`; null when the event has nothing to read.
 */
export function buildEventBrief(
  subject: EventSubject | null,
  thread: ThreadComment[] | null,
  options: { maxTokens?: number; excludeCommentId?: number | null } = {}
): EventBrief | null {
  const maxTokens = options.maxTokens ?? BRIEF_TOKEN_BUDGET
  const others = (thread ?? []).filter((c) => c.id !== options.excludeCommentId)
  const recent = others.slice(-RECENT_COMMENTS)
  const raw: EventBrief = { ...(subject ?? {}) }
  if (recent.length) {
    raw.recent_comments = recent.map((c) => ({
      author: c.author,
      time: c.createdAt,
      ...(c.byThisAction ? { by_this_action: true } : {}),
      text: c.body
    }))
  }
  if (Object.keys(raw).length === 0) return null
  const clean = sanitizeValue(raw, '') as EventBrief
  const limit = commonCut(stringLengths(clean, []), maxTokens * CHARS_PER_TOKEN)
  const brief = limit === null ? clean : (cutValue(clean, limit) as EventBrief)
  const notes: string[] = []
  if (others.length > recent.length) notes.push(`recent_comments holds the ${recent.length} most recent of the thread's ${others.length} other comments.`)
  if (limit !== null) {
    notes.push(
      `The subject's texts together were longer than about ${formatCount(maxTokens)} tokens, so the longest texts are cut to their first ${formatCount(limit)} characters, ` +
        'each marked "[… N characters cut]"; shorter texts are whole. Read the rest with your tools if it matters.'
    )
  }
  return notes.length ? { ...brief, note: notes.join(' ') } : brief
}
