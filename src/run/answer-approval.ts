// `/approve` or `/deny` on a thread with a pending request: decided from the request's own state
// (requester, approvers, head SHA) and the answerer's real permission, then resumed or cancelled.
import { checkApprovalAgainstConfig } from '../approval/check-approval-against-config.js'
import type { ApprovalState } from '../approval/approval-state.js'
import { approverTeams, decideApproval, type ApproverFacts } from '../approval/decide-approval.js'
import { answersBefore, firstValidAnswer } from '../approval/earlier-answer.js'
import { findPendingApproval } from '../approval/find-pending-approval.js'
import type { ApprovalCommand } from '../approval/parse-approval-command.js'
import { resumedSubject, type ApprovalAnswer } from '../approval/resumed-subject.js'
import type { EventContext } from '../event/types.js'
import type { TargetShell } from '../execute/run-target.js'
import { runTarget, writeApproval } from '../execute/run-target.js'
import type { GitHubPort } from '../github/github-port.js'
import type { PullRequestInfo } from '../github/types.js'
import { errorMessage } from '../shared/errors.js'
import type { RunRecord } from '../report/types.js'
import type { Invocation } from '../route/types.js'
import type { RunContext } from './run-context.js'
import { createTargetShell } from './target-shell.js'

/** What deciding an answer of `login` needs: their teams among those named, and their repository permission. */
async function factsOf(ctx: RunContext, port: GitHubPort, state: ApprovalState, login: string, notes: string[]): Promise<ApproverFacts> {
  const allowedUsers = ctx.config.triggers.find((t) => t.name === state.trigger)?.allowedUsers ?? []
  const teams: Record<string, boolean | null> = {}
  for (const team of approverTeams(state, allowedUsers)) {
    const membership = await port.getTeamMembership(team, login)
    teams[team] = membership.member
    if (membership.member === null) notes.push(membership.error)
  }
  const permission = await port.getSenderPermission(login)
  return { permission: permission.permission, ...(permission.permission === null ? { permissionError: permission.error } : {}), teams, allowedUsers }
}

/**
 * The shell of the resumed run: its event is still the answer's, but what it is about is the
 * request (the PR as GitHub has it now, the held command, who asked), with the answer beside it.
 */
async function resumedShell(ctx: RunContext, shell: TargetShell, state: ApprovalState, answer: ApprovalAnswer): Promise<TargetShell> {
  const { event } = ctx
  let pull: PullRequestInfo | null = null
  if (ctx.port && event.isPullRequest && event.number !== null) {
    try {
      pull = await ctx.port.getPullRequest(event.number)
    } catch (error) {
      ctx.runtime.runner.warning(`Could not read #${event.number} (${errorMessage(error)}); the agent gets the request without the PR's current text.`)
    }
  }
  const resumed: EventContext = { ...shell.event, subject: resumedSubject(event.subject ?? null, state, answer, pull) }
  return { ...shell, event: resumed }
}

