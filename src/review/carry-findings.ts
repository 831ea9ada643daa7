// Earlier findings brought up to the current head before the agent runs: moved with the lines
// added and removed above them, marked as touched when the new commits changed their lines, and
// silenced when someone who may dismiss findings answered "won't fix", or the thread was resolved.
// A "won't fix" from anyone else (the PR's author without write access) is kept as an opinion. Pure.
import type { ChangedFile } from '../github/types.js'
import { isDismissal } from './is-dismissal.js'
import { buildLineMap, type LineMap } from './map-line-through-diff.js'
import type { ReviewFinding, ReviewThread } from './types.js'

export interface CarryInput {
  /** The findings in the last state. */
  prior: readonly ReviewFinding[]
  /** The action's review threads as they stand now. */
  threads: readonly ReviewThread[]
  /** The delta's files (scope.deltaFiles) for an incremental review; null for a full one (no line mapping). */
  delta: readonly ChangedFile[] | null
}

export interface CarriedFindings {
  /** Every prior finding at its current path and line; touched ones are 'addressed', silenced ones 'dismissed'. */
  findings: ReviewFinding[]
  /**
   * Indexes into findings (ids can repeat: the same text on two lines) of those that were open and
   * whose lines the new commits changed: addressed unless the agent reports them again.
   */
  touched: number[]
  /** Indexes into findings of those that were open and that a person has now resolved or answered "won't fix". */
  dismissed: number[]
  /** "Won't fix" replies on open findings from people who may not dismiss them: shown, not obeyed. */
  opinions: { index: number; author: string; reply: string }[]
}

interface DeltaEntry {
  file: ChangedFile
  map: LineMap | null
}

function deltaIndex(delta: readonly ChangedFile[]): Map<string, DeltaEntry> {
  const index = new Map<string, DeltaEntry>()
  for (const file of delta) {
    const entry = { file, map: file.patch !== undefined ? buildLineMap(file.patch) : null }
    // A finding on a renamed file is found under its old name.
    index.set(file.previousFilename ?? file.filename, entry)
  }
  return index
}

function silencedByPerson(thread: ReviewThread | undefined): boolean {
  if (!thread) return false
  return thread.resolved === true || thread.replies.some((r) => !r.fromAction && r.mayDismiss === true && isDismissal(r.body))
}

/** Dismissal replies that do not count: their authors lack the permission. */
function opinionsIn(thread: ReviewThread | undefined): { author: string; reply: string }[] {
  if (!thread) return []
  return thread.replies
    .filter((r) => !r.fromAction && r.mayDismiss !== true && isDismissal(r.body))
    .map((r) => ({ author: r.author ?? 'someone', reply: r.body }))
}

/** Moves a RIGHT-side finding through its file's delta; `touched` when its lines changed or vanished. */
function moveThrough(finding: ReviewFinding, entry: DeltaEntry | undefined): { finding: ReviewFinding; touched: boolean } {
  if (!entry || finding.side !== 'RIGHT') return { finding, touched: false }
  const { file, map } = entry
  if (file.status === 'removed') return { finding: { ...finding, path: file.filename }, touched: true }
  // No patch (binary, too large): where the line went is unknown, so leave it where it was.
  if (map === null) return { finding: { ...finding, path: file.filename }, touched: false }
  const start = finding.startLine ?? finding.line
  const touched = map.touched(start, finding.line) || map.map(finding.line) === null
  const moved: ReviewFinding = { ...finding, path: file.filename, line: map.approximate(finding.line) }
  if (finding.startLine !== undefined) moved.startLine = Math.min(map.approximate(finding.startLine), moved.line)
  return { finding: moved, touched }
}

export function carryFindings(input: CarryInput): CarriedFindings {
  const threads = new Map(input.threads.map((t) => [t.commentId, t]))
  const delta = input.delta ? deltaIndex(input.delta) : null
  const touched: number[] = []
  const dismissed: number[] = []
  const opinions: CarriedFindings['opinions'] = []
  const findings = input.prior.map((prior, index) => {
    const thread = prior.commentId !== null ? threads.get(prior.commentId) : undefined
    const { finding, touched: changed } = delta ? moveThrough(prior, delta.get(prior.path)) : { finding: prior, touched: false }
    if (prior.status !== 'open') return finding
    if (silencedByPerson(thread)) {
      dismissed.push(index)
      return { ...finding, status: 'dismissed' as const }
    }
    // Without a delta (full review after a force-push) GitHub's own "outdated" is the only sign of change.
    if (changed || (delta === null && thread?.outdated === true)) {
      touched.push(index)
      return { ...finding, status: 'addressed' as const }
    }
    opinions.push(...opinionsIn(thread).map((o) => ({ index, ...o })))
    return finding
  })
  return { findings, touched, dismissed, opinions }
}
