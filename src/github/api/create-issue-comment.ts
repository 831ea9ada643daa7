import type { Octokit } from '../create-octokit.js'
import type { RepoRef, WriteResponse } from '../types.js'

export async function createIssueComment(octokit: Octokit, repo: RepoRef, number: number, body: string): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: number, body })
  return { id: Number(data.id), url: data.html_url }
}
