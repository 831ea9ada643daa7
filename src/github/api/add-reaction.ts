import type { Octokit } from '../create-octokit.js'
import type { ReactionTarget, RepoRef, WriteResponse } from '../types.js'

export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes'

/** `issue`: a comment on an issue or PR conversation; `review`: an inline review comment. */
export async function addReaction(octokit: Octokit, repo: RepoRef, commentId: number, target: ReactionTarget, content: ReactionContent): Promise<WriteResponse> {
  const { data } =
    target === 'issue'
      ? await octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...repo, comment_id: commentId, content })
      : await octokit.request('POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions', { ...repo, comment_id: commentId, content })
  return { id: Number(data.id), url: null }
}
