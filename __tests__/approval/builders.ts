// Test helper: approval states and answers with sensible defaults, overridden per case.
import type { ApprovalState } from '../../src/approval/approval-state.js'
import { createApprovalRequest } from '../../src/approval/create-approval-request.js'
import type { AnswerThread, ApprovalAnswer, ApproverFacts } from '../../src/approval/decide-approval.js'

export const SHA = 'a'.repeat(40)
export const NEW_SHA = 'c'.repeat(40)
export const ASKED_AT = new Date('2025-06-02T09:00:00Z')
export const STATE_KEY = 'unit-test-state-key-0123456789'
export const REPO = 'myorg/infrastructure'

/** The infra `/apply` from the reference: terraform-apply-flow, approvers platform-lead and sre-oncall. */
export function applyRequest(overrides: Partial<ApprovalState> = {}): ApprovalState {
  const state = createApprovalRequest({
    trigger: 'infra-pr-bot',
    invocation: {
      via: 'command',
      key: 'apply',
      args: '',
      target: { kind: 'flow', name: 'terraform-apply-flow' },
      params: { require_approval: true, approvers: ['platform-lead', 'sre-oncall'] }
    },
    requester: 'Codertocat',
    repository: REPO,
    number: 1,
    headSha: SHA,
    now: ASKED_AT
  })
  return { ...state, ...overrides }
}

export function answer(sender: string, verb: ApprovalAnswer['verb'] = 'approve', overrides: Partial<ApprovalAnswer> = {}): ApprovalAnswer {
  return { verb, sender, senderIsBot: false, at: '2025-06-02T10:00:00Z', note: '', ...overrides }
}

export function facts(overrides: Partial<ApproverFacts> = {}): ApproverFacts {
  return { permission: 'write', teams: {}, ...overrides }
}

/** The PR the request was made on, with its head unchanged. */
export function thread(overrides: Partial<AnswerThread> = {}): AnswerThread {
  return { repository: REPO, number: 1, isPullRequest: true, headSha: SHA, ...overrides }
}
