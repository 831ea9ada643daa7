import type { Octokit } from '../create-octokit.js'
import type { CheckRunUpdate, RepoRef, WriteResponse } from '../types.js'

export async function updateCheckRun(octokit: Octokit, repo: RepoRef, checkRunId: number, update: CheckRunUpdate): Promise<WriteResponse> {
  const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: checkRunId, ...update })
  return { id: Number(data.id), url: data.html_url ?? null }
}
