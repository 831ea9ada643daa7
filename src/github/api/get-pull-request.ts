import type { Octokit } from '../create-octokit.js'
import type { PullRequestInfo, RepoRef } from '../types.js'

export async function getPullRequest(octokit: Octokit, repo: RepoRef, number: number): Promise<PullRequestInfo> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number })
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state,
    draft: data.draft ?? false,
    author: data.user?.login ?? null,
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseRef: data.base.ref,
    labels: data.labels.map((l) => l.name),
    htmlUrl: data.html_url
  }
}
