import { describe, expect, it } from '@jest/globals'
import { approverTeams, decideApproval, needsApproverPermission, type ApprovalAnswer, type ApproverFacts } from '../../src/approval/decide-approval.js'
import type { ApprovalState } from '../../src/approval/approval-state.js'
import { stateKeyRefusal } from '../../src/approval/create-approval-request.js'
import type { Config } from '../../src/config/types.js'
import { answer, applyRequest, facts, NEW_SHA, REPO, SHA, thread } from './builders.js'

type Case = [
  string,
  ApprovalState,
  ApprovalAnswer,
  ApproverFacts,
  string | null,
  'resume' | 'cancel' | 'refuse' | 'keep',
  string,
  ApprovalState['status'] | null
]

const anyWriter = applyRequest({ approvers: [] })
const withTeam = applyRequest({ approvers: ['platform-lead', 'team:myorg/SRE'] })

const cases: Case[] = [
  ['a listed approver approves', applyRequest(), answer('platform-lead'), facts(), SHA, 'resume', '@platform-lead approved request', 'approved'],
  ['approvers are matched without regard to case', applyRequest(), answer('SRE-OnCall'), facts(), SHA, 'resume', '@SRE-OnCall approved request', 'approved'],
  [
    'the requester cannot approve their own request, even when listed',
    applyRequest({ requester: 'platform-lead' }),
    answer('platform-lead'),
    facts(),
    SHA,
    'refuse',
    '@platform-lead asked for this and cannot approve their own request',
    null
  ],
  [
    'a stranger cannot approve',
    applyRequest(),
    answer('mallory'),
    facts({ permission: 'admin' }),
    SHA,
    'refuse',
    '@mallory is not one of the approvers (platform-lead, sre-oncall)',
    null
  ],
  [
    'an approval after a new push is refused and the request goes stale',
    applyRequest(),
    answer('platform-lead'),
    facts(),
    NEW_SHA,
    'refuse',
    'the PR head changed from aaaaaaa to ccccccc after the request',
    'stale'
  ],
  ['a stranger cannot make a request stale', applyRequest(), answer('mallory'), facts(), NEW_SHA, 'refuse', '@mallory is not one of the approvers', null],
  [
    'a listed approver denies',
    applyRequest(),
    answer('sre-oncall', 'deny', { note: 'change freeze' }),
    facts(),
    SHA,
    'cancel',
    '@sre-oncall denied request',
    'denied'
  ],
  ['a deny after a new push still cancels', applyRequest(), answer('sre-oncall', 'deny'), facts(), NEW_SHA, 'cancel', '@sre-oncall denied request', 'denied'],
  [
    'the requester may withdraw their own request',
    applyRequest(),
    answer('codertocat', 'deny'),
    facts(),
    SHA,
    'cancel',
    '@codertocat withdrew request',
    'denied'
  ],
  ['a stranger cannot deny', applyRequest(), answer('mallory', 'deny'), facts(), SHA, 'refuse', '@mallory is not one of the approvers', null],
  [
    'a member of a listed team approves',
    withTeam,
    answer('dana'),
    facts({ teams: { 'myorg/sre': true } }),
    SHA,
    'resume',
    '@dana approved request',
    'approved'
  ],
  [
    'a non-member of a listed team is refused',
    withTeam,
    answer('dana'),
    facts({ teams: { 'myorg/sre': false } }),
    SHA,
    'refuse',
    '@dana is not one of the approvers (platform-lead, team:myorg/SRE)',
    null
  ],
  [
    'an unread team membership refuses, saying so',
    withTeam,
    answer('dana'),
    facts({ teams: {} }),
    SHA,
    'refuse',
    '(membership of team:myorg/SRE could not be read)',
    null
  ],
  [
    'a bot is no team member',
    withTeam,
    answer('ci[bot]', 'approve', { senderIsBot: true }),
    facts({ teams: { 'myorg/sre': true } }),
    SHA,
    'refuse',
    'is not one of the approvers',
    null
  ],
  [
    'with no approvers, anyone with write may approve',
    anyWriter,
    answer('erin'),
    facts({ permission: 'write' }),
    SHA,
    'resume',
    '@erin approved request',
    'approved'
  ],
  [
    'with no approvers, read permission is not enough',
    anyWriter,
    answer('erin'),
    facts({ permission: 'read' }),
    SHA,
    'refuse',
    '@erin has read permission; answering this request needs write',
    null
  ],
  [
    'with no approvers, an unreadable permission refuses',
    anyWriter,
    answer('erin'),
    facts({ permission: null, permissionError: 'HTTP 403' }),
    SHA,
    'refuse',
    "could not read @erin's repository permission (HTTP 403)",
    null
  ],
  [
    'with no approvers, a bot cannot approve',
    anyWriter,
    answer('deploy-bot', 'approve', { senderIsBot: true }),
    facts({ permission: 'admin' }),
    SHA,
    'refuse',
    '@deploy-bot is a bot',
    null
  ],
  [
    'with no approvers, the requester still cannot approve',
    anyWriter,
    answer('Codertocat'),
    facts({ permission: 'admin' }),
    SHA,
    'refuse',
    'cannot approve their own request',
    null
  ],
  [
    'a request approved before is not resumed twice',
    applyRequest({ status: 'approved', decision: { by: 'sre-oncall', at: '2025-06-02T09:30:00Z', note: '' } }),
    answer('platform-lead'),
    facts(),
    SHA,
    'refuse',
    'is no longer pending: it was approved by @sre-oncall',
    null
  ],
  [
    'a denied request cannot be approved',
    applyRequest({ status: 'denied' }),
    answer('platform-lead'),
    facts(),
    SHA,
    'refuse',
    'is no longer pending: it was denied',
    null
  ],
  [
    'a request past its time expires',
    applyRequest({ expiresAt: '2025-06-02T09:30:00Z' }),
    answer('platform-lead'),
    facts(),
    SHA,
    'refuse',
    'expired at 2025-06-02T09:30:00Z; ask again',
    'expired'
  ],
  [
    'a request that records no head commit is refused on a PR',
    applyRequest({ headSha: null }),
    answer('platform-lead'),
    facts(),
    SHA,
    'refuse',
    'the request records no head commit',
    null
  ],
  [
    'a PR whose head is unknown in this run is refused',
    applyRequest(),
    answer('platform-lead'),
    facts(),
    null,
    'refuse',
    'the head commit of the pull request is not known',
    null
  ],
  [
    'a withdrawal by an approver leaves the request pending',
    applyRequest(),
    answer('platform-lead', 'withdraw', { words: '/approve cancel' }),
    facts(),
    SHA,
    'keep',
    '/approve cancel by @platform-lead withdraws an approval, and nothing was approved; request',
    null
  ],
  [
    'a withdrawal by a stranger changes nothing either',
    applyRequest(),
    answer('mallory', 'withdraw', { words: '/remove-approve' }),
    facts(),
    SHA,
    'keep',
    'is still pending (answer /deny to cancel it)',
    null
  ],
  [
    "a listed approver outside the Trigger's allowed_users is refused",
    applyRequest(),
    answer('sre-oncall'),
    facts({ allowedUsers: ['platform-lead'] }),
    SHA,
    'refuse',
    "@sre-oncall is not in the allowed_users of Trigger 'infra-pr-bot' (platform-lead)",
    null
  ],
  [
    'with no approvers, a writer outside allowed_users is refused',
    anyWriter,
    answer('erin'),
    facts({ allowedUsers: ['alice', 'team:myorg/sre'], teams: { 'myorg/sre': false } }),
    SHA,
    'refuse',
    "@erin is not in the allowed_users of Trigger 'infra-pr-bot'",
    null
  ],
  [
    'a member of a team in allowed_users may approve',
    anyWriter,
    answer('erin'),
    facts({ allowedUsers: ['alice', 'team:myorg/sre'], teams: { 'myorg/sre': true } }),
    SHA,
    'resume',
    '@erin approved request',
    'approved'
  ],
  [
    'a deny from outside allowed_users is refused',
    applyRequest(),
    answer('sre-oncall', 'deny'),
    facts({ allowedUsers: ['platform-lead'] }),
    SHA,
    'refuse',
    'is not in the allowed_users',
    null
  ]
]

