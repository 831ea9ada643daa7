// After the agent drafted its inline comments: post only what is new. A comment is a repeat of an
// earlier finding when it is on the same file and side, within LINE_WINDOW lines of where that
// finding is now (after moving it through the delta), and means the same (equal finding id, or
// token Jaccard ≥ SIMILARITY_THRESHOLD, see finding-text.ts). Only what is already posted counts:
// the comments of one review are never compared with each other, because short distinct comments on
// nearby lines ("Check n = 1", "Check n = 2") look alike to the text measure and are all wanted. Pure.
import type { DraftComment } from '../github/plan-review.js'
import { carryFindings, type CarryInput } from './carry-findings.js'
import { findingId, findingSimilarity, SIMILARITY_THRESHOLD } from './finding-text.js'
import type { FindingStatus, ReviewFinding } from './types.js'

/** Lines a finding may drift between reviews and still be the same one (edits nearby, reworded anchors). */
export const LINE_WINDOW = 3

export interface DedupeInput extends CarryInput {
  /** The inline comments of the review about to be posted; compared with what is posted, never with each other. */
  proposed: readonly DraftComment[]
  /** Inline comments this run already posted in an earlier review: repeats of them are not posted again. */
  posted?: readonly DraftComment[]
}

export interface Repeat {
  comment: DraftComment
  /** The finding it repeats; `new` when it repeats a comment an earlier review of this same run posted. */
  of: { id: string; status: FindingStatus | 'new' }
  similarity: number
}

export interface DedupeResult {
  /** New findings: post these. */
  post: DraftComment[]
  /** Not posted: the same as a finding already on the PR (open, or dismissed by a person), or as one this run already posted. */
  repeats: Repeat[]
  /** Open findings whose lines the new commits changed and that the agent did not report again: reply or resolve their threads. */
  addressed: ReviewFinding[]
  /** Open findings a person resolved or answered "won't fix": say nothing more about them. */
  quiet: ReviewFinding[]
  /** Every prior finding with its current path, line and status, for nextReviewState. */
  findings: ReviewFinding[]
}

interface Candidate {
  /** Index into the carried findings, or into this run's earlier posts (status 'new'). */
  index: number
  id: string
  path: string
  line: number
  side: string
  text: string
  status: FindingStatus | 'new'
}

function sideOf(comment: DraftComment): string {
  return comment.side ?? 'RIGHT'
}

/** How alike a comment is to a candidate at its place; null when it is elsewhere or means something else. */
function likeness(comment: DraftComment, candidate: Candidate): number | null {
  if (candidate.path !== comment.path || candidate.side !== sideOf(comment)) return null
  if (Math.abs(candidate.line - comment.line) > LINE_WINDOW) return null
  if (findingId(comment.path, comment.body) === candidate.id) return 1
  const similarity = findingSimilarity(comment.body, candidate.text)
  return similarity >= SIMILARITY_THRESHOLD ? similarity : null
}

function bestMatch(comment: DraftComment, candidates: readonly Candidate[]): { candidate: Candidate; similarity: number } | null {
  let best: { candidate: Candidate; similarity: number } | null = null
  for (const candidate of candidates) {
    const similarity = likeness(comment, candidate)
    if (similarity === null) continue
    const closer = best !== null && similarity === best.similarity && Math.abs(candidate.line - comment.line) < Math.abs(best.candidate.line - comment.line)
    if (best === null || similarity > best.similarity || closer) best = { candidate, similarity }
  }
  return best
}

export function dedupeFindings(input: DedupeInput): DedupeResult {
  const carried = carryFindings(input)
  const touched = new Set(carried.touched)
  // Findings addressed in an earlier run are not candidates: the same problem again is a regression, posted anew.
  const prior: Candidate[] = carried.findings
    .map((f, index): Candidate => ({
      index,
      id: f.id,
      path: f.path,
      line: f.line,
      side: f.side,
      text: f.summary,
      status: touched.has(index) ? 'open' : f.status
    }))
    .filter((c) => c.status !== 'addressed')
  const earlier = (input.posted ?? []).map((comment, index): Candidate => ({
    index,
    id: findingId(comment.path, comment.body),
    path: comment.path,
    line: comment.line,
    side: sideOf(comment),
    text: comment.body,
    status: 'new'
  }))
  const post: DraftComment[] = []
  const repeats: Repeat[] = []
  const reported = new Set<number>()
  for (const comment of input.proposed) {
    const match = bestMatch(comment, prior) ?? bestMatch(comment, earlier)
    if (match) {
      repeats.push({ comment, of: { id: match.candidate.id, status: match.candidate.status }, similarity: match.similarity })
      if (match.candidate.status !== 'new') reported.add(match.candidate.index)
      continue
    }
    post.push(comment)
  }
  // A touched finding the agent reported again was not fixed by the change: it stays open.
  const findings = carried.findings.map((f, i) => (touched.has(i) && reported.has(i) ? { ...f, status: 'open' as const } : f))
  return {
    post,
    repeats,
    addressed: findings.filter((f, i) => touched.has(i) && f.status === 'addressed'),
    quiet: carried.dismissed.map((i) => findings[i]).filter((f): f is ReviewFinding => f !== undefined),
    findings
  }
}
