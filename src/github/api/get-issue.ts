import type { Octokit } from '../create-octokit.js'
import type { IssueInfo, RepoRef } from '../types.js'

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
