import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { canonicalJson } from '../../src/shared/canonical-json.js'
import { sealState, unsealState } from '../../src/github/state-seal.js'

const KEY = 'unit-test-state-key-0123456789'
const state = { v: 2, requester: 'alice', approvers: ['bob'], nested: { b: 1, a: [1, 2] } }

describe('state seal (HMAC-SHA256 keyed by state-key)', () => {
  it('checks and removes its own seal, whatever the order of keys', () => {
    const sealed = sealState('approval/1', state, KEY)
    expect(sealed.mac).toMatch(/^[0-9a-f]{64}$/)
    const reordered = JSON.parse(JSON.stringify({ nested: { a: [1, 2], b: 1 }, mac: sealed.mac, approvers: ['bob'], requester: 'alice', v: 2 }))
    expect(unsealState('approval/1', reordered, KEY)).toEqual({ ok: true, state, sealed: true })
  })

  it.each([
    ['an edited field', (s: Record<string, unknown>) => ({ ...s, requester: 'mallory' }), KEY, 'approval/1', 'was not sealed'],
    ['another key', (s: Record<string, unknown>) => s, 'another-key-0123456789abcdef', 'approval/1', 'was not sealed'],
    ['another marker key', (s: Record<string, unknown>) => s, KEY, 'review-summary:reviewer', 'was not sealed'],
    ['no seal', ({ mac: _mac, ...s }: Record<string, unknown>) => s, KEY, 'approval/1', 'carries no seal'],
    [
      'a plain checksum anyone can compute',
      ({ mac: _mac, ...s }: Record<string, unknown>) => ({ ...s, mac: createHash('sha256').update(canonicalJson(s)).digest('hex') }),
      KEY,
      'approval/1',
      'was not sealed'
    ],
    ['a short seal', (s: Record<string, unknown>) => ({ ...s, mac: 'abc' }), KEY, 'approval/1', 'carries no seal']
  ])('refuses %s', (_name, change, key, markerKey, reason) => {
    const raw = change(sealState('approval/1', state, KEY))
    expect(unsealState(markerKey, raw, key)).toEqual({ ok: false, reason: expect.stringContaining(reason) })
  })

  it('without a key, only removes the seal and says the state was not checked', () => {
    expect(unsealState('approval/1', sealState('approval/1', state, KEY), null)).toEqual({ ok: true, state, sealed: false })
    expect(unsealState('approval/1', state, null)).toEqual({ ok: true, state, sealed: false })
  })

  it('refuses a state that is not an object', () => {
    expect(unsealState('k', [1], KEY)).toEqual({ ok: false, reason: 'its state is not a JSON object' })
  })
})
