import type { Octokit } from '../create-octokit.js'
import { hasStatus } from '../request-failure.js'
import type { RepoRef, WriteResponse } from '../types.js'

// GitHub's default grey for labels created without a colour.
const DEFAULT_COLOR = 'ededed'

/** Creates the label; one that appeared meanwhile (422 already_exists) is fine too. */
export async function createLabel(octokit: Octokit, repo: RepoRef, name: string, color = DEFAULT_COLOR): Promise<WriteResponse> {
  try {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/labels', { ...repo, name, color })
    return { id: Number(data.id), url: null }
  } catch (error) {
    if (hasStatus(error, 422)) return { id: null, url: null }
    throw error
  }
}
