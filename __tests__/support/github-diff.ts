// Which lines of a unified-diff patch a review comment may anchor to, the way GitHub resolves them:
// RIGHT = context and added lines (new file numbers), LEFT = context and deleted lines (old file
// numbers); `position` counts every line after the first hunk header, later headers included.

export interface DiffAnchor {
  /** 1-based position in the patch (GitHub's legacy `position`). */
  position: number
  /** Index of the hunk the line belongs to; a multi-line comment must stay inside one hunk. */
  hunk: number
}

export interface DiffMap {
  left: Map<number, DiffAnchor>
  right: Map<number, DiffAnchor>
  /** Position → the side and line found there (for comments given by position). */
  byPosition: Map<number, { side: 'LEFT' | 'RIGHT'; line: number; hunk: number }>
  additions: number
  deletions: number
  /** The hunk text up to each position, as GitHub returns in a review comment's `diff_hunk`. */
  hunkTextAt(position: number): string
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/

export function parsePatch(patch: string | undefined): DiffMap {
  const left = new Map<number, DiffAnchor>()
  const right = new Map<number, DiffAnchor>()
  const byPosition = new Map<number, { side: 'LEFT' | 'RIGHT'; line: number; hunk: number }>()
  const lines = (patch ?? '').split('\n')
  const hunkStarts: number[] = []
  const lineIndexAt = new Map<number, number>()
  let position = 0
  let hunk = -1
  let oldLine = 0
  let newLine = 0
  let additions = 0
  let deletions = 0
  lines.forEach((text, index) => {
    const header = HUNK_HEADER.exec(text)
    if (header) {
      if (hunk >= 0) position += 1
      hunk += 1
      hunkStarts.push(index)
      oldLine = Number(header[1])
      newLine = Number(header[2])
      return
    }
    // Text before the first header, or git's "\ No newline at end of file" marker, anchors nothing.
    if (hunk < 0 || text.startsWith('\\')) return
    if (index === lines.length - 1 && text === '') return
    position += 1
    lineIndexAt.set(position, index)
    if (text.startsWith('+')) {
      additions += 1
      right.set(newLine, { position, hunk })
      byPosition.set(position, { side: 'RIGHT', line: newLine, hunk })
      newLine += 1
    } else if (text.startsWith('-')) {
      deletions += 1
      left.set(oldLine, { position, hunk })
      byPosition.set(position, { side: 'LEFT', line: oldLine, hunk })
      oldLine += 1
    } else {
      right.set(newLine, { position, hunk })
      left.set(oldLine, { position, hunk })
      byPosition.set(position, { side: 'RIGHT', line: newLine, hunk })
      oldLine += 1
      newLine += 1
    }
  })
  const hunkTextAt = (pos: number): string => {
    const found = byPosition.get(pos)
    const lineIndex = lineIndexAt.get(pos)
    if (!found || lineIndex === undefined) return ''
    return lines.slice(hunkStarts[found.hunk] ?? 0, lineIndex + 1).join('\n')
  }
  return { left, right, byPosition, additions, deletions, hunkTextAt }
}
