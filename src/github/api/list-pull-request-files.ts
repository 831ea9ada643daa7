import type { Octokit } from '../create-octokit.js'
import type { ChangedFile, RepoRef } from '../types.js'

/** Every changed file with its patch; GitHub stops listing at 3,000 files (30 pages of 100). */
export async function listPullRequestFiles(octokit: Octokit, repo: RepoRef, number: number): Promise<ChangedFile[]> {
  const files = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...repo,
    pull_number: number,
    per_page: 100
  })
  return files.map((f) => {
    const file: ChangedFile = { filename: f.filename, status: f.status, additions: f.additions, deletions: f.deletions, changes: f.changes }
    if (f.patch !== undefined) file.patch = f.patch
    if (f.previous_filename !== undefined) file.previousFilename = f.previous_filename
    return file
  })
}
