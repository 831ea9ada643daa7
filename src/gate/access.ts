// What the gate asks GitHub about a person: their role on the repository and their teams. The
// GitHub port answers; the gate only reads the answers.
import type { Permission } from '../shared/permission.js'

export type PermissionLookup = { permission: Permission } | { permission: null; error: string }

export type MembershipLookup = { member: boolean } | { member: null; error: string }

export interface AccessLookups {
  /** The login's real role on the repository; `none` for someone with no access. */
  getSenderPermission(login: string): Promise<PermissionLookup>
  /** Membership of `org/slug`; null with the reason when the token cannot tell. */
  getTeamMembership(team: string, login: string): Promise<MembershipLookup>
}

/**
 * Lookups that answer `permission` for any sender without asking GitHub (replay has no token);
 * team memberships still come from `teams` when there is one.
 */
export function standInPermission(permission: Permission, teams: AccessLookups | null): AccessLookups {
  return {
    getSenderPermission: async () => ({ permission }),
    getTeamMembership: (team, login) =>
      teams ? teams.getTeamMembership(team, login) : Promise.resolve({ member: null, error: 'no github-token to read team membership' })
  }
}
