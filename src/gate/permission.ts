/** GitHub repository roles, weakest first. */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value)
}

export function atLeast(actual: Permission, required: Permission): boolean {
  return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(required)
}

/**
 * The collaborator-permission API answers a legacy `permission` (admin|write|read|none) and a
 * `role_name` that also knows maintain and triage (and custom roles, which we cannot rank: they
 * fall back to the legacy value).
 */
export function permissionFromApi(data: { permission?: string; role_name?: string }): Permission {
  if (isPermission(data.role_name)) return data.role_name
  if (isPermission(data.permission)) return data.permission
  return 'none'
}
