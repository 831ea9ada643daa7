import type { Octokit } from '../create-octokit.js'
import type { RepoLabel, RepoRef } from '../types.js'

export async function listRepoLabels(octokit: Octokit, repo: RepoRef): Promise<RepoLabel[]> {
  const labels = await octokit.paginate('GET /repos/{owner}/{repo}/labels', { ...repo, per_page: 100 })
  return labels.map((l) => ({ name: l.name, color: l.color, description: l.description ?? null }))
}
