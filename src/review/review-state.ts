// What the action remembers about a PR's reviews, kept as JSON in the hidden marker of its one
// summary comment (comment-marker.ts format). Versioned and validated on the way in: a missing or
// garbled state is never an error, only a first review with a note. Pure.
import { z } from 'zod'
import { readMarkerState } from '../github/comment-marker.js'
import type { ReviewFinding } from './types.js'

export const REVIEW_STATE_VERSION = 1

export interface ReviewState {
  version: typeof REVIEW_STATE_VERSION
  /** The last head commit the action reviewed (incrementally or in full). */
  headSha: string
  /** The PR's base commit at that review (for the record; the delta is computed from headSha). */
  baseSha: string
  /** Every finding the action posted that is still worth remembering, oldest first. */
  findings: ReviewFinding[]
  /** ISO times of the reviews that ran a model in the last 24 hours (the per-day cap counts these). */
  reviews: string[]
}

export interface ReadReviewState {
  state: ReviewState | null
  /** Why a comment that exists gave no state; null when it gave one or there is no comment. */
  note: string | null
}

/** The marker key of an agent's summary comment: one per PR and agent, so two reviewers never share state. */
export function reviewStateKey(agentName: string): string {
  return `review-summary:${agentName}`
}

const sha = z.string().regex(/^[0-9a-f]{7,64}$/i)
const line = z.number().int().min(1)

const findingSchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  line,
  start_line: line.optional(),
  side: z.enum(['LEFT', 'RIGHT']),
  summary: z.string(),
  status: z.enum(['open', 'addressed', 'dismissed']),
  comment_id: z.number().int().nullable()
})

const stateSchema = z.object({
  version: z.literal(REVIEW_STATE_VERSION),
  head_sha: sha,
  base_sha: sha,
  findings: z.array(findingSchema),
  reviews: z.array(z.string().refine((t) => !Number.isNaN(Date.parse(t))))
})

type StoredState = z.infer<typeof stateSchema>

/** The JSON stored in the marker (snake_case, as the rest of the action's markers). */
export function encodeReviewState(state: ReviewState): StoredState {
  return {
    version: state.version,
    head_sha: state.headSha,
    base_sha: state.baseSha,
    findings: state.findings.map((f) => ({
      id: f.id,
      path: f.path,
      line: f.line,
      ...(f.startLine !== undefined ? { start_line: f.startLine } : {}),
      side: f.side,
      summary: f.summary,
      status: f.status,
      comment_id: f.commentId
    })),
    reviews: [...state.reviews]
  }
}

function fromStored(stored: StoredState): ReviewState {
  return {
    version: stored.version,
    headSha: stored.head_sha,
    baseSha: stored.base_sha,
    findings: stored.findings.map((f) => ({
      id: f.id,
      path: f.path,
      line: f.line,
      ...(f.start_line !== undefined ? { startLine: f.start_line } : {}),
      side: f.side,
      summary: f.summary,
      status: f.status,
      commentId: f.comment_id
    })),
    reviews: stored.reviews
  }
}

const START_OVER = 'this review starts over as a first review'

/** The state decoded from the marker value (`readMarkerState`'s result); undefined means none was there. */
export function decodeReviewState(raw: unknown): ReadReviewState {
  if (raw === undefined) return { state: null, note: `The review summary comment carries no readable state (missing or not JSON); ${START_OVER}.` }
  const version = raw !== null && typeof raw === 'object' ? (raw as { version?: unknown }).version : undefined
  if (typeof version === 'number' && version > REVIEW_STATE_VERSION) {
    return { state: null, note: `The review state was written by a newer github-agent (state version ${version}); ${START_OVER}.` }
  }
  const parsed = stateSchema.safeParse(raw)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the state'
    return { state: null, note: `The review state in the summary comment is not valid (at ${where}); ${START_OVER}.` }
  }
  return { state: fromStored(parsed.data), note: null }
}

/** The state in the body of the action's summary comment; a null body (no comment yet) is a first review. */
export function readReviewState(body: string | null, key: string): ReadReviewState {
  if (body === null) return { state: null, note: null }
  return decodeReviewState(readMarkerState(body, key))
}
