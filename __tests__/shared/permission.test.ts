import { describe, expect, it } from '@jest/globals'
import { atLeast, permissionFromApi, type CollaboratorPermission, type Permission } from '../../src/shared/permission.js'

const flags = (on: string[]) => ({
  admin: on.includes('admin'),
  maintain: on.includes('maintain'),
  push: on.includes('push'),
  triage: on.includes('triage'),
  pull: on.includes('pull')
})

describe('permissionFromApi', () => {
  it.each<[string, CollaboratorPermission, Permission]>([
    [
      'takes a standard role_name as it is',
      { permission: 'write', role_name: 'maintain', user: { permissions: flags(['maintain', 'push', 'triage', 'pull']) } },
      'maintain'
    ],
    ['takes triage from role_name, where the legacy value says read', { permission: 'read', role_name: 'triage' }, 'triage'],
    [
      'ranks a custom role built on maintain by its flags, not as the legacy write',
      { permission: 'write', role_name: 'release-manager', user: { permissions: flags(['maintain', 'push', 'triage', 'pull']) } },
      'maintain'
    ],
    [
      'ranks a custom role built on triage by its flags, not as the legacy read',
      { permission: 'read', role_name: 'security-auditor', user: { permissions: flags(['triage', 'pull']) } },
      'triage'
    ],
    ['ranks a custom role with push as write', { permission: 'write', role_name: 'deployer', user: { permissions: flags(['push', 'pull']) } }, 'write'],
    ['ranks a custom role with only pull as read', { permission: 'read', role_name: 'viewer', user: { permissions: flags(['pull']) } }, 'read'],
    [
      'ranks a custom role with admin as admin',
      { permission: 'admin', role_name: 'owner-ish', user: { permissions: flags(['admin', 'maintain', 'push', 'triage', 'pull']) } },
      'admin'
    ],
    ['ranks no flag set as none', { permission: 'none', role_name: 'odd', user: { permissions: flags([]) } }, 'none'],
    [
      'reads maintain as absent when GitHub leaves the optional flags out',
      { permission: 'write', role_name: 'custom', user: { permissions: { admin: false, push: true, pull: true } } },
      'write'
    ],
    ['falls back to the legacy value for a custom role without flags', { permission: 'write', role_name: 'custom', user: null }, 'write'],
    ['reads an answer with nothing known as none', {}, 'none']
  ])('%s', (_name, data, expected) => {
    expect(permissionFromApi(data)).toBe(expected)
  })
})

describe('atLeast', () => {
  it.each<[Permission, Permission, boolean]>([
    ['admin', 'maintain', true],
    ['maintain', 'write', true],
    ['write', 'maintain', false],
    ['triage', 'read', true],
    ['read', 'triage', false],
    ['none', 'read', false],
    ['write', 'write', true]
  ])('%s is at least %s: %s', (actual, required, expected) => {
    expect(atLeast(actual, required)).toBe(expected)
  })
})
