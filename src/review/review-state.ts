// What the action remembers about a PR's reviews, kept as JSON in the hidden marker of its one
// summary comment (comment-marker.ts format). Read only from the action's own comment, at its fixed
// place, sealed with the state-key when the workflow gives one; versioned and validated on the way
// in: a missing, garbled or unsealed state is never an error, only a first review with a note. Pure.
import { z } from 'zod'
import { readStateBlock } from '../github/comment-marker.js'
import { sealState, unsealState } from '../github/state-seal.js'
import type { ReviewFinding } from './types.js'

/** 2: sealed with the state-key when there is one; 1 was never sealed. */
export const REVIEW_STATE_VERSION = 2

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

/** The JSON to store under `key`: the encoded state, sealed when there is a state-key. */
export function storedReviewState(key: string, state: ReviewState, stateKey: string | null): Record<string, unknown> {
  const stored = encodeReviewState(state) as unknown as Record<string, unknown>
  return stateKey ? sealState(key, stored, stateKey) : stored
}

const START_OVER = 'this review starts over as a first review'

/**
 * The state decoded from the marker value under `key`; undefined means none was there. With a
 * state-key the seal must hold; without one the state is trusted by authorship and place alone.
 */
export function decodeReviewState(raw: unknown, key: string, stateKey: string | null): ReadReviewState {
  if (raw === undefined) return { state: null, note: `The review summary comment carries no readable state (missing or not JSON); ${START_OVER}.` }
  const version = raw !== null && typeof raw === 'object' ? (raw as { version?: unknown }).version : undefined
  if (typeof version === 'number' && version > REVIEW_STATE_VERSION) {
    return { state: null, note: `The review state was written by a newer github-agent (state version ${version}); ${START_OVER}.` }
  }
  if (version === 1) {
    return { state: null, note: `The review state was written by an earlier github-agent, without a state-key seal (state version 1); ${START_OVER}.` }
  }
  const unsealed = unsealState(key, raw, stateKey)
  if (!unsealed.ok) return { state: null, note: `The review state in the summary comment is refused: ${unsealed.reason}; ${START_OVER}.` }
  const parsed = stateSchema.safeParse(unsealed.state)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the state'
    return { state: null, note: `The review state in the summary comment is not valid (at ${where}); ${START_OVER}.` }
  }
  return { state: fromStored(parsed.data), note: null }
}

/**
 * The state in the body of the action's summary comment (the caller checked who wrote it), read
 * only at its fixed place; a null body (no comment yet) is a first review.
 */
export function readReviewState(body: string | null, key: string, stateKey: string | null): ReadReviewState {
  if (body === null) return { state: null, note: null }
  const block = readStateBlock(body, key)
  if (!block.ok) {
    const none = block.reason === 'the comment carries no state'
    return {
      state: null,
      note: none
        ? `The review summary comment carries no readable state (missing or not JSON); ${START_OVER}.`
        : `The review state in the summary comment is refused: ${block.reason}; ${START_OVER}.`
    }
  }
  return decodeReviewState(block.state, key, stateKey)
}