describe('decideApproval', () => {
  it.each(cases)('%s', (_name, state, given, known, head, action, reason, status) => {
    const decision = decideApproval(state, given, known, thread({ headSha: head }))
    expect(decision.action).toBe(action)
    expect(decision.reason).toContain(reason)
    expect(decision.state?.status ?? null).toBe(status)
    if (decision.state) expect(decision.state.decision).toEqual({ by: given.sender, at: given.at, note: expect.any(String) })
  })

  it('keeps the deny note in the updated state', () => {
    expect(decideApproval(applyRequest(), answer('sre-oncall', 'deny', { note: 'change freeze' }), facts(), thread()).state?.decision?.note).toBe(
      'change freeze'
    )
  })

  it.each([
    ['another thread', thread({ number: 2 }), 'request was made on #1, not on #2 where this answer was written'],
    ['another repository', thread({ repository: 'other/repo' }), `was made in ${REPO}, not other/repo`]
  ])('refuses a request answered on %s', (_name, where, reason) => {
    const state = applyRequest()
    const decision = decideApproval(state, answer('platform-lead'), facts(), where)
    expect(decision).toEqual({ action: 'refuse', reason: expect.stringContaining(reason.replace('request was', `request ${state.id} was`)), state: null })
  })

  it('resumes a request on an issue, where there is no head commit', () => {
    const decision = decideApproval(applyRequest({ headSha: null }), answer('platform-lead'), facts(), thread({ isPullRequest: false, headSha: null }))
    expect(decision.action).toBe('resume')
  })

  it('looks up the teams of allowed_users too, once each', () => {
    expect(approverTeams(applyRequest({ approvers: ['team:myorg/sre'] }), ['team:MyOrg/SRE', 'team:myorg/ops', 'bob'])).toEqual(['myorg/sre', 'myorg/ops'])
  })

  it('names the teams to look up and whether the permission is needed', () => {
    expect(approverTeams(applyRequest({ approvers: ['alice', 'team:myorg/sre', 'TEAM:other/ops'] }))).toEqual(['myorg/sre', 'other/ops'])
    expect(needsApproverPermission(applyRequest())).toBe(false)
    expect(needsApproverPermission(applyRequest({ approvers: [] }))).toBe(true)
  })
})

describe('stateKeyRefusal', () => {
  const flows = { gated: { nodes: [{ id: 'ask', type: 'Approval' }] }, plain: { nodes: [{ id: 'run', type: 'Agent' }] } } as unknown as Config['flows']
  it.each([
    ['a command with require_approval', { params: { require_approval: true }, target: { kind: 'agent', name: 'a' } }, 'approvals need the state-key input'],
    ['a flow with an Approval node', { params: {}, target: { kind: 'flow', name: 'gated' } }, "flow 'gated' has an Approval node"],
    ['a flow without one', { params: {}, target: { kind: 'flow', name: 'plain' } }, null],
    ['a plain agent command', { params: {}, target: { kind: 'agent', name: 'a' } }, null]
  ] as const)('without a state-key: %s', (_name, invocation, reason) => {
    const refusal = stateKeyRefusal(invocation as never, flows, null)
    if (reason === null) expect(refusal).toBeNull()
    else expect(refusal).toContain(reason)
    expect(stateKeyRefusal(invocation as never, flows, 'k'.repeat(32))).toBeNull()
  })
})
