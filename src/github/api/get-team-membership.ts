import type { Octokit } from '../create-octokit.js'

export type MembershipLookup = { member: boolean } | { member: null; error: string }

/**
 * `team:org/slug` in allowed_users or approvers. An installation's GITHUB_TOKEN cannot read
 * organisation teams: that answer is a clear message, and the check fails closed.
 */
export async function getTeamMembership(octokit: Octokit, team: string, login: string): Promise<MembershipLookup> {
  const [org, slug] = team.split('/')
  if (!org || !slug) return { member: null, error: `team:${team} must be team:org/slug` }
  try {
    const { data } = await octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login })
    return { member: (data as { state?: string }).state === 'active' }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 404) return { member: false }
    return {
      member: null,
      error:
        status === 403 || status === 401
          ? `the token cannot read membership of team:${team} (the default GITHUB_TOKEN cannot read organisation teams; pass a token with read:org as github-token)`
          : `membership of team:${team} could not be read: ${error instanceof Error ? error.message : String(error)}`
    }
  }
}
