import type { Octokit } from '../create-octokit.js'
import type { RepoRef, WriteResponse } from '../types.js'

export async function updateIssueComment(octokit: Octokit, repo: RepoRef, commentId: number, body: string): Promise<WriteResponse> {
  const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: commentId, body })
  return { id: Number(data.id), url: data.html_url }
}
