/** GitHub repository roles, weakest first. */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value)
}

export function atLeast(actual: Permission, required: Permission): boolean {
  return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(required)
}

/** What the collaborator-permission API answers (GitHub's `repository-collaborator-permission`). */
export interface CollaboratorPermission {
  /** Legacy: admin, write, read or none (maintain reads as write, triage as read). */
  permission?: string
  /** The role's name: one of the five standard roles, or the name of a custom role. */
  role_name?: string
  user?: { permissions?: Partial<Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>> } | null
}

// The five roles a repository can grant; `none` is never a role_name GitHub gives.
const STANDARD_ROLES: readonly Permission[] = ['read', 'triage', 'write', 'maintain', 'admin']

/** A custom role's rank is the strongest standard role whose flag it carries. */
function rankFlags(flags: NonNullable<NonNullable<CollaboratorPermission['user']>['permissions']>): Permission {
  if (flags.admin) return 'admin'
  if (flags.maintain) return 'maintain'
  if (flags.push) return 'write'
  if (flags.triage) return 'triage'
  if (flags.pull) return 'read'
  return 'none'
}

/**
 * The sender's rank. A standard `role_name` says it exactly. A custom role's name says nothing we
 * can rank, and the legacy `permission` under-ranks it (maintain reads as write, triage as read), so
 * the `user.permissions` flags decide; only without them does the legacy value stand.
 */
export function permissionFromApi(data: CollaboratorPermission): Permission {
  if (typeof data.role_name === 'string' && STANDARD_ROLES.includes(data.role_name as Permission)) return data.role_name as Permission
  const flags = data.user?.permissions
  if (flags && typeof flags === 'object') return rankFlags(flags)
  if (isPermission(data.permission)) return data.permission
  return 'none'
}
