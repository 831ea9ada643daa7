import { describe, expect, it } from '@jest/globals'
import { approvalKeysIn, decodeApprovalState, encodeApprovalState, MAX_MARKER_CHARS, type ApprovalState } from '../../src/approval/approval-state.js'
import { createApprovalRequest } from '../../src/approval/create-approval-request.js'
import { markerBlock } from '../../src/github/comment-marker.js'
import { canonicalJson } from '../../src/shared/canonical-json.js'
import { createHash } from 'node:crypto'
import { applyRequest, STATE_KEY } from './builders.js'

/** The comment body as the publisher writes it: text, blank line, marker block with the payload. */
function posted(state: ApprovalState, text = 'Approval needed'): string {
  const { key, payload } = encodeApprovalState(state, STATE_KEY)
  return `${text}\n\n${markerBlock(key, payload)}`
}

/** What a person with write access could do to the comment: edit the JSON in the marker. */
function edit(body: string, from: string, to: string): string {
  if (!body.includes(from)) throw new Error(`the body has no ${from}`)
  return body.replace(from, to)
}

function pausedFlowState(text: string): ApprovalState {
  return applyRequest({
    flow: {
      flow: 'terraform-apply-flow',
      fingerprint: '0123456789abcdef',
      pausedAt: 'approve',
      decided: [{ id: 'plan', status: 'completed', output: { result: true, text }, detail: 'agent ran' }]
    },
    message: 'Apply?'
  })
}

describe('approval state in the request comment', () => {
  it('reads back exactly what was written', () => {
    const state = pausedFlowState('Plan: 3 to add, 0 to destroy')
    const body = posted(state)
    expect(approvalKeysIn(body)).toEqual([`approval/${state.id}`])
    expect(decodeApprovalState(body, `approval/${state.id}`, STATE_KEY)).toEqual({ ok: true, state })
  })

  it('gives each request an 8-hex id of its own', () => {
    const base = applyRequest()
    const later = createApprovalRequest({
      trigger: base.trigger,
      invocation: base.invocation,
      requester: base.requester,
      repository: base.repository,
      number: 1,
      headSha: base.headSha,
      now: new Date('2025-06-02T09:00:01Z')
    })
    expect(base.id).toMatch(/^[0-9a-f]{8}$/)
    expect(later.id).toMatch(/^[0-9a-f]{8}$/)
    expect(later.id).not.toBe(base.id)
  })

  it.each([
    [
      'an approver added',
      '"approvers":["platform-lead","sre-oncall"]',
      '"approvers":["platform-lead","sre-oncall","mallory"]',
      "was not sealed with this workflow's state-key"
    ],
    ['the status reset to pending', '"status":"pending"', '"status":"approved"', "was not sealed with this workflow's state-key"],
    ['the JSON broken', '"v":2', '"v":2,,', 'its state is not JSON'],
    ['another version', '"v":2', '"v":3', 'has version 3, and this github-agent reads version 2'],
    ['text after it', ' -->', ' -->\n\n/approve', 'its state is not at the end of the comment'],
    ['a second block before it', 'Approval needed', 'Approval needed <!-- github-agent-state:approval/00000000 {} -->', 'the comment carries 2 state blocks']
  ])('refuses a state with %s', (_name, from, to, message) => {
    const state = applyRequest()
    const body = posted(state)
    const target = from === ' -->' ? body.slice(0, body.lastIndexOf(from)) + to : edit(body, from, to)
    const result = decodeApprovalState(target, `approval/${state.id}`, STATE_KEY)
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(message) })
  })

  it('refuses a state sealed with another key, and one with a recomputed plain checksum', () => {
    const state = applyRequest()
    const key = `approval/${state.id}`
    expect(decodeApprovalState(posted(state), key, 'another-key-0123456789abcdef')).toEqual({
      ok: false,
      reason: expect.stringContaining("was not sealed with this workflow's state-key")
    })
    const sum = createHash('sha256').update(canonicalJson(state)).digest('hex').slice(0, 16)
    expect(decodeApprovalState(`x\n\n${markerBlock(key, { ...state, sum })}`, key, STATE_KEY)).toEqual({
      ok: false,
      reason: expect.stringContaining('carries no seal from the state-key')
    })
  })

  it('refuses a version 1 state, saying it was never sealed', () => {
    const state = applyRequest()
    const key = `approval/${state.id}`
    expect(decodeApprovalState(`x\n\n${markerBlock(key, { ...state, v: 1, sum: '0123456789abcdef' })}`, key, STATE_KEY)).toEqual({
      ok: false,
      reason: expect.stringContaining(
        'has version 1 (an earlier github-agent wrote it without a state-key seal), and this github-agent reads version 2; ask again'
      )
    })
  })

  it('reads nothing without a state-key', () => {
    const state = applyRequest()
    expect(decodeApprovalState(posted(state), `approval/${state.id}`, '')).toEqual({
      ok: false,
      reason: expect.stringContaining('approvals need the state-key input')
    })
    expect(() => encodeApprovalState(state, '')).toThrow(/needs the state-key input/)
  })

  it('refuses a correctly sealed state of the wrong shape', () => {
    // Even a sealed state must have the shape the runner can use.
    const bad = {
      ...applyRequest(),
      invocation: { via: 'command', key: 'apply', args: '', target: { kind: 'shell', name: 'x' }, params: {} }
    } as unknown as ApprovalState
    const body = `x\n\n${markerBlock(`approval/${bad.id}`, encodeApprovalState(bad, STATE_KEY).payload)}`
    expect(decodeApprovalState(body, `approval/${bad.id}`, STATE_KEY)).toEqual({
      ok: false,
      reason: expect.stringContaining('its hidden state is not valid (invocation.target.kind: ')
    })
  })

  it('refuses a body with no marker for the key', () => {
    expect(decodeApprovalState('just text', 'approval/12345678', STATE_KEY)).toEqual({
      ok: false,
      reason: 'approval request 12345678: the comment has no approval marker'
    })
  })

  it('cuts long outputs of earlier nodes so the marker fits, and says so', () => {
    const encoded = encodeApprovalState(pausedFlowState('x'.repeat(60_000)), STATE_KEY)
    expect(encoded.note).toBe('Outputs of earlier flow nodes were cut to 4000 characters each to fit the approval request.')
    expect(markerBlock(encoded.key, encoded.payload).length).toBeLessThanOrEqual(MAX_MARKER_CHARS)
    const text = encoded.state.flow?.decided[0]?.output?.text as string
    expect(text.endsWith('… (cut to fit the approval request)')).toBe(true)
    expect(decodeApprovalState(`b\n\n${markerBlock(encoded.key, encoded.payload)}`, encoded.key, STATE_KEY)).toEqual({ ok: true, state: encoded.state })
  })

  it('refuses to write a state that cannot fit', () => {
    const huge = applyRequest({ invocation: { ...applyRequest().invocation, params: { blob: 'y'.repeat(50_000) } } })
    expect(() => encodeApprovalState(huge, STATE_KEY)).toThrow(/needs \d+ characters, more than the 40000 a comment marker may hold/)
  })
})
