// A new, pending approval request: for a command whose params say require_approval, or for an
// Approval node that paused a flow.
import { createHash } from 'node:crypto'
import { atLeast, isPermission, type Permission } from '../shared/permission.js'
import { canonicalJson } from '../shared/canonical-json.js'
import type { ApprovalAsk, FlowState } from '../flow/flow-types.js'
import type { Config } from '../config/types.js'
import type { Invocation } from '../route/types.js'
import { APPROVAL_STATE_VERSION, type ApprovalState } from './approval-state.js'

/** An unanswered request lapses after this long unless an Approval node sets timeout_seconds. */
export const DEFAULT_APPROVAL_TTL_SECONDS = 7 * 24 * 60 * 60

export interface ApprovalRequestInput {
  trigger: string | null
  /** The invocation to hold back; its target must be set. */
  invocation: Invocation
  /** Login of the command's sender. */
  requester: string
  /** `owner/repo`. */
  repository: string
  number: number
  headSha: string | null
  now: Date
  /** Set when an Approval node paused a flow (runFlow's `state` and `approval`). */
  flow?: { state: FlowState; ask: ApprovalAsk }
}

/**
 * Why a command that needs an approval is refused when the workflow gives no state-key: the
 * request's state would sit in a comment anyone with write access can edit, with nothing to tell
 * an edited copy from the action's own.
 */
export const STATE_KEY_MISSING =
  'it needs an approval, and approvals need the state-key input: add `state-key: ${{ secrets.AOF_STATE_KEY }}` to the step ' +
  '(a long random repository or environment secret). Without it, anyone with write access could edit the hidden state of a ' +
  'request comment and approve something else, so nothing is held or run'

/** Does this invocation wait for an approval before it runs? (`params.require_approval: true`) */
export function requiresApproval(invocation: Pick<Invocation, 'params'>): boolean {
  const value = invocation.params.require_approval
  return value === true || value === 'true'
}

/**
 * Why this invocation is refused before anything runs when there is no state-key: it waits for an
 * approval, or it runs a flow that has an Approval node (refused before its first node, not half-way).
 */
export function stateKeyRefusal(invocation: Pick<Invocation, 'params' | 'target'>, flows: Config['flows'], stateKey: string | null): string | null {
  if (stateKey) return null
  if (requiresApproval(invocation)) return STATE_KEY_MISSING
  const target = invocation.target
  if (target?.kind === 'flow' && flows[target.name]?.nodes.some((n) => n.type === 'Approval'))
    return `flow '${target.name}' has an Approval node: ${STATE_KEY_MISSING}`
  return null
}

/** `approvers: [alice, "@bob", team:org/sre]` or one text; `@` dropped, blanks and repeats left out. */
export function approversFrom(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  const out: string[] = []
  for (const entry of list) {
    if (typeof entry !== 'string') continue
    const cleaned = entry.trim().replace(/^@/, '')
    if (cleaned !== '' && !out.some((o) => o.toLowerCase() === cleaned.toLowerCase())) out.push(cleaned)
  }
  return out
}

/** Whom a request names: the Approval node's own list, else the command's `params.approvers`. */
export function approversFor(invocation: Pick<Invocation, 'params'>, ask?: Pick<ApprovalAsk, 'approvers'> | null): string[] {
  return ask?.approvers ? approversFrom(ask.approvers) : approversFrom(invocation.params.approvers)
}

/** Approving is a write: at least `write`, or the command's own `params.permission` when higher. */
export function approvalPermission(invocation: Pick<Invocation, 'params'>): Permission {
  const declared = invocation.params.permission
  return isPermission(declared) && atLeast(declared, 'write') ? declared : 'write'
}

export function createApprovalRequest(input: ApprovalRequestInput): ApprovalState {
  const { invocation, flow } = input
  if (!invocation.target) throw new Error('an approval request needs an invocation with a target')
  const requestedAt = input.now.toISOString()
  const ttl = flow?.ask.timeoutSeconds ?? DEFAULT_APPROVAL_TTL_SECONDS
  const seed = { number: input.number, trigger: input.trigger, key: invocation.key, requester: input.requester, requestedAt, at: flow?.state.pausedAt ?? null }
  return {
    v: APPROVAL_STATE_VERSION,
    id: createHash('sha256').update(canonicalJson(seed)).digest('hex').slice(0, 8),
    status: 'pending',
    trigger: input.trigger,
    invocation: { via: invocation.via, key: invocation.key, args: invocation.args, target: invocation.target, params: invocation.params },
    requester: input.requester,
    approvers: approversFor(invocation, flow?.ask),
    requiredPermission: approvalPermission(invocation),
    repository: input.repository,
    number: input.number,
    headSha: input.headSha,
    requestedAt,
    expiresAt: new Date(input.now.getTime() + ttl * 1000).toISOString(),
    flow: flow?.state ?? null,
    message: flow?.ask.message ?? null,
    decision: null
  }
}
