import { describe, expect, it } from '@jest/globals'
import { encodeApprovalState, type ApprovalState } from '../../src/approval/approval-state.js'
import { findPendingApproval, type CommentLike } from '../../src/approval/find-pending-approval.js'
import { parseApprovalCommand } from '../../src/approval/parse-approval-command.js'
import { markerBlock } from '../../src/github/comment-marker.js'
import { applyRequest, STATE_KEY } from './builders.js'

let nextId = 100

function comment(state: ApprovalState, createdAt: string, author = 'github-actions[bot]'): CommentLike {
  const { key, payload } = encodeApprovalState(state, STATE_KEY)
  return { id: nextId++, body: `Approval needed\n\n${markerBlock(key, payload)}`, author, authorType: 'Bot', createdAt }
}

const own = { ownLogin: 'github-actions[bot]', stateKey: STATE_KEY }
const older = applyRequest({ id: '11111111', requestedAt: '2025-06-01T09:00:00.000Z' })
const newer = applyRequest({ id: '22222222', requestedAt: '2025-06-02T09:00:00.000Z' })

describe('findPendingApproval', () => {
  it('finds the newest pending request and lists the others', () => {
    const comments = [
      comment(older, '2025-06-01T09:00:00Z'),
      { id: 1, body: 'unrelated', author: 'alice', authorType: 'User' },
      comment(newer, '2025-06-02T09:00:00Z')
    ]
    const found = findPendingApproval(comments, own)
    expect(found).toMatchObject({ found: true, key: 'approval/22222222', state: { id: '22222222' }, otherPending: ['11111111'] })
  })

  it('finds the request an /approve names', () => {
    const comments = [comment(older, '2025-06-01T09:00:00Z'), comment(newer, '2025-06-02T09:00:00Z')]
    expect(findPendingApproval(comments, { ...own, id: '11111111' })).toMatchObject({ found: true, state: { id: '11111111' } })
  })

  it('passes over answered requests', () => {
    const comments = [comment(older, '2025-06-01T09:00:00Z'), comment({ ...newer, status: 'approved' }, '2025-06-02T09:00:00Z')]
    expect(findPendingApproval(comments, own)).toMatchObject({ found: true, state: { id: '11111111' }, otherPending: [] })
  })

  it('says a named request was already answered', () => {
    const done = { ...newer, status: 'denied' as const, decision: { by: 'sre-oncall', at: '2025-06-02T10:00:00Z', note: '' } }
    expect(findPendingApproval([comment(done, '2025-06-02T09:00:00Z')], { ...own, id: '22222222' })).toEqual({
      found: false,
      reason: 'approval request 22222222 is no longer pending: it was denied by @sre-oncall'
    })
  })

  it.each([
    ["a person's", 'mallory', 'User'],
    ["another bot's", 'mallory-app[bot]', 'Bot']
  ])('ignores %s copy of the marker', (_name, author, authorType) => {
    expect(findPendingApproval([{ ...comment(newer, '2025-06-02T09:00:00Z', author), authorType }], own)).toEqual({
      found: false,
      reason: 'there is no pending approval request written by @github-actions[bot] on this pull request'
    })
  })

  it('reads no comment at all when the action does not know its own login', () => {
    expect(findPendingApproval([comment(newer, '2025-06-02T09:00:00Z')], { ...own, ownLogin: null })).toEqual({
      found: false,
      reason: 'there is no pending approval request on this pull request'
    })
  })

  it('refuses an edited request with the reason, and still finds an older intact one', () => {
    const edited = comment(newer, '2025-06-02T09:00:00Z')
    edited.body = edited.body.replace('"sre-oncall"', '"mallory"')
    expect(findPendingApproval([edited], own)).toEqual({
      found: false,
      reason: expect.stringContaining("approval request 22222222: its state was not sealed with this workflow's state-key")
    })
    expect(findPendingApproval([comment(older, '2025-06-01T09:00:00Z'), edited], own)).toMatchObject({ found: true, state: { id: '11111111' } })
  })

  it('says when a named request does not exist', () => {
    expect(findPendingApproval([comment(newer, '2025-06-02T09:00:00Z')], { ...own, id: 'deadbeef' })).toEqual({
      found: false,
      reason: 'there is no approval request deadbeef written by @github-actions[bot] on this pull request'
    })
  })
})

describe('parseApprovalCommand', () => {
  it.each([
    ['/approve', { verb: 'approve', id: null, note: '', words: '/approve' }],
    ['/approve 1A2B3C4D ship it', { verb: 'approve', id: '1a2b3c4d', note: 'ship it', words: '/approve' }],
    ['LGTM\n/deny not during the freeze', { verb: 'deny', id: null, note: 'not during the freeze', words: '/deny' }],
    ['@aofbot approve', { verb: 'approve', id: null, note: '', words: '/approve' }],
    ['/approve cancel', { verb: 'withdraw', id: null, note: '', words: '/approve cancel' }],
    ['/approve Withdraw too early', { verb: 'withdraw', id: null, note: 'too early', words: '/approve withdraw' }],
    ['/approve 1a2b3c4d cancel', { verb: 'withdraw', id: '1a2b3c4d', note: '', words: '/approve cancel' }],
    ['/remove-approve', { verb: 'withdraw', id: null, note: '', words: '/remove-approve' }],
    ['/approve cancellation is fine', { verb: 'approve', id: null, note: 'cancellation is fine', words: '/approve' }],
    ['/approved', null],
    ['> /approve\n\nquoted, not mine', null],
    ['```\n/approve\n```', null],
    ['I would /approve this', null]
  ])('reads %p as %p', (body, expected) => {
    expect(parseApprovalCommand(body, 'aofbot')).toEqual(expected)
  })
})
