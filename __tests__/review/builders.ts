// Scenario builders for the review tests: plain data as the shell would fetch it.
import type { DraftComment } from '../../src/github/plan-review.js'
import type { ChangedFile } from '../../src/github/types.js'
import { findingId, summarizeFinding } from '../../src/review/finding-text.js'
import type { ReviewState } from '../../src/review/review-state.js'
import type { ReviewFinding, ReviewThread } from '../../src/review/types.js'

export const OLD_HEAD = 'a'.repeat(7) + '1'.repeat(33)
export const NEW_HEAD = 'b'.repeat(7) + '2'.repeat(33)
export const BASE = 'c'.repeat(40)

export function changed(filename: string, patch?: string, extra: Partial<ChangedFile> = {}): ChangedFile {
  return { filename, status: 'modified', additions: 1, deletions: 1, changes: 2, ...(patch !== undefined ? { patch } : {}), ...extra }
}

export function finding(path: string, line: number, body: string, extra: Partial<ReviewFinding> = {}): ReviewFinding {
  return { id: findingId(path, body), path, line, side: 'RIGHT', summary: summarizeFinding(body), status: 'open', commentId: null, ...extra }
}

export function comment(path: string, line: number, body: string, extra: Partial<DraftComment> = {}): DraftComment {
  return { path, line, body, ...extra }
}

/** Replies by alice, who may dismiss findings unless `mayDismiss: false` says otherwise. */
export function thread(
  commentId: number,
  replies: { body: string; fromAction?: boolean; mayDismiss?: boolean; author?: string }[] = [],
  extra: Partial<ReviewThread> = {}
): ReviewThread {
  return {
    commentId,
    replies: replies.map((r) => ({
      author: r.author ?? (r.fromAction ? 'github-actions[bot]' : 'alice'),
      body: r.body,
      fromAction: r.fromAction ?? false,
      mayDismiss: r.mayDismiss ?? !r.fromAction
    })),
    ...extra
  }
}

export function state(extra: Partial<ReviewState> = {}): ReviewState {
  return { version: 2, headSha: OLD_HEAD, baseSha: BASE, findings: [], reviews: [], ...extra }
}

/** A patch that inserts `count` lines after old line `after`, with 3 lines of context each side. */
export function insertion(after: number, count: number): string {
  const lines = [`@@ -${after - 2},6 +${after - 2},${6 + count} @@`]
  for (let l = after - 2; l <= after; l++) lines.push(` line ${l}`)
  for (let i = 0; i < count; i++) lines.push(`+inserted ${i}`)
  for (let l = after + 1; l <= after + 3; l++) lines.push(` line ${l}`)
  return lines.join('\n')
}
