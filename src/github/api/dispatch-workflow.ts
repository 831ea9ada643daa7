import type { Octokit } from '../create-octokit.js'
import type { RepoRef } from '../types.js'

/**
 * `workflow_dispatch` for a flow's deploy step: the deploy itself stays a workflow the repository
 * owns (its environments, secrets and approvals), the flow only starts it. Needs `actions: write`.
 */
export async function dispatchWorkflow(octokit: Octokit, repo: RepoRef, workflow: string, ref: string, inputs: Record<string, string>): Promise<string> {
  await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { ...repo, workflow_id: workflow, ref, inputs })
  return `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${repo.owner}/${repo.repo}/actions/workflows/${encodeURIComponent(workflow)}`
}
