import { describe, expect, it } from '@jest/globals'
import { answersBefore, compareCommentPlace, firstValidAnswer } from '../../src/approval/earlier-answer.js'
import type { ApprovalAnswer, ApproverFacts } from '../../src/approval/decide-approval.js'
import type { CommentLike } from '../../src/approval/find-pending-approval.js'
import { answer, applyRequest, facts, thread } from './builders.js'

const BOT = 'github-actions[bot]'
const REQUEST = { id: 100, createdAt: '2025-06-02T09:00:00Z' }
const MINE = { id: 200, createdAt: '2025-06-02T10:00:00Z' }
const state = applyRequest()

function comment(id: number, createdAt: string, body: string, author = 'platform-lead', authorType = 'User'): CommentLike {
  return { id, createdAt, body, author, authorType }
}

const options = { request: REQUEST, mine: MINE, requestId: state.id, botName: 'aofbot', ownLogin: BOT }
const senders = (comments: CommentLike[]) => answersBefore(comments, options).map((e) => `${e.answer.sender} ${e.answer.verb}`)

describe('answersBefore', () => {
  it.each<[string, CommentLike[], string[]]>([
    ['an /approve between the request and this answer counts', [comment(150, '2025-06-02T09:30:00Z', '/approve')], ['platform-lead approve']],
    ['a /deny counts too', [comment(150, '2025-06-02T09:30:00Z', '/deny not now')], ['platform-lead deny']],
    ['an answer written before the request does not', [comment(90, '2025-06-02T08:00:00Z', '/approve')], []],
    ['an answer written after this one does not', [comment(250, '2025-06-02T11:00:00Z', '/approve')], []],
    ['this answer itself does not', [comment(200, '2025-06-02T10:00:00Z', '/approve')], []],
    [
      'in the same second, the lower id was written first',
      [comment(199, '2025-06-02T10:00:00Z', '/approve'), comment(201, '2025-06-02T10:00:00Z', '/approve')],
      ['platform-lead approve']
    ],
    ['a withdrawal decides nothing', [comment(150, '2025-06-02T09:30:00Z', '/approve cancel'), comment(151, '2025-06-02T09:31:00Z', '/remove-approve')], []],
    ['an answer naming another request does not count', [comment(150, '2025-06-02T09:30:00Z', '/approve 0badc0de')], []],
    ['an answer naming this request counts', [comment(150, '2025-06-02T09:30:00Z', `/approve ${state.id}`)], ['platform-lead approve']],
    ["the action's own comments never count", [comment(150, '2025-06-02T09:30:00Z', '/approve', BOT, 'Bot')], []],
    ['a comment without a command does not count', [comment(150, '2025-06-02T09:30:00Z', 'looks good to me')], []]
  ])('%s', (_name, comments, expected) => {
    expect(senders(comments)).toEqual(expected)
  })

  it('lists the earlier answers oldest first, by time and then id', () => {
    const comments = [
      comment(160, '2025-06-02T09:40:00Z', '/approve', 'sre-oncall'),
      comment(155, '2025-06-02T09:30:00Z', '/approve', 'mallory'),
      comment(150, '2025-06-02T09:30:00Z', '/deny', 'platform-lead')
    ]
    expect(senders(comments)).toEqual(['platform-lead deny', 'mallory approve', 'sre-oncall approve'])
  })

  it('orders by id when the times are equal and by time otherwise', () => {
    expect(compareCommentPlace({ id: 2, createdAt: '2025-01-01T00:00:00Z' }, { id: 1, createdAt: '2025-01-01T00:00:01Z' })).toBeLessThan(0)
    expect(compareCommentPlace({ id: 2, createdAt: '2025-01-01T00:00:00Z' }, { id: 1, createdAt: '2025-01-01T00:00:00Z' })).toBeGreaterThan(0)
  })
})

describe('firstValidAnswer', () => {
  const early = (sender: string, verb: ApprovalAnswer['verb'] = 'approve', f: ApproverFacts = facts()) => ({ answer: answer(sender, verb), facts: f })

  it.each<[string, { answer: ApprovalAnswer; facts: ApproverFacts }[], string | null]>([
    ['nobody answered earlier: this answer decides', [], null],
    ['an earlier approval by a listed approver decides', [early('sre-oncall')], 'sre-oncall resume'],
    ['an earlier denial by a listed approver decides', [early('sre-oncall', 'deny')], 'sre-oncall cancel'],
    ['a stranger who may not answer blocks nobody', [early('mallory', 'approve', facts({ permission: 'admin' }))], null],
    ['the requester approving their own request blocks nobody', [early('Codertocat')], null],
    ['the requester withdrawing it with /deny decides', [early('Codertocat', 'deny')], 'Codertocat cancel'],
    [
      'the first valid one decides, after invalid ones',
      [early('mallory'), early('Codertocat'), early('platform-lead'), early('sre-oncall', 'deny')],
      'platform-lead resume'
    ]
  ])('%s', (_name, earlier, expected) => {
    const first = firstValidAnswer(state, earlier, thread())
    expect(first ? `${first.answer.sender} ${first.action}` : null).toBe(expected)
  })

  it("uses the Trigger's allowed_users as any answer does", () => {
    const outsider = early('sre-oncall', 'approve', facts({ allowedUsers: ['platform-lead'] }))
    expect(firstValidAnswer(state, [outsider], thread())).toBeNull()
  })

  it('needs the required permission when the request names no approvers', () => {
    const open = applyRequest({ approvers: [] })
    expect(firstValidAnswer(open, [early('reader', 'approve', facts({ permission: 'read' }))], thread())).toBeNull()
    expect(firstValidAnswer(open, [early('writer', 'approve', facts({ permission: 'write' }))], thread())?.answer.sender).toBe('writer')
  })
})
