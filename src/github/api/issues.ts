// Issues and the conversation of issues and PRs: comments, labels, reactions.
import type { Octokit } from '../create-octokit.js'
import { hasStatus } from '../request-failure.js'
import type { IssueComment, IssueInfo, ReactionTarget, RepoLabel, RepoRef, WriteResponse } from '../types.js'

export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes'

// GitHub's default grey for labels created without a colour.
const DEFAULT_COLOR = 'ededed'

export async function getIssue(octokit: Octokit, repo: RepoRef, number: number): Promise<IssueInfo> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: number })
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state,
    author: data.user?.login ?? null,
    labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
    isPullRequest: data.pull_request !== undefined && data.pull_request !== null,
    htmlUrl: data.html_url
  }
}

export async function listIssueComments(octokit: Octokit, repo: RepoRef, number: number): Promise<IssueComment[]> {
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: number, per_page: 100 })
  return comments.map((c) => ({
    id: c.id,
    body: c.body ?? '',
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at,
    htmlUrl: c.html_url
  }))
}

export async function createIssueComment(octokit: Octokit, repo: RepoRef, number: number, body: string): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: number, body })
  return { id: Number(data.id), url: data.html_url }
}

export async function updateIssueComment(octokit: Octokit, repo: RepoRef, commentId: number, body: string): Promise<WriteResponse> {
  const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: commentId, body })
  return { id: Number(data.id), url: data.html_url }
}

/** False when the comment was already gone (GitHub answers 404): nothing to remove. */
export async function deleteIssueComment(octokit: Octokit, repo: RepoRef, commentId: number): Promise<boolean> {
  try {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: commentId })
    return true
  } catch (error) {
    if (hasStatus(error, 404)) return false
    throw error
  }
}

export async function addLabels(octokit: Octokit, repo: RepoRef, number: number, labels: string[]): Promise<WriteResponse> {
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repo, issue_number: number, labels })
  return { id: null, url: null }
}

/** False when the label was not on the issue (GitHub answers 404): nothing to undo. */
export async function removeLabel(octokit: Octokit, repo: RepoRef, number: number, label: string): Promise<boolean> {
  try {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { ...repo, issue_number: number, name: label })
    return true
  } catch (error) {
    if (hasStatus(error, 404)) return false
    throw error
  }
}

export async function listRepoLabels(octokit: Octokit, repo: RepoRef): Promise<RepoLabel[]> {
  const labels = await octokit.paginate('GET /repos/{owner}/{repo}/labels', { ...repo, per_page: 100 })
  return labels.map((l) => ({ name: l.name, color: l.color, description: l.description ?? null }))
}

/** Creates the label; one that appeared meanwhile (422 already_exists) is fine too. */
export async function createLabel(octokit: Octokit, repo: RepoRef, name: string, color = DEFAULT_COLOR): Promise<WriteResponse> {
  try {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/labels', { ...repo, name, color })
    return { id: Number(data.id), url: null }
  } catch (error) {
    if (hasStatus(error, 422)) return { id: null, url: null }
    throw error
  }
}

/** `issue`: a comment on an issue or PR conversation; `review`: an inline review comment. */
export async function addReaction(
  octokit: Octokit,
  repo: RepoRef,
  commentId: number,
  target: ReactionTarget,
  content: ReactionContent
): Promise<WriteResponse> {
  const { data } =
    target === 'issue'
      ? await octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...repo, comment_id: commentId, content })
      : await octokit.request('POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions', { ...repo, comment_id: commentId, content })
  return { id: Number(data.id), url: null }
}
