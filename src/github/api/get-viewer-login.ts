import type { Octokit } from '../create-octokit.js'

/**
 * The login behind the token, or null when GitHub will not say: installation tokens (GITHUB_TOKEN,
 * GitHub App tokens) get 403 from GET /user.
 */
export async function getViewerLogin(octokit: Octokit): Promise<string | null> {
  try {
    const { data } = await octokit.request('GET /user')
    return data.login
  } catch {
    return null
  }
}
