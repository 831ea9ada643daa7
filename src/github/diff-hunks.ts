// Which lines of a pull request can carry an inline comment: those shown in a hunk, per side.
// GitHub answers 422 for a review whose comment points elsewhere, losing the whole review.

import type { ChangedFile, DiffSide } from './types.js'

/** Inclusive line range of one hunk on one side; a side with no lines in the hunk has none. */
export interface LineRange {
  start: number
  end: number
}

export interface Hunk {
  left: LineRange | null
  right: LineRange | null
}

/** Per file: its hunks, or null when the file changed but GitHub sent no patch (binary, too large). */
export type DiffIndex = Map<string, Hunk[] | null>

export interface CommentAnchor {
  path: string
  line: number
  side: DiffSide
  start_line?: number
  start_side?: DiffSide
}

export type AnchorCheck = { ok: true } | { ok: false; reason: string }

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/** One line a patch shows, with its line number on each side ('+' lines: the old line that follows). */
export interface PatchStep {
  /** ' ' context, '-' removed, '+' added. */
  op: ' ' | '-' | '+'
  oldLine: number
  newLine: number
}

export interface PatchHunk {
  /** First old / new line the hunk's body starts at. */
  oldStart: number
  newStart: number
  steps: PatchStep[]
}

function extend(range: LineRange | null, line: number): LineRange {
  return range === null ? { start: line, end: line } : { start: range.start, end: line }
}

/**
 * Walks the hunk bodies instead of trusting header counts, so a patch GitHub cut short still yields
 * only the lines it really shows. Shared by the anchor check here and by review/map-line-through-diff.ts.
 */
export function walkPatch(patch: string): PatchHunk[] {
  const hunks: PatchHunk[] = []
  let current: PatchHunk | null = null
  let oldLine = 0
  let newLine = 0
  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text)
    if (header) {
      // A side with count 0 names the line *before* the hunk (`@@ -5,0 +6,2 @@` inserts after old 5).
      oldLine = Number(header[1]) + (header[2] === '0' ? 1 : 0)
      newLine = Number(header[3]) + (header[4] === '0' ? 1 : 0)
      current = { oldStart: oldLine, newStart: newLine, steps: [] }
      hunks.push(current)
      continue
    }
    const op = text[0]
    // `\ No newline at end of file` and the empty string after a final newline show no line.
    if (current === null || (op !== ' ' && op !== '-' && op !== '+')) continue
    current.steps.push({ op, oldLine, newLine })
    if (op !== '+') oldLine++
    if (op !== '-') newLine++
  }
  return hunks
}

/** Each hunk's line ranges: context lines count on both sides, `-` on the left, `+` on the right. */
export function parsePatch(patch: string): Hunk[] {
  return walkPatch(patch).map(({ steps }) => {
    const hunk: Hunk = { left: null, right: null }
    for (const step of steps) {
      if (step.op !== '+') hunk.left = extend(hunk.left, step.oldLine)
      if (step.op !== '-') hunk.right = extend(hunk.right, step.newLine)
    }
    return hunk
  })
}

export function buildDiffIndex(files: ChangedFile[]): DiffIndex {
  const index: DiffIndex = new Map()
  for (const file of files) index.set(file.filename, file.patch ? parsePatch(file.patch) : null)
  return index
}

function inRange(range: LineRange | null, line: number): boolean {
  return range !== null && line >= range.start && line <= range.end
}

function pick(hunk: Hunk, side: DiffSide): LineRange | null {
  return side === 'LEFT' ? hunk.left : hunk.right
}

/** Is this inline comment (one line, or start_line..line) inside a single hunk of the diff? */
export function checkAnchor(index: DiffIndex, anchor: CommentAnchor): AnchorCheck {
  if (!index.has(anchor.path)) return { ok: false, reason: `${anchor.path} is not changed in this pull request` }
  const hunks = index.get(anchor.path)
  if (!hunks) return { ok: false, reason: `${anchor.path} has no textual diff (binary or too large)` }
  const startSide = anchor.start_side ?? anchor.side
  if (anchor.start_line !== undefined && startSide === anchor.side && anchor.start_line > anchor.line) {
    return { ok: false, reason: `start_line ${anchor.start_line} is after line ${anchor.line}` }
  }
  const hunk = hunks.find((h) => inRange(pick(h, anchor.side), anchor.line))
  if (!hunk) return { ok: false, reason: `line ${anchor.line} (${anchor.side}) is outside the diff of ${anchor.path}` }
  if (anchor.start_line !== undefined && !inRange(pick(hunk, startSide), anchor.start_line)) {
    return { ok: false, reason: `lines ${anchor.start_line}-${anchor.line} of ${anchor.path} are not inside one hunk of the diff` }
  }
  return { ok: true }
}
