import type { Octokit } from '../create-octokit.js'
import { hasStatus } from '../request-failure.js'
import type { RepoRef } from '../types.js'

/** False when the label was not on the issue (GitHub answers 404): nothing to undo. */
export async function removeLabel(octokit: Octokit, repo: RepoRef, number: number, label: string): Promise<boolean> {
  try {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { ...repo, issue_number: number, name: label })
    return true
  } catch (error) {
    if (hasStatus(error, 404)) return false
    throw error
  }
}
