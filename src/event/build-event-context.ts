import { buildMetadata } from './build-metadata.js'
import { buildEventSubject } from './event-subject.js'
import { asNumber, asRecord, asString, issueIsPullRequest, type JsonRecord } from './payload-readers.js'
import type { Actor, CommandText, EventContext, FailedRun } from './types.js'

const ZERO_SHA = /^0+$/

/** `refs/heads/x` -> `x`; tags and other refs have no branch. */
function branchOfRef(ref: string | null): string | null {
  return ref !== null && ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
}

/** The branch the `branches` filter reads: push ref, PR base, created/deleted branch, CI run branch. */
function branchOf(eventName: string, payload: JsonRecord): string | null {
  const pr = asRecord(payload.pull_request)
  if (pr) return asString(asRecord(pr.base)?.ref)
  if (eventName === 'push') return branchOfRef(asString(payload.ref))
  if (eventName === 'create' || eventName === 'delete') {
    return asString(payload.ref_type) === 'branch' ? asString(payload.ref) : null
  }
  if (eventName === 'merge_group') return branchOfRef(asString(asRecord(payload.merge_group)?.base_ref))
  if (eventName === 'check_run') return asString(asRecord(asRecord(payload.check_run)?.check_suite)?.head_branch)
  const run = asRecord(payload[eventName])
  if (eventName === 'workflow_run' || eventName === 'workflow_job' || eventName === 'check_suite') {
    return asString(run?.head_branch)
  }
  return null
}

/** PR head (never GITHUB_SHA, which is the merge commit), push `after`, or the SHA a CI run is for. */
function headShaOf(eventName: string, payload: JsonRecord): string | null {
  const pr = asRecord(payload.pull_request)
  if (pr) return asString(asRecord(pr.head)?.sha)
  if (eventName === 'push') {
    const after = asString(payload.after)
    return after === null || ZERO_SHA.test(after) ? null : after
  }
  if (['workflow_run', 'workflow_job', 'check_run', 'check_suite', 'merge_group'].includes(eventName)) {
    return asString(asRecord(payload[eventName])?.head_sha)
  }
  return null
}

function senderOf(payload: JsonRecord): Actor | null {
  const sender = asRecord(payload.sender)
  const login = asString(sender?.login)
  if (sender === null || login === null) return null
  return { login, id: asNumber(sender.id) ?? 0, type: asString(sender.type) ?? 'User' }
}

function textOf(kind: CommandText['kind'], body: unknown): CommandText | null {
  const text = asString(body)
  return text === null || text.trim() === '' ? null : { kind, body: text }
}

/**
 * The text that may hold commands. Edited comments keep their text so the router can say it does
 * not re-run them; deleted ones have none. Issue and PR bodies count only when opened.
 */
function commandTextOf(eventName: string, action: string | null, payload: JsonRecord): CommandText | null {
  const comment = asRecord(payload.comment)
  switch (eventName) {
    case 'issue_comment':
      return action === 'created' || action === 'edited' ? textOf('issue_comment', comment?.body) : null
    case 'pull_request_review_comment':
      return action === 'created' || action === 'edited' ? textOf('review_comment', comment?.body) : null
    case 'pull_request_review':
      return action === 'submitted' || action === 'edited' ? textOf('review', asRecord(payload.review)?.body) : null
    case 'issues':
      return action === 'opened' ? textOf('issue_body', asRecord(payload.issue)?.body) : null
    case 'pull_request':
    case 'pull_request_target':
      return action === 'opened' ? textOf('pr_body', asRecord(payload.pull_request)?.body) : null
    default:
      return null
  }
}

function commentIdOf(eventName: string, payload: JsonRecord): number | null {
  if (eventName !== 'issue_comment' && eventName !== 'pull_request_review_comment') return null
  return asNumber(asRecord(payload.comment)?.id)
}

const FAILED = ['failure', 'timed_out', 'startup_failure']

