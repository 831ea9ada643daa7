import type { Octokit } from '../create-octokit.js'
import { hasStatus } from '../request-failure.js'
import type { ChangedFile, RepoRef } from '../types.js'

/** GitHub lists at most this many files of a comparison; a full page means the list may be cut. */
export const COMPARE_FILE_LIMIT = 300

export type CompareStatus = 'ahead' | 'behind' | 'diverged' | 'identical'

/** `base...head` as plain data; `found: false` when GitHub answers 404 (a commit is gone, or no common history). */
export type CommitComparison =
  | { found: false }
  | { found: true; status: CompareStatus; files: ChangedFile[]; truncated: boolean }

const STATUSES: readonly string[] = ['ahead', 'behind', 'diverged', 'identical']

/** The files changed from `base` to `head` with their patches, in one request. */
export async function compareCommits(octokit: Octokit, repo: RepoRef, base: string, head: string): Promise<CommitComparison> {
  try {
    // per_page pages the commits only; the file list (up to 300) always comes whole on page 1.
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{base}...{head}', { ...repo, base, head, per_page: 1 })
    const files = (data.files ?? []).map((f) => {
      const file: ChangedFile = { filename: f.filename, status: f.status, additions: f.additions, deletions: f.deletions, changes: f.changes }
      if (f.patch !== undefined) file.patch = f.patch
      if (f.previous_filename !== undefined) file.previousFilename = f.previous_filename
      return file
    })
    // An unknown status is treated like a rewrite: the caller then reviews everything.
    const status = (STATUSES.includes(data.status) ? data.status : 'diverged') as CompareStatus
    return { found: true, status, files, truncated: files.length >= COMPARE_FILE_LIMIT }
  } catch (error) {
    if (hasStatus(error, 404)) return { found: false }
    throw error
  }
}
