import type { Octokit } from '../create-octokit.js'
import type { RepoRef, WriteResponse } from '../types.js'

export async function addLabels(octokit: Octokit, repo: RepoRef, number: number, labels: string[]): Promise<WriteResponse> {
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repo, issue_number: number, labels })
  return { id: null, url: null }
}
