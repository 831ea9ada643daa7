// Where an old line is after a diff: the same line shifted by what was added and removed above it,
// or gone. The patch walk (which lines of a hunk were removed, added, kept) is diff-hunks.ts's
// walkPatch, the same grammar the review anchor check uses. Pure.
import { walkPatch, type PatchHunk } from '../github/diff-hunks.js'

export interface LineMap {
  /** The new line of an old one; null when the old line was removed. */
  map(oldLine: number): number | null
  /** Like map, but a removed line gives the new line where it stood (for a finding's new neighbourhood). */
  approximate(oldLine: number): number
  /** Did the diff remove a line in start..end, or add one between them? */
  touched(start: number, end: number): boolean
}

/** End of a hunk on each side: the first line after it. */
function endOf(hunk: PatchHunk): { oldEnd: number; newEnd: number } {
  let oldEnd = hunk.oldStart
  let newEnd = hunk.newStart
  for (const { op } of hunk.steps) {
    if (op !== '+') oldEnd++
    if (op !== '-') newEnd++
  }
  return { oldEnd, newEnd }
}

export function buildLineMap(patch: string): LineMap {
  const hunks = walkPatch(patch).map((h) => ({ ...h, ...endOf(h) }))

  /** The new line, or { removedAt } with the new line where the removed old line stood. */
  function locate(oldLine: number): number | { removedAt: number } {
    let offset = 0
    for (const hunk of hunks) {
      if (oldLine < hunk.oldStart) break
      if (oldLine < hunk.oldEnd) {
        const step = hunk.steps.find((s) => s.op !== '+' && s.oldLine === oldLine)
        if (step) return step.op === '-' ? { removedAt: step.newLine } : step.newLine
      }
      offset = hunk.newEnd - hunk.oldEnd
    }
    return oldLine + offset
  }

  return {
    map(oldLine) {
      const at = locate(oldLine)
      return typeof at === 'number' ? at : null
    },
    approximate(oldLine) {
      const at = locate(oldLine)
      return Math.max(1, typeof at === 'number' ? at : at.removedAt)
    },
    touched(start, end) {
      const [from, to] = start <= end ? [start, end] : [end, start]
      return hunks.some((h) =>
        h.steps.some((s) => (s.op === '-' && s.oldLine >= from && s.oldLine <= to) || (s.op === '+' && s.oldLine > from && s.oldLine <= to))
      )
    }
  }
}

/** The new line of `oldLine` after `patch` (a file's unified diff), or null when it was removed. */
export function mapLineThroughDiff(patch: string, oldLine: number): number | null {
  return buildLineMap(patch).map(oldLine)
}
