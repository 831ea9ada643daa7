// What the agent is told for a review that follows earlier ones: in its instructions (trusted,
// written here) how to treat the delta and the earlier findings; in the event data (fenced as
// untrusted, because finding text echoes code and comments) the delta and the findings themselves.
// Pure.
import { budgetDiff, type BudgetedDiff } from '../execute/budget-diff.js'
import type { PromptFinding, ReviewPromptData } from '../execute/build-agent-context.js'
import { sanitizeDeep } from '../text/sanitize-untrusted.js'
import type { DiffSide } from '../github/types.js'
import type { CarriedFindings } from './carry-findings.js'
import type { ReviewScope } from './plan-review-scope.js'
import { shortSha } from './short-sha.js'

export interface ReviewPromptInput {
  scope: Exclude<ReviewScope, { kind: 'skip' }>
  /** carryFindings over the last state's findings (empty on a first review). */
  carried: CarriedFindings
  /** Token budget for the delta's patches (the one the PR diff would get). */
  maxDiffTokens: number
}

export interface ReviewPrompt {
  /** Appended to the agent's instructions. */
  instructions: string
  /** Incremental: the delta, to stand in for the PR's diff in the event data; full: null (keep the PR's diff). */
  diff: BudgetedDiff | null
  review: ReviewPromptData
}

function promptFinding(f: { path: string; line: number; startLine?: number; side: DiffSide; summary: string }): PromptFinding {
  return { path: f.path, line: f.line, ...(f.startLine !== undefined ? { start_line: f.startLine } : {}), side: f.side, summary: f.summary }
}

const ABOUT_FINDINGS =
  '`review.open_findings` in the event data lists findings already posted on this pull request and still open: do not post them again, in any wording. ' +
  '`review.dismissed_findings` lists findings a person declined: never raise them again. ' +
  'An open finding with `lines_changed_since_last_review: true` sits on lines the new commits changed: if the change did not fix it, post it again with the same wording on its current line so it stays open; if it did, leave it and it will be marked as addressed.'

export function reviewPromptContext(input: ReviewPromptInput): ReviewPrompt {
  const { scope, carried } = input
  const touched = new Set(carried.touched)
  const dismissed = new Set(carried.dismissed)
  const open = carried.findings.flatMap((f, i) =>
    f.status === 'open' || touched.has(i) ? [{ ...promptFinding(f), lines_changed_since_last_review: touched.has(i) }] : []
  )
  const declined = carried.findings.filter((f, i) => f.status === 'dismissed' || dismissed.has(i)).map(promptFinding)
  const review: ReviewPromptData = sanitizeDeep({
    kind: scope.kind,
    since_commit: scope.kind === 'incremental' ? scope.sinceSha : null,
    open_findings: open,
    dismissed_findings: declined
  })
  if (scope.kind === 'full') {
    return { instructions: `This review covers the whole pull request (${scope.reason}). ${ABOUT_FINDINGS}`, diff: null, review }
  }
  const since = shortSha(scope.sinceSha)
  const instructions =
    `This is an incremental review. Commit ${since} and everything before it was already reviewed; the diff in the event data holds only the changes made since ${since}. ` +
    'Review only those changes; comment on older code only where the new changes break it. ' +
    ABOUT_FINDINGS
  return { instructions, diff: budgetDiff(scope.files, input.maxDiffTokens), review }
}
