// `/approve` or `/deny` on a pending request -> resume it, cancel it, or refuse with the reason; a
// withdrawal (`/approve cancel`, `/remove-approve`) only leaves it pending. Pure: the shell reads
// the sender's permission and team memberships first (see approverTeams).
import { atLeast, type Permission } from '../shared/permission.js'
import type { ApprovalState, ApprovalStatus } from './approval-state.js'

export interface ApprovalAnswer {
  verb: 'approve' | 'deny' | 'withdraw'
  /** The words used, for messages (`/approve cancel`). */
  words?: string
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
  /** Membership of the sender in each `team:org/slug` the request and allowed_users name, keyed `org/slug` (any case); null: unknown. */
  teams: Record<string, boolean | null>
  /**
   * The `allowed_users` of the request's Trigger as the config says now (logins and
   * `team:org/slug`); empty: everyone. Someone the Trigger would decline may not answer for it.
   */
  allowedUsers?: readonly string[]
}

/** The thread the answer was written on, as the event says now. */
export interface AnswerThread {
  /** `owner/repo`. */
  repository: string
  number: number
  isPullRequest: boolean
  /** The PR's head commit now; null outside PRs or when unknown. */
  headSha: string | null
}

export interface ApprovalDecision {
  /** `keep`: nothing changes (a withdrawal); the request stays as it is. */
  action: 'resume' | 'cancel' | 'refuse' | 'keep'
  /** One sentence for the reply and the summary. */
  reason: string
  /** The state to write back into the request comment; null leaves the comment as it is. */
  state: ApprovalState | null
}

const TEAM = /^team:(.+\/.+)$/i

function teamsIn(entries: readonly string[]): string[] {
  return entries.flatMap((a) => {
    const team = TEAM.exec(a)?.[1]
    return team ? [team] : []
  })
}

/** `org/slug` of every team the request and the Trigger's allowed_users name, for the shell to look up. */
export function approverTeams(state: ApprovalState, allowedUsers: readonly string[] = []): string[] {
  const all = [...teamsIn(state.approvers), ...teamsIn(allowedUsers)]
  return all.filter((t, i) => all.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i)
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

/** null when the Trigger's allowed_users takes the sender (or names nobody), otherwise why not. */
function allowedByTrigger(state: ApprovalState, answer: ApprovalAnswer, facts: ApproverFacts): string | null {
  const allowed = facts.allowedUsers ?? []
  if (allowed.length === 0) return null
  if (allowed.some((a) => !TEAM.test(a) && same(a, answer.sender))) return null
  const teams = teamsIn(allowed)
  if (teams.some((team) => teamMembership(facts, team) === true)) return null
  const unread = teams.filter((team) => teamMembership(facts, team) === null).map((t) => `team:${t}`)
  const note = unread.length > 0 ? ` (membership of ${unread.join(', ')} could not be read)` : ''
  return `@${answer.sender} is not in the allowed_users of Trigger '${state.trigger ?? '(none)'}' (${allowed.join(', ')})${note}, so may not answer its requests`
}

/** null when the sender may answer, otherwise why not. */
function authority(state: ApprovalState, answer: ApprovalAnswer, facts: ApproverFacts): string | null {
  const who = `@${answer.sender}`
  const declined = allowedByTrigger(state, answer, facts)
  if (declined) return declined
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

/** null when the request belongs to this thread, otherwise why not. */
function wrongThread(state: ApprovalState, thread: AnswerThread): string | null {
  if (!same(state.repository, thread.repository)) return `request ${state.id} was made in ${state.repository}, not ${thread.repository}`
  if (state.number !== thread.number) return `request ${state.id} was made on #${state.number}, not on #${thread.number} where this answer was written`
  return null
}

/**
 * Checks in this order: the request belongs to this repository and thread; a withdrawal changes
 * nothing; the request is still pending and not past its time; the sender may answer (someone the
 * Trigger's allowed_users takes, and a listed approver or team member, or, with no list, someone
 * with the required role); the requester cannot approve their own request (they may withdraw it
 * with /deny); on a pull request an approval holds only for the head commit it was asked for, and
 * a request or an event without one is refused.
 */
export function decideApproval(state: ApprovalState, answer: ApprovalAnswer, facts: ApproverFacts, thread: AnswerThread): ApprovalDecision {
  const refuse = (reason: string, next: ApprovalState | null = null): ApprovalDecision => ({ action: 'refuse', reason, state: next })
  const elsewhere = wrongThread(state, thread)
  if (elsewhere) return refuse(`${elsewhere}; refusing it`)
  if (answer.verb === 'withdraw') {
    const words = answer.words ?? '/approve cancel'
    const status =
      state.status === 'pending' ? `request ${state.id} is still pending (answer /deny to cancel it)` : `request ${state.id} was already ${state.status}`
    return { action: 'keep', reason: `${words} by @${answer.sender} withdraws an approval, and nothing was approved; ${status}`, state: null }
  }
  if (state.status !== 'pending') {
    const by = state.decision ? ` by @${state.decision.by}` : ''
    return refuse(`request ${state.id} is no longer pending: it was ${state.status}${by}`)
  }
  if (state.expiresAt && Date.parse(answer.at) > Date.parse(state.expiresAt)) {
    return refuse(`request ${state.id} expired at ${state.expiresAt}; ask again`, updated(state, 'expired', answer, 'expired before it was answered'))
  }
  const isRequester = same(answer.sender, state.requester)
  if (answer.verb === 'deny') {
    if (isRequester)
      return {
        action: 'cancel',
        reason: `@${answer.sender} withdrew request ${state.id}`,
        state: updated(state, 'denied', answer, answer.note || 'withdrawn by the requester')
      }
    const refused = authority(state, answer, facts)
    if (refused) return refuse(refused)
    return { action: 'cancel', reason: `@${answer.sender} denied request ${state.id}`, state: updated(state, 'denied', answer, answer.note) }
  }
  if (isRequester) return refuse(`@${answer.sender} asked for this and cannot approve their own request; another approver must answer`)
  const refused = authority(state, answer, facts)
  if (refused) return refuse(refused)
  if (thread.isPullRequest && (state.headSha === null || thread.headSha === null)) {
    const missing = state.headSha === null ? 'the request records no head commit' : 'the head commit of the pull request is not known in this run'
    return refuse(`${missing}, so the approval cannot be tied to the code it covers; ask again`)
  }
  const currentHeadSha = thread.headSha
  if (state.headSha !== null && (currentHeadSha === null || currentHeadSha.toLowerCase() !== state.headSha.toLowerCase())) {
    const now = currentHeadSha ? ` to ${currentHeadSha.slice(0, 7)}` : ''
    const reason = `the PR head changed from ${state.headSha.slice(0, 7)}${now} after the request; the approval would cover code nobody reviewed, so ask again`
    return refuse(reason, updated(state, 'stale', answer, reason))
  }
  return { action: 'resume', reason: `@${answer.sender} approved request ${state.id}`, state: updated(state, 'approved', answer, answer.note) }
}