export async function answerApproval(ctx: RunContext, command: ApprovalCommand, record: RunRecord, botName: string): Promise<void> {
  const { event, config } = ctx
  const sender = event.sender
  if (!ctx.settings.stateKey) {
    // Unsealed state cannot be told from an edited copy: answer nothing, not even to say no.
    record.notes.push(`${command.words} ignored: approvals need the state-key input (state-key: \${{ secrets.AOF_STATE_KEY }}); nothing was read or written`)
    return
  }
  if (!ctx.port || !ctx.publisher || event.number === null || !sender || !event.repository) {
    record.notes.push(`${command.words} needs github-token and an issue or PR; nothing was done`)
    return
  }
  const comments = await ctx.port.listIssueComments(event.number)
  const ownLogin = await ctx.ownLogin()
  if (ownLogin === null)
    record.notes.push(
      'could not tell which account github-token writes as (GET /user failed), so no approval request can be read; set app-slug for a GitHub App token'
    )
  const lookup = findPendingApproval(comments, { id: command.id, ownLogin, stateKey: ctx.settings.stateKey })
  if (!lookup.found) {
    record.notes.push(`${command.words}: ${lookup.reason}`)
    return
  }
  const state = lookup.state
  const port = ctx.port
  const facts = await factsOf(ctx, port, state, sender.login, record.notes)
  const at = event.commentCreatedAt ?? new Date().toISOString()
  const answer = { verb: command.verb, words: command.words, sender: sender.login, senderIsBot: sender.type === 'Bot', at, note: command.note }
  const thread = { repository: event.repository, number: event.number, isPullRequest: event.isPullRequest, headSha: event.headSha }
  let decision = decideApproval(state, answer, facts, thread)
  if (decision.action === 'resume' || decision.action === 'cancel') {
    // Runs for answers written together may all still read the request as pending: the earliest
    // valid answer decides, and this one yields to it without writing anything.
    const earlier = answersBefore(comments, {
      request: { id: lookup.comment.id, createdAt: lookup.comment.createdAt ?? null },
      mine: { id: event.commentId, createdAt: event.commentCreatedAt },
      requestId: state.id,
      botName,
      ownLogin
    })
    const judged = await Promise.all(earlier.map(async (e) => ({ answer: e.answer, facts: await factsOf(ctx, port, state, e.answer.sender, []) })))
    const first = firstValidAnswer(state, judged, thread)
    if (first) {
      const verb = first.action === 'resume' ? 'approved' : 'denied'
      decision = {
        action: 'keep',
        reason: `request ${state.id} was already answered by @${first.answer.sender} (${first.answer.words ?? `/${first.answer.verb}`}, written earlier), who ${verb} it; this answer changes nothing`,
        state: null
      }
    }
  }
  ctx.runtime.runner.info(`${command.words} on request ${state.id}: ${decision.reason}`)
  // A flow that pauses again asks on behalf of the original requester, who still cannot approve it.
  const shell = createTargetShell(ctx, state.trigger ?? 'github-agent', state.requester)
  if (decision.state) await writeApproval(shell, decision.state)
  const held: Invocation = { ...state.invocation }
  const target = `${state.invocation.target.kind}:${state.invocation.target.name}`
  record.decision = {
    matched: true,
    trigger: state.trigger,
    verdicts: [],
    invocations: [held],
    skippedReason: null,
    notes: [`${command.words} by @${sender.login}: ${decision.reason}`]
  }
  if (decision.action === 'refuse' || decision.action === 'keep') {
    record.outcomes.push({ invocation: held, target, status: decision.action === 'keep' ? 'not-run' : 'refused', detail: decision.reason })
    return
  }
  const checked = checkApprovalAgainstConfig(state, config)
  if (!checked.ok) {
    record.outcomes.push({ invocation: held, target, status: 'refused', detail: checked.reason })
    return
  }
  if (decision.action === 'cancel') {
    if (state.flow) {
      // A denied Approval node may lead somewhere (a "deploy cancelled" reply); run what the flow says.
      const denied = await resumedShell(ctx, shell, state, { verb: 'deny', by: sender.login, at, note: command.note })
      const { outcome, outputs } = await runTarget(denied, checked.invocation, {
        resumed: { by: sender.login, flow: { state: state.flow, decision: 'denied', by: sender.login } }
      })
      Object.assign(record.extraOutputs, outputs, { 'approved-by': '' })
      record.outcomes.push({ ...outcome, detail: `denied by @${sender.login}; ${outcome.detail}` })
    } else {
      record.outcomes.push({ invocation: held, target, status: 'not-run', detail: `denied by @${sender.login}` })
    }
    return
  }
  const resumed = { by: sender.login, ...(state.flow ? { flow: { state: state.flow, decision: 'approved' as const, by: sender.login } } : {}) }
  const approved = await resumedShell(ctx, shell, state, { verb: 'approve', by: sender.login, at, note: command.note })
  const { outcome, outputs } = await runTarget(approved, checked.invocation, { resumed })
  Object.assign(record.extraOutputs, outputs, { 'approved-by': sender.login })
  record.outcomes.push(outcome)
}
