import type { Octokit } from '../create-octokit.js'
import type { IssueComment, RepoRef } from '../types.js'

export async function listIssueComments(octokit: Octokit, repo: RepoRef, number: number): Promise<IssueComment[]> {
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...repo,
    issue_number: number,
    per_page: 100
  })
  return comments.map((c) => ({
    id: c.id,
    body: c.body ?? '',
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at,
    htmlUrl: c.html_url
  }))
}
