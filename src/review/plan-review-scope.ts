// What a review run looks at: nothing (no model call), everything, or only the commits since the
// last reviewed one. Decided on the runner from plain data, so the same inputs give the same scope.
// Pure.
import type { ChangedFile } from '../github/types.js'
import type { ReviewConfig } from './review-config.js'
import type { ReviewState } from './review-state.js'
import { shortSha } from './short-sha.js'
import type { CompareResult } from './types.js'

/** What started the run: the pull_request action, a re-run of the workflow, or a `/review`-style command. */
export type ReviewTrigger =
  'opened' | 'reopened' | 'ready_for_review' | 'synchronize' | 'review_requested' | 'edited' | 'labeled' | 'unlabeled' | 'rerun' | 'command' | 'other'

export interface ReviewScopeInput {
  /** readReviewState's state: null on a first review or when the summary comment's state was unreadable. */
  state: ReviewState | null
  /** readReviewState's note, carried into the reason of the full review it causes. */
  stateNote?: string | null
  /** `pull_request.head.sha` now. */
  headSha: string
  trigger: ReviewTrigger
  /**
   * compare(state.headSha...headSha). Fetch it when state is not null and state.headSha differs from
   * headSha; otherwise pass null (it is not read).
   */
  compare: CompareResult | null
  /**
   * Paths in the PR's own diff now (base...head, new and old names). Delta files outside it came in
   * from the base branch (an "Update branch" merge) and are not this PR's to review. Absent: all kept.
   */
  prFiles?: readonly string[]
  config: ReviewConfig
  now: Date
}

export type SkipCode = 'no-new-commits' | 'no-changes-in-pr' | 'cap-reached'
export type FullCode = 'first-review' | 'opened' | 'asked-again' | 'mode-full' | 'force-push' | 'no-compare' | 'too-large'

export type ReviewScope =
  | { kind: 'skip'; code: SkipCode; reason: string }
  | {
      kind: 'full'
      code: FullCode
      reason: string
      /** The files changed since the last reviewed commit when known (for moving prior findings); else null. */
      deltaFiles: ChangedFile[] | null
    }
  | {
      kind: 'incremental'
      /** The last reviewed commit: the delta is sinceSha...headSha. */
      sinceSha: string
      /** The delta's files this PR changes: what the agent reviews. */
      files: ChangedFile[]
      /** Every file of the delta: what prior findings' lines are mapped through. */
      deltaFiles: ChangedFile[]
      reason: string
    }

const DAY_MS = 24 * 60 * 60 * 1000
/** Clocks of runners and GitHub differ a little; a review time further ahead than this was never real. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000

const TRIGGER_WORDS: Record<ReviewTrigger, string> = {
  opened: 'the pull request was opened',
  reopened: 'the pull request was reopened',
  ready_for_review: 'the pull request was marked ready for review',
  synchronize: 'new commits were pushed',
  review_requested: 'a review was requested',
  edited: 'the pull request was edited',
  labeled: 'a label was added',
  unlabeled: 'a label was removed',
  rerun: 'the workflow was re-run',
  command: 'a review was asked for with a command',
  other: 'the event'
}

function utcMinute(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/**
 * Reviews in the 24 hours before now; the earliest of them is the one whose expiry frees a slot.
 * Times in the future are ignored: no review the action ran can have one.
 */
function reviewsInLastDay(state: ReviewState, now: Date): number[] {
  return state.reviews
    .map((t) => Date.parse(t))
    .filter((t) => !Number.isNaN(t) && now.getTime() - t < DAY_MS && t - now.getTime() <= CLOCK_SKEW_MS)
    .sort((a, b) => a - b)
}

function capReason(state: ReviewState, config: ReviewConfig, now: Date): string | null {
  const recent = reviewsInLastDay(state, now)
  if (recent.length < config.maxReviewsPerDay) return null
  const freeAt = (recent[recent.length - config.maxReviewsPerDay] ?? now.getTime()) + DAY_MS
  return (
    `the cap of ${config.maxReviewsPerDay} review${config.maxReviewsPerDay === 1 ? '' : 's'} per pull request per day is reached ` +
    `(${recent.length} in the last 24 hours; review.max_reviews_per_day); the next review can run after ${utcMinute(freeAt)}`
  )
}

