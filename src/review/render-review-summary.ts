// The one summary comment per PR and agent, updated in place: how far the review has got, the
// findings and their state, what this run did, and (hidden) the state the next run starts from.
// Pure.
import { markerBlock } from '../github/comment-marker.js'
import { codeSpan } from '../github/markdown-escape.js'
import type { ReviewScope } from './plan-review-scope.js'
import { reviewStateKey, storedReviewState, type ReviewState } from './review-state.js'
import { shortSha } from './short-sha.js'
import type { FindingStatus, ReviewFinding } from './types.js'

/** Findings listed in the comment; the rest are counted (the state keeps them all). */
export const LISTED_FINDINGS = 50

export interface RunCounts {
  /** New inline comments posted. */
  posted: number
  /** Comments the agent proposed that were not posted because they repeat a finding. */
  repeats: number
  /** Threads marked as addressed. */
  addressed: number
}

export interface ReviewSummaryInput {
  agentName: string
  /** `owner/repo`. */
  repository: string
  prNumber: number
  /** GITHUB_SERVER_URL; https://github.com when absent. */
  serverUrl?: string
  /** After a review: nextReviewState's result. After a skip: the state as read (null when there is none). */
  state: ReviewState | null
  scope: ReviewScope
  /** What happened to the agent's comments, when a review ran. */
  run?: RunCounts
  /** readReviewState's note about an unreadable earlier state. */
  stateNote?: string | null
  /** Seals the stored state (the state-key input); null or absent: stored unsealed. */
  stateKey?: string | null
  /** Replies that asked to let a finding go from someone who may not dismiss it: shown, not obeyed. */
  opinions?: readonly FindingOpinion[]
}

/** A "won't fix" from someone below the permission that dismisses a finding (often the PR's author). */
export interface FindingOpinion {
  author: string
  path: string
  line: number
  /** The reply, as written. */
  reply: string
  /** The permission a dismissal needs, for the note. */
  needs: string
}

export interface ReviewSummary {
  /** Marker key: the comment to update is the action's own comment carrying this key. */
  key: string
  /** Visible text, without the marker: for publisher.upsertComment(number, key, body, state). */
  body: string
  /** The marker state (encodeReviewState), or undefined when there is none to keep. */
  state: unknown
  /** body followed by the marker block, for writers that do not add the marker themselves. */
  text: string
}

const ORDER: FindingStatus[] = ['open', 'addressed', 'dismissed']

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** One line of safe Markdown: no raw HTML, no line breaks. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').trim()
}

function findingLine(finding: ReviewFinding, prUrl: string): string {
  const lines = finding.startLine !== undefined ? `${finding.startLine}-${finding.line}` : `${finding.line}`
  const where = codeSpan(`${finding.path}:${lines}${finding.side === 'LEFT' ? ' (old)' : ''}`)
  const place = finding.commentId !== null ? `[${where}](${prUrl}#discussion_r${finding.commentId})` : where
  return `- **${finding.status}** ${place} — ${inline(finding.summary)}`
}

function thisRun(scope: ReviewScope, run: RunCounts | undefined): string {
  const did = run
    ? ` ${plural(run.posted, 'new finding')} posted` +
      (run.repeats ? `, ${plural(run.repeats, 'repeat')} of earlier findings not posted` : '') +
      (run.addressed ? `, ${plural(run.addressed, 'finding')} marked as addressed` : '') +
      '.'
    : ''
  if (scope.kind === 'skip') return `**This run:** skipped (no model call): ${scope.reason}.`
  if (scope.kind === 'full') return `**This run:** full review: ${scope.reason}.${did}`
  return `**This run:** incremental review since \`${shortSha(scope.sinceSha)}\`: ${scope.reason}.${did}`
}

export function renderReviewSummary(input: ReviewSummaryInput): ReviewSummary {
  const key = reviewStateKey(input.agentName)
  const server = (input.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
  const prUrl = `${server}/${input.repository}/pull/${input.prNumber}`
  const { state } = input
  const parts = [`### Review by ${inline(input.agentName)}`]
  if (state === null) {
    parts.push('No review has run on this pull request yet.')
  } else {
    const count = (status: FindingStatus): number => state.findings.filter((f) => f.status === status).length
    const dismissed = count('dismissed')
    parts.push(
      `Reviewed up to [\`${shortSha(state.headSha)}\`](${prUrl}/commits/${state.headSha}) · ` +
        `**${count('open')}** open finding${count('open') === 1 ? '' : 's'} · **${count('addressed')}** resolved` +
        (dismissed ? ` · **${dismissed}** dismissed` : '')
    )
  }
  parts.push(thisRun(input.scope, input.run))
  if (input.stateNote) parts.push(`_${inline(input.stateNote)}_`)
  if (input.opinions && input.opinions.length > 0) {
    const lines = input.opinions.map((o) => `- @${inline(o.author)} on \`${inline(o.path).replace(/`/g, "'")}:${o.line}\`: “${inline(o.reply).slice(0, 200)}”`)
    const needs = input.opinions[0]?.needs ?? 'write'
    parts.push(`**Opinions, not dismissals** (dismissing a finding needs ${needs} permission; these stay open):\n\n${lines.join('\n')}`)
  }
  if (state !== null && state.findings.length > 0) {
    const ordered = ORDER.flatMap((status) => state.findings.filter((f) => f.status === status))
    const listed = ordered.slice(0, LISTED_FINDINGS).map((f) => findingLine(f, prUrl))
    if (ordered.length > LISTED_FINDINGS) listed.push(`- …and ${ordered.length - LISTED_FINDINGS} more`)
    parts.push(`<details><summary>Findings (${ordered.length})</summary>\n\n${listed.join('\n')}\n\n</details>`)
  }
  const body = parts.join('\n\n')
  const encoded = state === null ? undefined : storedReviewState(key, state, input.stateKey ?? null)
  return { key, body, state: encoded, text: `${body}\n\n${markerBlock(key, encoded)}` }
}
