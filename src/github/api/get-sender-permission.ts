import { permissionFromApi, type CollaboratorPermission, type Permission } from '../../gate/permission.js'
import type { Octokit } from '../create-octokit.js'
import type { RepoRef } from '../types.js'

export type PermissionLookup = { permission: Permission } | { permission: null; error: string }

/**
 * The sender's real role on the repository (collaborator-permission API). `author_association`
 * is not enough: MEMBER of the org says nothing about write access to this repository.
 */
export async function getSenderPermission(octokit: Octokit, repo: RepoRef, login: string): Promise<PermissionLookup> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username: login })
    return { permission: permissionFromApi(data as CollaboratorPermission) }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 404) return { permission: 'none' }
    return { permission: null, error: `GitHub answered ${status ?? 'an error'}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
