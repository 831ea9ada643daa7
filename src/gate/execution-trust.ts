// Whether this run may execute code in the job: a shell, a CLI, a git write, a file write, a local
// MCP server. Pure: the caller reads the facts (the event, the requester's role) and asks here, so
// every tool that runs code decides the same way.
import type { EventContext } from '../event/types.js'
import { atLeast, type Permission } from '../shared/permission.js'

/**
 * The role a requester needs before anything runs code for them: the role that can already push a
 * workflow that runs code. A Trigger may open a command to `triage` or `read`; its agents then still
 * talk and write to GitHub, but run nothing.
 */
export const EXECUTION_PERMISSION: Permission = 'write'

/** CI events whose payload names the code they ran. */
const CI_EVENTS = ['workflow_run', 'check_run', 'check_suite'] as const

export interface ExecutionFacts {
  event: Pick<EventContext, 'name' | 'repository' | 'fromFork' | 'isPullRequest' | 'headSha'>
  /** The event's raw payload: a CI event's head repository is read from it. */
  payload: unknown
  /** Who asked: the sender, or the requester an approver answered; null when the event has none (schedule). */
  requester: string | null
  /** The requester's real repository role; null when it was not read or could not be. */
  requesterPermission: Permission | null
  /** Why the role could not be read, for the refusal. */
  permissionError?: string
}

export type TrustVerdict = { trusted: true; reason: string } | { trusted: false; reason: string }

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

function fullName(repo: unknown): string | null {
  const name = record(repo)?.full_name
  return typeof name === 'string' ? name.toLowerCase() : null
}

/**
 * Why the workspace may hold code someone outside the repository wrote, or null when it holds only
 * the repository's own. Conservative: when the payload cannot tell, the answer is "may".
 *
 * - A PR event, or a comment or review on a PR, whose head is a fork (or a deleted fork): the job
 *   may have checked out the head, and on `pull_request` it did. A comment on a PR that could not
 *   be read counts as one.
 * - `workflow_run` whose `head_repository` is not this repository.
 * - `check_run` / `check_suite`: GitHub lists in `pull_requests` only PRs whose head is in this
 *   repository; with none listed the head may be a fork's, so only a listed PR makes it trusted.
 */
export function untrustedCodeReason(event: ExecutionFacts['event'], payload: unknown): string | null {
  if (event.fromFork) return `the pull request's head is a fork, and the workspace may hold its code`
  // A comment's payload does not say where the PR's head lives; the PR is read for it (headSha set).
  if (event.name === 'issue_comment' && event.isPullRequest && event.headSha === null) {
    return `the pull request could not be read, so its head may be a fork's`
  }
  const data = record(payload)
  if (event.name === 'workflow_run') {
    const run = record(data?.workflow_run)
    const head = fullName(run?.head_repository)
    const base = fullName(data?.repository) ?? event.repository?.toLowerCase() ?? null
    if (head === null || base === null) return 'the workflow run does not say which repository its code came from'
    return head === base ? null : `the workflow run ran code from ${head}, not from this repository`
  }
  if ((CI_EVENTS as readonly string[]).includes(event.name)) {
    const suite = record(data?.[event.name]) ?? {}
    const check = event.name === 'check_run' ? (record(suite.check_suite) ?? suite) : suite
    const pulls = Array.isArray(check.pull_requests) ? check.pull_requests : Array.isArray(suite.pull_requests) ? suite.pull_requests : []
    return pulls.length > 0 ? null : `the ${event.name} names no pull request of this repository, so its code may be a fork's`
  }
  return null
}

/**
 * May this run execute code? Only when the workspace holds the repository's own code and whoever
 * asked could already run code here (EXECUTION_PERMISSION). An event without a sender (schedule)
 * is the repository's own workflow. A refusal says why in one sentence.
 */
export function executionTrust(facts: ExecutionFacts): TrustVerdict {
  const untrusted = untrustedCodeReason(facts.event, facts.payload)
  if (untrusted) return { trusted: false, reason: `runs no code: ${untrusted}` }
  if (facts.requester === null) return { trusted: true, reason: 'the event has no sender: the repository itself started the run' }
  const who = `@${facts.requester}`
  if (facts.requesterPermission === null) {
    return {
      trusted: false,
      reason: `runs no code: could not read ${who}'s repository permission${facts.permissionError ? ` (${facts.permissionError})` : ''}`
    }
  }
  if (!atLeast(facts.requesterPermission, EXECUTION_PERMISSION)) {
    return {
      trusted: false,
      reason: `runs no code: ${who} has ${facts.requesterPermission} permission, and running code in the job needs ${EXECUTION_PERMISSION}`
    }
  }
  return { trusted: true, reason: `${who} has ${facts.requesterPermission} permission and the workspace holds this repository's code` }
}
