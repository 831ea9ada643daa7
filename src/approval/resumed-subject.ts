// What the agent reads when an approval resumes a held command. The event of that run is the
// `/approve` comment, but the request is what was held: the issue or PR it was asked on (as the
// original event showed it), who asked for what, and who answered. The answer is shown as an
// answer, never as the request. Pure.
import type { EventSubject, SubjectValue } from '../event/event-subject.js'
import type { PullRequestInfo } from '../github/types.js'
import type { ApprovalState } from './approval-state.js'

export interface ApprovalAnswer {
  verb: 'approve' | 'deny'
  by: string
  at: string
  note: string
}

function asObject(value: SubjectValue | undefined): { [key: string]: SubjectValue } | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null
}

/** The held command as it was asked: `/deploy staging now`, or the target for an event-routed one. */
export function heldCommand(state: ApprovalState): string {
  const { key, args, via, target } = state.invocation
  if (key === null) return `${target.kind}:${target.name}`
  const slash = via === 'command' || via === 'mention'
  return `${slash ? '/' : ''}${key}${args ? ` ${args}` : ''}`
}

/** A PR as the `pull_request` subject of a pull_request event shows it. */
function pullSubject(pr: PullRequestInfo): { [key: string]: SubjectValue } {
  return {
    number: pr.number,
    title: pr.title,
    ...(pr.author ? { author: pr.author } : {}),
    state: pr.state,
    ...(pr.draft ? { draft: true } : {}),
    ...(pr.labels.length ? { labels: pr.labels } : {}),
    ...(pr.body ? { body: pr.body } : {}),
    base: pr.baseRef,
    head: pr.headRef
  }
}

/**
 * The subject of a resumed run: the PR (read from GitHub, else the issue part of the answer's
 * event) or the issue, the request (`command`, `requested_by`, `requested_at`), and the answer.
 * The answering comment's own text is left out: it is not what the agent was asked to do.
 */
export function resumedSubject(answerSubject: EventSubject | null, state: ApprovalState, answer: ApprovalAnswer, pull: PullRequestInfo | null): EventSubject {
  const issue = asObject(answerSubject?.issue)
  const about: EventSubject = pull ? { pull_request: pullSubject(pull) } : issue ? { [state.headSha ? 'pull_request' : 'issue']: issue } : {}
  return {
    ...about,
    request: { command: heldCommand(state), requested_by: state.requester, requested_at: state.requestedAt },
    approval: {
      [answer.verb === 'approve' ? 'approved_by' : 'denied_by']: answer.by,
      at: answer.at,
      ...(answer.note ? { note: answer.note } : {})
    }
  }
}
