// The whole approval path on the reference's per-team config, as the shell will drive it: route,
// hold, post, find, decide, check against the config, resume.
import { describe, expect, it } from '@jest/globals'
import { decodeApprovalState, encodeApprovalState } from '../../src/approval/approval-state.js'
import { checkApprovalAgainstConfig } from '../../src/approval/check-approval-against-config.js'
import { createApprovalRequest, requiresApproval } from '../../src/approval/create-approval-request.js'
import { decideApproval } from '../../src/approval/decide-approval.js'
import { findPendingApproval } from '../../src/approval/find-pending-approval.js'
import { renderApprovalComment } from '../../src/approval/render-approval-comment.js'
import type { Config, FlowDef } from '../../src/config/types.js'
import { invocationMetadata } from '../../src/execute/plan-invocation.js'
import { runFlow } from '../../src/flow/run-flow.js'
import { markerBlock } from '../../src/github/comment-marker.js'
import { fakePorts } from '../flow/fake-ports.js'
import { answer, facts, STATE_KEY } from './builders.js'
import { HEAD_SHA, routePerTeam } from './per-team-example.js'

const NOW = new Date('2025-06-02T09:00:00Z')

/** The PR the request was made on, its head unchanged. */
function onPull(state: { repository: string; number: number }) {
  return { repository: state.repository, number: state.number, isPullRequest: true, headSha: HEAD_SHA }
}

function post(body: string, key: string, payload: unknown) {
  return { id: 9001, body: `${body}\n\n${markerBlock(key, payload)}`, author: 'github-actions[bot]', authorType: 'Bot', createdAt: NOW.toISOString() }
}

