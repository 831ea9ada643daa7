import { describe, expect, it } from '@jest/globals'
import { dismissPermission } from '../../src/review/review-session.js'

describe('dismissPermission', () => {
  it.each([
    [{}, 'write'],
    [{ permission: 'maintain' }, 'maintain'],
    [{ permission: 'triage' }, 'triage'],
    // A command anyone may run does not let anyone silence a finding.
    [{ permission: 'read' }, 'triage'],
    [{ permission: 'Admin' }, 'write']
  ])('needs %p -> %s to dismiss a finding', (params, needed) => {
    expect(dismissPermission({ params })).toBe(needed)
  })
})