function full(code: FullCode, reason: string, deltaFiles: ChangedFile[] | null = null): ReviewScope {
  return { kind: 'full', code, reason, deltaFiles }
}

/** The delta when head only moved forward from the last reviewed commit and GitHub listed all of it. */
function forwardDelta(compare: CompareResult | null): ChangedFile[] | null {
  return compare?.found && compare.status === 'ahead' && !compare.truncated ? compare.files : null
}

function skip(code: SkipCode, reason: string): ReviewScope {
  return { kind: 'skip', code, reason }
}

function inPr(file: ChangedFile, prFiles: ReadonlySet<string> | null): boolean {
  return prFiles === null || prFiles.has(file.filename) || (file.previousFilename !== undefined && prFiles.has(file.previousFilename))
}

/** Scope when there is a last reviewed commit and head moved past it. */
function fromCompare(input: ReviewScopeInput, since: string): ReviewScope {
  const { compare } = input
  const last = shortSha(since)
  const rebased = `force-push or rebase: the last reviewed commit ${last} is no longer in the branch; reviewing everything`
  if (compare === null) return full('no-compare', `the changes since the last reviewed commit ${last} could not be compared; reviewing everything`)
  if (!compare.found || compare.status === 'diverged' || compare.status === 'behind') return full('force-push', rebased)
  if (compare.status === 'identical') return skip('no-new-commits', `the code is the same as at the last reviewed commit ${last}; nothing new to review`)
  if (compare.truncated) return full('too-large', `too many files changed since the last reviewed commit ${last} to compare them; reviewing everything`)
  const prFiles = input.prFiles ? new Set(input.prFiles) : null
  const files = compare.files.filter((f) => inPr(f, prFiles))
  if (files.length === 0) {
    return skip(
      'no-changes-in-pr',
      `the commits since the last reviewed commit ${last} change none of this pull request's files (e.g. a merge from the base branch); nothing new to review`
    )
  }
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`
  return {
    kind: 'incremental',
    sinceSha: since,
    files,
    deltaFiles: compare.files,
    reason: `reviewing the ${count} changed since the last reviewed commit ${last}`
  }
}

export function planReviewScope(input: ReviewScopeInput): ReviewScope {
  const { state, headSha, trigger, config, now } = input
  const why = TRIGGER_WORDS[trigger]
  if (state === null) {
    const note = input.stateNote ? ` (${input.stateNote.replace(/\.$/, '')})` : ''
    return trigger === 'opened' ? full('opened', `first review: ${why}${note}`) : full('first-review', `first review of this pull request${note}`)
  }
  const sameHead = state.headSha === headSha
  // Re-runs, label changes and edits with no new commits cost nothing; only an explicit command re-reviews.
  if (sameHead && trigger !== 'command') {
    return skip('no-new-commits', `no new commits since the last reviewed commit ${shortSha(state.headSha)} (${why}); nothing new to review`)
  }
  const cap = capReason(state, config, now)
  if (cap !== null) return skip('cap-reached', cap)
  if (sameHead) return full('asked-again', `${why} with no new commits since ${shortSha(state.headSha)}; reviewing everything again`, [])
  if (trigger === 'opened') return full('opened', `${why}; reviewing everything`)
  if (config.mode === 'full') return full('mode-full', 'review.mode is full; reviewing everything', forwardDelta(input.compare))
  return fromCompare(input, state.headSha)
}

/** The trigger of a run, from the event's action, the workflow run attempt and how it was routed. */
export function reviewTriggerOf(action: string | null, options: { runAttempt?: number; viaCommand?: boolean } = {}): ReviewTrigger {
  if (options.viaCommand) return 'command'
  if ((options.runAttempt ?? 1) > 1) return 'rerun'
  const known: ReviewTrigger[] = ['opened', 'reopened', 'ready_for_review', 'synchronize', 'review_requested', 'edited', 'labeled', 'unlabeled']
  return known.find((k) => k === action) ?? 'other'
}
