// What the model reads about its event, as a person handling it would: the event's subject (the
// issue, PR, comment, review, commits, release or CI run) and, for a comment, the thread's recent
// comments. Every text is sanitised (prose as rendered, diff hunks and paths as code) and the whole
// is kept within a token budget by one rule, which the brief states when it applies. Pure.
import type { EventContext } from '../event/types.js'
import { CODE_KEYS, type EventSubject, type SubjectValue } from '../event/event-subject.js'
import type { PullReviewComment } from '../github/github-port.js'
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

/** Failed jobs of a CI run shown in full; the others are only counted. */
export const CI_FAILED_JOBS_SHOWN = 5
/** Last lines of a failed job's log shown, and the characters all tails may take together. */
export const CI_LOG_TAIL_LINES = 80
export const CI_LOG_TAIL_CHARS = 12_000

/** A job of the failed run as read through the GitHub port, its log tail already fetched (null: not read). */
export interface CiJob {
  name: string
  conclusion: string | null
  url: string | null
  steps: { number: number; name: string; conclusion: string | null }[]
  logTail: string | null
}

const FAILED_CONCLUSIONS = ['failure', 'timed_out', 'startup_failure']

export function isFailedJob(job: { conclusion: string | null }): boolean {
  return job.conclusion !== null && FAILED_CONCLUSIONS.includes(job.conclusion)
}

// Each line of a job's log starts with a timestamp the reader does not need; it would take a
// fifth of the budget.
const TIMESTAMP = /^\d{4}-\d\d-\d\dT[\d:.]+Z /

/** The last lines of a log, within `maxChars`, timestamps dropped; the first line kept may be cut at its start. */
export function logTail(log: string, maxLines: number, maxChars: number): { text: string; cut: boolean } {
  const lines = log.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  const kept = lines.slice(-maxLines).map((line) => line.replace(TIMESTAMP, ''))
  let text = kept.join('\n')
  let cut = lines.length > kept.length
  if (text.length > maxChars) {
    const start = text.length - maxChars
    // Never split a surrogate pair: the half left would be a character no one wrote.
    text = text.slice(/[\uDC00-\uDFFF]/.test(text[start] ?? '') ? start + 1 : start)
    cut = true
  }
  return { text, cut }
}

/**
 * The failed jobs of a CI run: their failed steps and the tail of each one's log, sanitised as
 * code, with the rule for what was cut. The tails share `CI_LOG_TAIL_CHARS` equally. Null when no
 * job failed.
 */
export function ciFailureBrief(jobs: CiJob[]): { [key: string]: SubjectValue } | null {
  const failed = jobs.filter(isFailedJob)
  if (failed.length === 0) return null
  const shown = failed.slice(0, CI_FAILED_JOBS_SHOWN)
  const share = Math.floor(CI_LOG_TAIL_CHARS / shown.length)
  let anyCut = false
  const failedJobs = shown.map((job) => {
    // Sanitised before the cut: a marker for hidden text is longer than what it replaces, and the
    // budget is what the model reads.
    const tail = job.logTail === null ? null : logTail(sanitizeCode(job.logTail), CI_LOG_TAIL_LINES, share)
    if (tail?.cut) anyCut = true
    return {
      name: sanitizeUntrusted(job.name),
      conclusion: job.conclusion,
      ...(job.url ? { url: sanitizeUntrusted(job.url) } : {}),
      failed_steps: job.steps.filter(isFailedJob).map((step) => sanitizeUntrusted(step.name)),
      log_tail: tail === null ? null : tail.text
    }
  })
  const notes: string[] = []
  if (failed.length > shown.length) notes.push(`${failed.length} jobs failed; the first ${shown.length} are shown.`)
  if (anyCut) {
    notes.push(
      `log_tail holds at most the last ${CI_LOG_TAIL_LINES} lines of each failed job's log, timestamps dropped, and at most ${formatCount(share)} characters (the tails share ${formatCount(CI_LOG_TAIL_CHARS)}); earlier lines are not shown.`
    )
  }
  if (shown.some((job) => job.logTail === null)) notes.push('log_tail is null where the log could not be read.')
  return { failed_jobs: failedJobs, ...(notes.length ? { note: notes.join(' ') } : {}) }
}

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

