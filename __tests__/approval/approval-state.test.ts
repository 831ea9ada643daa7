import { describe, expect, it } from '@jest/globals'
import { approvalKeysIn, decodeApprovalState, encodeApprovalState, MAX_MARKER_CHARS, type ApprovalState } from '../../src/approval/approval-state.js'
import { createApprovalRequest } from '../../src/approval/create-approval-request.js'
import { markerBlock } from '../../src/github/comment-marker.js'
import { applyRequest } from './builders.js'

/** The comment body as the publisher writes it: text, blank line, marker block with the payload. */
function posted(state: ApprovalState, text = 'Approval needed'): string {
  const { key, payload } = encodeApprovalState(state)
  return `${text}\n\n${markerBlock(key, payload)}`
}

/** What a person with write access could do to the comment: edit the JSON in the marker. */
function edit(body: string, from: string, to: string): string {
  if (!body.includes(from)) throw new Error(`the body has no ${from}`)
  return body.replace(from, to)
}

function pausedFlowState(text: string): ApprovalState {
  return applyRequest({
    flow: { flow: 'terraform-apply-flow', fingerprint: '0123456789abcdef', pausedAt: 'approve', decided: [{ id: 'plan', status: 'completed', output: { result: true, text }, detail: 'agent ran' }] },
    message: 'Apply?'
  })
}

describe('approval state in the request comment', () => {
  it('reads back exactly what was written', () => {
    const state = pausedFlowState('Plan: 3 to add, 0 to destroy')
    const body = posted(state)
    expect(approvalKeysIn(body)).toEqual([`approval/${state.id}`])
    expect(decodeApprovalState(body, `approval/${state.id}`)).toEqual({ ok: true, state })
  })

  it('gives each request an 8-hex id of its own', () => {
    const base = applyRequest()
    const later = createApprovalRequest({ trigger: base.trigger, invocation: base.invocation, requester: base.requester, number: 1, headSha: base.headSha, now: new Date('2025-06-02T09:00:01Z') })
    expect(base.id).toMatch(/^[0-9a-f]{8}$/)
    expect(later.id).toMatch(/^[0-9a-f]{8}$/)
    expect(later.id).not.toBe(base.id)
  })

  it.each([
    ['an approver added', '"approvers":["platform-lead","sre-oncall"]', '"approvers":["platform-lead","sre-oncall","mallory"]', 'was edited (the checksum does not match)'],
    ['the status reset to pending', '"status":"pending"', '"status":"approved"', 'was edited (the checksum does not match)'],
    ['the JSON broken', '"v":1', '"v":1,,', 'is missing or is not JSON'],
    ['another version', '"v":1', '"v":2', 'has version 2, and this github-agent reads version 1']
  ])('refuses a state with %s', (_name, from, to, message) => {
    const state = applyRequest()
    const result = decodeApprovalState(edit(posted(state), from, to), `approval/${state.id}`)
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(message) })
  })

  it('refuses a well-formed checksum over a state of the wrong shape', () => {
    // Someone who recomputes the checksum still cannot feed the runner a state it cannot use.
    const bad = { ...applyRequest(), invocation: { via: 'command', key: 'apply', args: '', target: { kind: 'shell', name: 'x' }, params: {} } } as unknown as ApprovalState
    const body = `x\n\n${markerBlock(`approval/${bad.id}`, encodeApprovalState(bad).payload)}`
    expect(decodeApprovalState(body, `approval/${bad.id}`)).toEqual({ ok: false, reason: expect.stringContaining('its hidden state is not valid (invocation.target.kind: ') })
  })

  it('refuses a body with no marker for the key', () => {
    expect(decodeApprovalState('just text', 'approval/12345678')).toEqual({ ok: false, reason: 'approval request 12345678: the comment has no approval marker' })
  })

  it('cuts long outputs of earlier nodes so the marker fits, and says so', () => {
    const encoded = encodeApprovalState(pausedFlowState('x'.repeat(60_000)))
    expect(encoded.note).toBe('Outputs of earlier flow nodes were cut to 4000 characters each to fit the approval request.')
    expect(markerBlock(encoded.key, encoded.payload).length).toBeLessThanOrEqual(MAX_MARKER_CHARS)
    const text = encoded.state.flow?.decided[0]?.output?.text as string
    expect(text.endsWith('… (cut to fit the approval request)')).toBe(true)
    expect(decodeApprovalState(`b\n\n${markerBlock(encoded.key, encoded.payload)}`, encoded.key)).toEqual({ ok: true, state: encoded.state })
  })

  it('refuses to write a state that cannot fit', () => {
    const huge = applyRequest({ invocation: { ...applyRequest().invocation, params: { blob: 'y'.repeat(50_000) } } })
    expect(() => encodeApprovalState(huge)).toThrow(/needs \d+ characters, more than the 40000 a comment marker may hold/)
  })
})