/**
 * A failed Actions run. A `check_run` written by GitHub Actions is one job: its id is the job's id
 * and its details URL names the run (`…/actions/runs/RUN/job/JOB`). A `check_suite` does not name
 * its run: its id is kept, and the shell asks which runs it holds.
 */
function failedRunOf(eventName: string, payload: JsonRecord): FailedRun | null {
  if (eventName === 'workflow_run') {
    const run = asRecord(payload.workflow_run)
    const runId = asNumber(run?.id)
    return runId !== null && FAILED.includes(asString(run?.conclusion) ?? '') ? { runId, jobId: null } : null
  }
  if (eventName === 'check_run') {
    const check = asRecord(payload.check_run)
    if (!FAILED.includes(asString(check?.conclusion) ?? '')) return null
    const match = /\/actions\/runs\/(\d+)\/job\/(\d+)/.exec(asString(check?.details_url) ?? '')
    return match ? { runId: Number(match[1]), jobId: Number(match[2]) } : null
  }
  if (eventName === 'check_suite') {
    const suite = asRecord(payload.check_suite)
    const id = asNumber(suite?.id)
    return id !== null && FAILED.includes(asString(suite?.conclusion) ?? '') ? { runId: null, jobId: null, checkSuiteId: id } : null
  }
  return null
}

/** The first PR a CI run belongs to, so an agent answering the failure can comment there. */
function ciPullNumber(eventName: string, payload: JsonRecord): number | null {
  if (!['workflow_run', 'check_run', 'check_suite'].includes(eventName)) return null
  const pulls = asRecord(payload[eventName])?.pull_requests
  return Array.isArray(pulls) ? asNumber(asRecord(pulls[0])?.number) : null
}

/** A PR whose head branch lives in another repository; a deleted fork (null head repo) counts as one. */
function fromForkOf(pr: JsonRecord | null): boolean {
  const head = asRecord(pr?.head)
  const base = asString(asRecord(asRecord(pr?.base)?.repo)?.full_name)
  if (head === null || base === null) return false
  if (head.repo === null) return true
  const headName = asString(asRecord(head.repo)?.full_name)
  return headName !== null && headName.toLowerCase() !== base.toLowerCase()
}

/**
 * The event as plain data, built once from GITHUB_EVENT_NAME and the payload. Never throws: an
 * unknown shape gives nulls. Org-level payloads have no `repository`; `GITHUB_REPOSITORY` stands in.
 */
export function buildEventContext(eventName: string, payload: unknown, env: { GITHUB_REPOSITORY?: string } = {}): EventContext {
  const data = asRecord(payload) ?? {}
  const fallbackRepository = env.GITHUB_REPOSITORY ? env.GITHUB_REPOSITORY : null
  const action = asString(data.action)
  const pr = asRecord(data.pull_request)
  const issue = asRecord(data.issue)
  const ciPull = ciPullNumber(eventName, data)
  return {
    name: eventName,
    action,
    repository: asString(asRecord(data.repository)?.full_name) ?? fallbackRepository,
    sender: senderOf(data),
    branch: branchOf(eventName, data),
    headSha: headShaOf(eventName, data),
    number: asNumber(pr?.number) ?? asNumber(issue?.number) ?? ciPull,
    isPullRequest: pr !== null || issueIsPullRequest(issue) || ciPull !== null,
    text: commandTextOf(eventName, action, data),
    commentId: commentIdOf(eventName, data),
    commentCreatedAt: commentIdOf(eventName, data) === null ? null : asString(asRecord(data.comment)?.created_at),
    defaultBranch: asString(asRecord(data.repository)?.default_branch),
    baseSha: asString(asRecord(pr?.base)?.sha),
    fromFork: fromForkOf(pr),
    metadata: buildMetadata(eventName, data, fallbackRepository),
    subject: buildEventSubject(eventName, data),
    failedRun: failedRunOf(eventName, data)
  }
}
