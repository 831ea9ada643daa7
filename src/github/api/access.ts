// Who someone is to the repository: their role, their teams, and the identity behind the token.
import type { MembershipLookup, PermissionLookup } from '../../gate/access.js'
import { permissionFromApi, type CollaboratorPermission } from '../../shared/permission.js'
import type { Octokit } from '../create-octokit.js'
import type { RepoRef } from '../types.js'
import { errorMessage } from '../../shared/errors.js'

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status
}

/**
 * The sender's real role on the repository (collaborator-permission API). `author_association`
 * is not enough: MEMBER of the org says nothing about write access to this repository.
 */
export async function getSenderPermission(octokit: Octokit, repo: RepoRef, login: string): Promise<PermissionLookup> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username: login })
    return { permission: permissionFromApi(data as CollaboratorPermission) }
  } catch (error) {
    const status = statusOf(error)
    if (status === 404) return { permission: 'none' }
    return { permission: null, error: `GitHub answered ${status ?? 'an error'}: ${errorMessage(error)}` }
  }
}

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
    const status = statusOf(error)
    if (status === 404) return { member: false }
    return {
      member: null,
      error:
        status === 403 || status === 401
          ? `the token cannot read membership of team:${team} (the default GITHUB_TOKEN cannot read organisation teams; pass a token with read:org as github-token)`
          : `membership of team:${team} could not be read: ${errorMessage(error)}`
    }
  }
}

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
