import { describe, expect, it } from '@jest/globals'
import { encodeApprovalState, type ApprovalState } from '../../src/approval/approval-state.js'
import { findPendingApproval, type CommentLike } from '../../src/approval/find-pending-approval.js'
import { parseApprovalCommand } from '../../src/approval/parse-approval-command.js'
import { markerBlock } from '../../src/github/comment-marker.js'
import { applyRequest } from './builders.js'

let nextId = 100

function comment(state: ApprovalState, createdAt: string, author = 'github-actions[bot]'): CommentLike {
  const { key, payload } = encodeApprovalState(state)
  return { id: nextId++, body: `Approval needed\n\n${markerBlock(key, payload)}`, author, authorType: 'Bot', createdAt }
}

const isOwn = (c: CommentLike): boolean => c.authorType === 'Bot'
const older = applyRequest({ id: '11111111', requestedAt: '2025-06-01T09:00:00.000Z' })
const newer = applyRequest({ id: '22222222', requestedAt: '2025-06-02T09:00:00.000Z' })

describe('findPendingApproval', () => {
  it('finds the newest pending request and lists the others', () => {
    const comments = [comment(older, '2025-06-01T09:00:00Z'), { id: 1, body: 'unrelated', author: 'alice', authorType: 'User' }, comment(newer, '2025-06-02T09:00:00Z')]
    const found = findPendingApproval(comments, { isOwn })
    expect(found).toMatchObject({ found: true, key: 'approval/22222222', state: { id: '22222222' }, otherPending: ['11111111'] })
  })

  it('finds the request an /approve names', () => {
    const comments = [comment(older, '2025-06-01T09:00:00Z'), comment(newer, '2025-06-02T09:00:00Z')]
    expect(findPendingApproval(comments, { isOwn, id: '11111111' })).toMatchObject({ found: true, state: { id: '11111111' } })
  })

  it('passes over answered requests', () => {
    const comments = [comment(older, '2025-06-01T09:00:00Z'), comment({ ...newer, status: 'approved' }, '2025-06-02T09:00:00Z')]
    expect(findPendingApproval(comments, { isOwn })).toMatchObject({ found: true, state: { id: '11111111' }, otherPending: [] })
  })

  it('says a named request was already answered', () => {
    const done = { ...newer, status: 'denied' as const, decision: { by: 'sre-oncall', at: '2025-06-02T10:00:00Z', note: '' } }
    expect(findPendingApproval([comment(done, '2025-06-02T09:00:00Z')], { isOwn, id: '22222222' })).toEqual({
      found: false,
      reason: 'approval request 22222222 is no longer pending: it was denied by @sre-oncall'
    })
  })

  it("ignores a person's copy of the marker", () => {
    expect(findPendingApproval([comment(newer, '2025-06-02T09:00:00Z', 'mallory')].map((c) => ({ ...c, authorType: 'User' })), { isOwn })).toEqual({
      found: false,
      reason: 'there is no pending approval request on this pull request'
    })
  })

  it('refuses an edited request with the reason, and still finds an older intact one', () => {
    const edited = comment(newer, '2025-06-02T09:00:00Z')
    edited.body = edited.body.replace('"sre-oncall"', '"mallory"')
    expect(findPendingApproval([edited], { isOwn })).toEqual({ found: false, reason: expect.stringContaining('approval request 22222222: its hidden state was edited') })
    expect(findPendingApproval([comment(older, '2025-06-01T09:00:00Z'), edited], { isOwn })).toMatchObject({ found: true, state: { id: '11111111' } })
  })

  it('says when a named request does not exist', () => {
    expect(findPendingApproval([comment(newer, '2025-06-02T09:00:00Z')], { isOwn, id: 'deadbeef' })).toEqual({ found: false, reason: 'there is no approval request deadbeef on this pull request' })
  })
})

describe('parseApprovalCommand', () => {
  it.each([
    ['/approve', { verb: 'approve', id: null, note: '' }],
    ['/approve 1A2B3C4D ship it', { verb: 'approve', id: '1a2b3c4d', note: 'ship it' }],
    ['LGTM\n/deny not during the freeze', { verb: 'deny', id: null, note: 'not during the freeze' }],
    ['@aofbot approve', { verb: 'approve', id: null, note: '' }],
    ['/approved', null],
    ['> /approve\n\nquoted, not mine', null],
    ['```\n/approve\n```', null],
    ['I would /approve this', null]
  ])('reads %p as %p', (body, expected) => {
    expect(parseApprovalCommand(body, 'aofbot')).toEqual(expected)
  })
})
