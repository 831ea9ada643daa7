import type { Octokit } from '../create-octokit.js'
import type { CheckRunCreate, RepoRef, WriteResponse } from '../types.js'

export async function createCheckRun(octokit: Octokit, repo: RepoRef, run: CheckRunCreate): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, ...run })
  return { id: Number(data.id), url: data.html_url ?? null }
}
