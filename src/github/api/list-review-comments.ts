import type { Octokit } from '../create-octokit.js'
import type { DiffSide, RepoRef } from '../types.js'

/** One inline review comment of a pull request (a thread's first comment, or a reply in it). */
export interface PullReviewComment {
  id: number
  /** The review it was submitted with. */
  reviewId: number | null
  /** The thread's first comment when this is a reply; null for a thread's first comment. */
  inReplyToId: number | null
  path: string
  /** The line on the current head; null when GitHub sees the commented lines changed (outdated). */
  line: number | null
  /** The line when the comment was made. */
  originalLine: number | null
  side: DiffSide | null
  body: string
  author: string | null
  /** `User`, `Bot`, `Organization`. */
  authorType: string | null
  createdAt: string
}

/** Every review comment of the pull request, oldest first. */
export async function listReviewComments(octokit: Octokit, repo: RepoRef, number: number): Promise<PullReviewComment[]> {
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', {
    ...repo,
    pull_number: number,
    per_page: 100
  })
  return comments.map((c) => ({
    id: c.id,
    reviewId: c.pull_request_review_id ?? null,
    inReplyToId: c.in_reply_to_id ?? null,
    path: c.path,
    line: c.line ?? null,
    originalLine: c.original_line ?? null,
    side: c.side ?? null,
    body: c.body ?? '',
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at
  }))
}
