import type { Octokit } from '../create-octokit.js'
import type { RepoRef, WriteResponse } from '../types.js'

/** A reply in the thread of an inline review comment (GitHub attaches a reply to a reply to the thread's root). */
export async function createReviewCommentReply(octokit: Octokit, repo: RepoRef, number: number, commentId: number, body: string): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', {
    ...repo,
    pull_number: number,
    comment_id: commentId,
    body
  })
  return { id: Number(data.id), url: data.html_url }
}