describe('approval gates on the reference per-team config', () => {
  it.each([
    ['issue_comment.created.api-server-deploy-staging.json', 'deploy staging', false],
    ['issue_comment.created.api-server-deploy-production.json', 'deploy production', true],
    ['issue_comment.created.terraform-aws-apply.json', 'apply', true]
  ])('%s routes to %s, held for approval: %p', async (file, key, held) => {
    const { invocation } = await routePerTeam(file)
    expect(invocation.key).toBe(key)
    expect(requiresApproval(invocation)).toBe(held)
  })

  it('holds /apply until platform-lead approves, then runs terraform-apply-flow as routed', async () => {
    const { config, event, trigger, invocation } = await routePerTeam('issue_comment.created.terraform-aws-apply.json')
    const request = createApprovalRequest({
      trigger,
      invocation,
      requester: event.sender?.login ?? '',
      repository: event.repository ?? '',
      number: event.number ?? 0,
      headSha: event.headSha,
      now: NOW
    })
    expect(request).toMatchObject({
      status: 'pending',
      requester: 'Codertocat',
      approvers: ['platform-lead', 'sre-oncall'],
      headSha: HEAD_SHA,
      requiredPermission: 'write'
    })

    const encoded = encodeApprovalState(request, STATE_KEY)
    const body = renderApprovalComment(encoded.state)
    expect(body).toContain('### ⏸️ Approval needed: `/apply`')
    expect(body).toContain('**Will run:** `flow:terraform-apply-flow`, for `/apply`')
    expect(body).toContain('**Requested by:** @Codertocat')
    expect(body).toContain('**For commit:** `aaaaaaa` (a new push voids this request)')
    expect(body).toContain('**Who may approve:** @platform-lead, @sre-oncall, except @Codertocat who asked')
    expect(body).toContain(
      `Reply \`/approve\` to run it, or \`/deny\` to cancel it. If several requests are waiting, name this one: \`/approve ${request.id}\`.`
    )

    const comments = [post(body, encoded.key, encoded.payload)]
    const found = findPendingApproval(comments, { ownLogin: 'github-actions[bot]', stateKey: STATE_KEY })
    if (!found.found) throw new Error(found.reason)
    const decision = decideApproval(found.state, answer('platform-lead'), facts(), onPull(found.state))
    expect(decision.action).toBe('resume')
    const check = checkApprovalAgainstConfig(found.state, config)
    expect(check).toEqual({ ok: true, invocation })
    expect(renderApprovalComment(decision.state!)).toContain('### ✅ Approved by @platform-lead at 2025-06-02T10:00:00Z')
  })

  it('refuses a resume whose approvers the config no longer lists', async () => {
    const { config, event, trigger, invocation } = await routePerTeam('issue_comment.created.terraform-aws-apply.json')
    const request = createApprovalRequest({
      trigger,
      invocation,
      requester: 'Codertocat',
      repository: event.repository ?? '',
      number: event.number ?? 0,
      headSha: event.headSha,
      now: NOW
    })
    const changed: Config = structuredClone(config)
    const binding = changed.triggers.find((t) => t.name === 'infra-pr-bot')?.commands.find((c) => c.key === 'apply')
    if (!binding) throw new Error('no /apply binding')
    binding.params = { ...binding.params, approvers: ['sre-oncall'] }
    expect(checkApprovalAgainstConfig(request, changed)).toEqual({
      ok: false,
      reason: `cannot resume request ${request.id}: the params of apply differ from the config's; ask again`
    })
  })

  it.each([
    ['another target', { target: { kind: 'agent', name: 'infra-helper' } }, 'apply now runs flow:terraform-apply-flow, not agent:infra-helper'],
    ['another command', { key: 'destroy' }, "Trigger 'infra-pr-bot' no longer has the command destroy"],
    [
      'other params',
      { params: { require_approval: true, approvers: ['platform-lead', 'sre-oncall'], workspace: 'prod' } },
      "the params of apply differ from the config's"
    ]
  ])('refuses a state that names %s than the config', async (_name, change, reason) => {
    const { config, event, trigger, invocation } = await routePerTeam('issue_comment.created.terraform-aws-apply.json')
    const request = createApprovalRequest({
      trigger,
      invocation,
      requester: 'Codertocat',
      repository: event.repository ?? '',
      number: event.number ?? 0,
      headSha: event.headSha,
      now: NOW
    })
    const tampered = { ...request, invocation: { ...request.invocation, ...change } } as typeof request
    expect(checkApprovalAgainstConfig(tampered, config)).toEqual({ ok: false, reason: `cannot resume request ${request.id}: ${reason}; ask again` })
  })

  it("pauses deploy-backend-prod at its Approval node, keeps the plan in the request, and resumes it on a second person's /approve", async () => {
    const { config, event, trigger, invocation } = await routePerTeam('issue_comment.created.api-server-deploy-production.json')
    const flow = config.flows['deploy-backend-prod'] as FlowDef
    const ctx = { metadata: invocationMetadata(event, invocation), params: invocation.params, command: { name: invocation.key, args: invocation.args } }
    const paused = await runFlow(flow, ctx, fakePorts({ plan: { text: 'Ships api v2; migration 0042 is reversible.' } }))
    if (paused.status !== 'paused' || !paused.state || !paused.approval) throw new Error('the flow did not pause')

    const request = createApprovalRequest({
      trigger,
      invocation,
      requester: 'bob',
      repository: event.repository ?? '',
      number: 1,
      headSha: HEAD_SHA,
      now: NOW,
      flow: { state: paused.state, ask: paused.approval }
    })
    expect(request.expiresAt).toBe('2025-06-02T10:00:00.000Z')
    const encoded = encodeApprovalState(request, STATE_KEY)
    const body = renderApprovalComment(encoded.state)
    expect(body).toContain(`> Deploy ${HEAD_SHA} of myorg/api-server to production? Answer /approve or /deny.`)
    expect(body).toContain('**Will run:** the rest of flow `deploy-backend-prod` after its approval step `approve` (done so far: `plan`)')
    expect(body).toContain('**Who may approve:** anyone with write permission on this repository, except @bob who asked')

    const stored = decodeApprovalState(post(body, encoded.key, encoded.payload).body, encoded.key, STATE_KEY)
    if (!stored.ok) throw new Error(stored.reason)
    expect(checkApprovalAgainstConfig(stored.state, config)).toMatchObject({ ok: true })
    expect(decideApproval(stored.state, answer('bob'), facts({ permission: 'admin' }), onPull(stored.state)).action).toBe('refuse')
    expect(decideApproval(stored.state, answer('charlie', 'approve', { at: '2025-06-02T10:30:00Z' }), facts(), onPull(stored.state)).action).toBe('refuse')
    const decision = decideApproval(stored.state, answer('charlie', 'approve', { at: '2025-06-02T09:45:00Z' }), facts(), onPull(stored.state))
    expect(decision.action).toBe('resume')

    const ports = fakePorts()
    const resumed = await runFlow(flow, ctx, ports, { state: stored.state.flow!, decision: 'approved', by: 'charlie' })
    expect(resumed.status).toBe('completed')
    expect(ports.ran()).toEqual(['deploy', 'reply'])
    expect(resumed.outputs.plan).toEqual({ text: 'Ships api v2; migration 0042 is reversible.', result: true })
  })
})

describe('renderApprovalComment after an answer', () => {
  it.each([
    ['denied', 'sre-oncall', '### ❌ Denied by @sre-oncall at 2025-06-02T10:00:00Z', 'it will not run.\n\n> change freeze'],
    ['denied', 'Codertocat', '### ❌ Withdrawn by @Codertocat', 'it will not run.'],
    [
      'stale',
      'platform-lead',
      '### ⚠️ Refused: the PR head changed',
      '@platform-lead answered `/approve` at 2025-06-02T10:00:00Z, but the pull request has new commits since the request, so nothing ran. Ask again with `/apply`.'
    ],
    ['expired', 'platform-lead', '### ⌛ Expired', 'Ask again with `/apply`.']
  ] as const)('%s by %s', async (status, by, heading, tail) => {
    const { event, trigger, invocation } = await routePerTeam('issue_comment.created.terraform-aws-apply.json')
    const request = createApprovalRequest({
      trigger,
      invocation,
      requester: 'Codertocat',
      repository: event.repository ?? '',
      number: event.number ?? 0,
      headSha: event.headSha,
      now: NOW
    })
    const text = renderApprovalComment({
      ...request,
      status,
      decision: { by, at: '2025-06-02T10:00:00Z', note: status === 'denied' && by === 'sre-oncall' ? 'change freeze' : '' }
    })
    expect(text.startsWith(heading)).toBe(true)
    expect(text).toContain('`/apply` (`flow:terraform-apply-flow`), requested by @Codertocat for commit `aaaaaaa`')
    expect(text).toContain(tail)
  })
})
