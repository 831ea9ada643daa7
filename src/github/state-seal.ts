// The integrity check of the state the action keeps in its comments: an HMAC-SHA256, keyed by the
// workflow's `state-key` secret, over the state's canonical JSON and the marker key it sits under
// (so a sealed review state cannot pass for an approval). Anyone who can edit a comment can
// recompute a plain hash; without the key nobody can compute this one.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { canonicalJson } from '../shared/canonical-json.js'

/** The field of the stored JSON that holds the seal. */
export const SEAL_FIELD = 'mac'

function mac(markerKey: string, state: unknown, key: string): Buffer {
  return createHmac('sha256', key)
    .update(`github-agent-state\n${markerKey}\n${canonicalJson(state)}`)
    .digest()
}

/** The state with its seal added, ready to be written under `markerKey`. */
export function sealState(markerKey: string, state: Record<string, unknown>, key: string): Record<string, unknown> {
  return { ...state, [SEAL_FIELD]: mac(markerKey, state, key).toString('hex') }
}

export type Unsealed = { ok: true; state: Record<string, unknown>; sealed: boolean } | { ok: false; reason: string }

/**
 * Checks and removes the seal. With a key, a missing or wrong seal is refused. Without one
 * (`key` null) the seal cannot be checked and is only removed: the caller then trusts the state by
 * authorship and place alone, and says so.
 */
export function unsealState(markerKey: string, raw: unknown, key: string | null): Unsealed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'its state is not a JSON object' }
  const { [SEAL_FIELD]: seal, ...state } = raw as Record<string, unknown>
  if (key === null) return { ok: true, state, sealed: false }
  if (typeof seal !== 'string' || !/^[0-9a-f]{64}$/.test(seal)) return { ok: false, reason: 'its state carries no seal from the state-key' }
  const expected = mac(markerKey, state, key)
  if (!timingSafeEqual(Buffer.from(seal, 'hex'), expected))
    return { ok: false, reason: "its state was not sealed with this workflow's state-key (edited, forged, or the key changed)" }
  return { ok: true, state, sealed: true }
}