/** Replies to one inline review comment shown at most: the thread's most recent ones. */
export const REVIEW_THREAD_SHOWN = 20

/**
 * The earlier comments of the inline review thread `commentId` belongs to, oldest first, marked by
 * who wrote them. A thread is its first comment and every reply chained to it by `in_reply_to_id`
 * (GitHub points replies at the first comment, but a chain is followed all the same). `replyTo` is
 * the event's own `in_reply_to_id`, used when the listing does not hold the event's comment yet.
 * Empty when the comment starts a thread.
 */
export function reviewThreadComments(comments: PullReviewComment[], commentId: number, replyTo: number | null, ownLogin: string | null): ThreadComment[] {
  const byId = new Map(comments.map((c) => [c.id, c]))
  // A cycle cannot come from GitHub; should one appear, its smallest id stands for its root.
  const rootOf = (id: number): number => {
    const seen = new Set<number>([id])
    let current = id
    for (;;) {
      const parent = byId.get(current)?.inReplyToId ?? null
      if (parent === null) return current
      if (seen.has(parent)) return Math.min(...seen)
      seen.add(parent)
      current = parent
    }
  }
  const start = byId.get(commentId)?.inReplyToId ?? replyTo
  if (start === null) return []
  const root = rootOf(start)
  const own = byId.get(commentId)
  // Written before the event's comment: by time, and by id within the same second.
  const order = (a: PullReviewComment, b: PullReviewComment): number => (a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1)
  return comments
    .filter((c) => c.id !== commentId && rootOf(c.id) === root && (own === undefined || order(c, own) < 0))
    .sort(order)
    .map((c) => ({
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
  options: { maxTokens?: number; excludeCommentId?: number | null; ciFailure?: CiJob[] | null; reviewThread?: ThreadComment[] | null } = {}
): EventBrief | null {
  const ci = options.ciFailure ? ciFailureBrief(options.ciFailure) : null
  const maxTokens = options.maxTokens ?? BRIEF_TOKEN_BUDGET
  const others = (thread ?? []).filter((c) => c.id !== options.excludeCommentId)
  const recent = others.slice(-RECENT_COMMENTS)
  const raw: EventBrief = { ...(subject ?? {}) }
  const asRead = (c: ThreadComment): SubjectValue => ({
    author: c.author,
    time: c.createdAt,
    ...(c.byThisAction ? { by_this_action: true } : {}),
    text: c.body
  })
  const replies = options.reviewThread ?? []
  const shownReplies = replies.slice(-REVIEW_THREAD_SHOWN)
  if (shownReplies.length) raw.review_thread = shownReplies.map(asRead)
  if (recent.length) raw.recent_comments = recent.map(asRead)
  if (Object.keys(raw).length === 0) return ci ? { ci_failure: ci } : null
  const clean = sanitizeValue(raw, '') as EventBrief
  const limit = commonCut(stringLengths(clean, []), maxTokens * CHARS_PER_TOKEN)
  const brief = limit === null ? clean : (cutValue(clean, limit) as EventBrief)
  const notes: string[] = []
  if (replies.length > shownReplies.length) notes.push(`review_thread holds the ${shownReplies.length} most recent of its ${replies.length} earlier comments.`)
  if (others.length > recent.length) notes.push(`recent_comments holds the ${recent.length} most recent of the thread's ${others.length} other comments.`)
  if (limit !== null) {
    notes.push(
      `The subject's texts together were longer than about ${formatCount(maxTokens)} tokens, so the longest texts are cut to their first ${formatCount(limit)} characters, ` +
        'each marked "[… N characters cut]"; shorter texts are whole. Read the rest with your tools if it matters.'
    )
  }
  // The log tails have their own budget and keep their end, where a failure is reported; the
  // subject's rule (keep the start) would cut exactly that.
  const withCi = ci ? { ...brief, ci_failure: ci } : brief
  return notes.length ? { ...withCi, note: notes.join(' ') } : withCi
}
