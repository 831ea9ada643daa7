// `/approve` or `/deny` on a pending request -> resume it, cancel it, or refuse with the reason.
// Pure: the shell reads the sender's permission and team memberships first (see approverTeams).
import { atLeast, type Permission } from '../gate/permission.js'
import type { ApprovalState, ApprovalStatus } from './approval-state.js'

export interface ApprovalAnswer {
  verb: 'approve' | 'deny'
  /** Login of who wrote `/approve` or `/deny`. */
  sender: string
  /** The account type is `Bot`. */
  senderIsBot: boolean
  /** When the answer was written (the comment's time), ISO. */
  at: string
  /** Rest of the command line (`/deny not during the freeze`). */
  note: string
}

export interface ApproverFacts {
  /** The sender's repository role; null when it could not be read. */
  permission: Permission | null
  permissionError?: string
  /** Membership of the sender in each `team:org/slug` the request names, keyed `org/slug` (any case); null: unknown. */
  teams: Record<string, boolean | null>
}

export interface ApprovalDecision {
  action: 'resume' | 'cancel' | 'refuse'
  /** One sentence for the reply and the summary. */
  reason: string
  /** The state to write back into the request comment; null leaves the comment as it is. */
  state: ApprovalState | null
}

const TEAM = /^team:(.+\/.+)$/i

/** `org/slug` of every team the request names, for the shell to look up. */
export function approverTeams(state: ApprovalState): string[] {
  return state.approvers.flatMap((a) => {
    const team = TEAM.exec(a)?.[1]
    return team ? [team] : []
  })
}

/** Whether deciding needs the sender's repository permission (a request that names no approvers). */
export function needsApproverPermission(state: ApprovalState): boolean {
  return state.approvers.length === 0
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function teamMembership(facts: ApproverFacts, team: string): boolean | null {
  const key = Object.keys(facts.teams).find((k) => same(k, team))
  return key === undefined ? null : (facts.teams[key] ?? null)
}

/** null when the sender may answer, otherwise why not. */
function authority(state: ApprovalState, answer: ApprovalAnswer, facts: ApproverFacts): string | null {
  const who = `@${answer.sender}`
  if (state.approvers.length === 0) {
    // Anyone with the role may answer; a bot is never "anyone".
    if (answer.senderIsBot) return `${who} is a bot; only people answer approval requests that name no approvers`
    if (facts.permission === null) {
      return `could not read ${who}'s repository permission${facts.permissionError ? ` (${facts.permissionError})` : ''}`
    }
    if (!atLeast(facts.permission, state.requiredPermission)) {
      return `${who} has ${facts.permission} permission; answering this request needs ${state.requiredPermission}`
    }
    return null
  }
  if (state.approvers.some((a) => !TEAM.test(a) && same(a, answer.sender))) return null
  const unknown: string[] = []
  for (const team of approverTeams(state)) {
    if (answer.senderIsBot) continue
    const member = teamMembership(facts, team)
    if (member === true) return null
    if (member === null) unknown.push(`team:${team}`)
  }
  const listed = state.approvers.join(', ')
  const unread = unknown.length > 0 ? ` (membership of ${unknown.join(', ')} could not be read)` : ''
  return `${who} is not one of the approvers (${listed})${unread}`
}

function updated(state: ApprovalState, status: ApprovalStatus, answer: ApprovalAnswer, note: string): ApprovalState {
  return { ...state, status, decision: { by: answer.sender, at: answer.at, note } }
}

/**
 * Checks in this order: the request is still pending and not past its time; the sender may answer
 * (a listed approver or team member, or, with no list, someone with the required role); the
 * requester cannot approve their own request (they may withdraw it with /deny); an approval holds
 * only while the PR head is the commit it was asked for.
 */
export function decideApproval(state: ApprovalState, answer: ApprovalAnswer, facts: ApproverFacts, currentHeadSha: string | null): ApprovalDecision {
  const refuse = (reason: string, next: ApprovalState | null = null): ApprovalDecision => ({ action: 'refuse', reason, state: next })
  if (state.status !== 'pending') {
    const by = state.decision ? ` by @${state.decision.by}` : ''
    return refuse(`request ${state.id} is no longer pending: it was ${state.status}${by}`)
  }
  if (state.expiresAt && Date.parse(answer.at) > Date.parse(state.expiresAt)) {
    return refuse(`request ${state.id} expired at ${state.expiresAt}; ask again`, updated(state, 'expired', answer, 'expired before it was answered'))
  }
  const isRequester = same(answer.sender, state.requester)
  if (answer.verb === 'deny') {
    if (isRequester) return { action: 'cancel', reason: `@${answer.sender} withdrew request ${state.id}`, state: updated(state, 'denied', answer, answer.note || 'withdrawn by the requester') }
    const refused = authority(state, answer, facts)
    if (refused) return refuse(refused)
    return { action: 'cancel', reason: `@${answer.sender} denied request ${state.id}`, state: updated(state, 'denied', answer, answer.note) }
  }
  if (isRequester) return refuse(`@${answer.sender} asked for this and cannot approve their own request; another approver must answer`)
  const refused = authority(state, answer, facts)
  if (refused) return refuse(refused)
  if (state.headSha !== null && (currentHeadSha === null || currentHeadSha.toLowerCase() !== state.headSha.toLowerCase())) {
    const now = currentHeadSha ? ` to ${currentHeadSha.slice(0, 7)}` : ''
    const reason = `the PR head changed from ${state.headSha.slice(0, 7)}${now} after the request; the approval would cover code nobody reviewed, so ask again`
    return refuse(reason, updated(state, 'stale', answer, reason))
  }
  return { action: 'resume', reason: `@${answer.sender} approved request ${state.id}`, state: updated(state, 'approved', answer, answer.note) }
}
