// Check runs on a commit.
import type { Octokit } from '../create-octokit.js'
import type { CheckRunCreate, CheckRunUpdate, RepoRef, WriteResponse } from '../types.js'

export async function createCheckRun(octokit: Octokit, repo: RepoRef, run: CheckRunCreate): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, ...run })
  return { id: Number(data.id), url: data.html_url ?? null }
}

export async function updateCheckRun(octokit: Octokit, repo: RepoRef, checkRunId: number, update: CheckRunUpdate): Promise<WriteResponse> {
  const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: checkRunId, ...update })
  return { id: Number(data.id), url: data.html_url ?? null }
}
