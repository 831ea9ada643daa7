// What a person handling the event would read, taken from the payload as it came: the issue, PR,
// comment, review, commits, release, discussion or CI run, with their texts. Raw and unbudgeted;
// execute/ sanitises and cuts it for the model. Pure; never throws.
import { asBoolean, asNumber, asRecord, asString, issueIsPullRequest, labelNames, loginOf, type JsonRecord } from './payload-readers.js'

export type SubjectValue = string | number | boolean | null | SubjectValue[] | { [key: string]: SubjectValue }
export type EventSubject = Record<string, SubjectValue>

/** Keys whose strings are code (shown on GitHub as written), not prose. */
export const CODE_KEYS: ReadonlySet<string> = new Set(['diff_hunk', 'path'])

/** Commits of a push beyond these are counted, not shown; GitHub's payload holds at most 20 anyway. */
const MAX_COMMITS = 20

/** Drops null and empty values, so the model reads only what the event has. */
function compact(fields: Record<string, SubjectValue | undefined>): { [key: string]: SubjectValue } {
  const out: { [key: string]: SubjectValue } = {}
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue
    out[key] = value
  }
  return out
}

function issueLike(item: JsonRecord | null): { [key: string]: SubjectValue } | null {
  if (item === null) return null
  return compact({
    number: asNumber(item.number),
    title: asString(item.title),
    author: loginOf(item),
    state: asString(item.state),
    draft: asBoolean(item.draft) === true ? true : undefined,
    labels: labelNames(item.labels),
    body: asString(item.body)
  })
}

function pullRequest(pr: JsonRecord | null): { [key: string]: SubjectValue } | null {
  const base = issueLike(pr)
  if (pr === null || base === null) return null
  return {
    ...base,
    ...compact({ base: asString(asRecord(pr.base)?.ref), head: asString(asRecord(pr.head)?.ref), merged: asBoolean(pr.merged) === true ? true : undefined })
  }
}

/** `changes: {title: {from}, body: {from}}` on `edited`: the earlier text of each field that changed. */
function changesOf(payload: JsonRecord): { [key: string]: SubjectValue } | null {
  const changes = asRecord(payload.changes)
  if (changes === null) return null
  const out: { [key: string]: SubjectValue } = {}
  for (const [field, change] of Object.entries(changes)) {
    const from = asRecord(change)?.from
    if (typeof from === 'string') out[`${field}_before`] = from
    const ref = asString(asRecord(asRecord(change)?.ref)?.from)
    if (ref !== null) out[`${field}_before`] = ref
  }
  return Object.keys(out).length ? out : null
}

function comment(value: unknown): { [key: string]: SubjectValue } | null {
  const c = asRecord(value)
  if (c === null) return null
  return compact({ author: loginOf(c), created_at: asString(c.created_at), body: asString(c.body) })
}

function reviewComment(value: unknown): { [key: string]: SubjectValue } | null {
  const c = asRecord(value)
  if (c === null) return null
  return compact({
    author: loginOf(c),
    created_at: asString(c.created_at),
    path: asString(c.path),
    line: asNumber(c.line) ?? asNumber(c.original_line),
    start_line: asNumber(c.start_line),
    side: asString(c.side),
    in_reply_to: asNumber(c.in_reply_to_id),
    diff_hunk: asString(c.diff_hunk),
    body: asString(c.body)
  })
}

function pullNumbers(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null
  const numbers = value.flatMap((p) => {
    const n = asNumber(asRecord(p)?.number)
    return n === null ? [] : [n]
  })
  return numbers.length ? numbers : null
}

function commits(payload: JsonRecord): SubjectValue {
  const list = Array.isArray(payload.commits) ? payload.commits : []
  return list.slice(-MAX_COMMITS).flatMap((entry) => {
    const c = asRecord(entry)
    if (c === null) return []
    const author = asRecord(c.author)
    return [
      compact({
        id: asString(c.id)?.slice(0, 12),
        author: asString(author?.username) ?? asString(author?.name),
        time: asString(c.timestamp),
        message: asString(c.message)
      })
    ]
  })
}

function workflowRun(payload: JsonRecord): { [key: string]: SubjectValue } | null {
  const run = asRecord(payload.workflow_run)
  if (run === null) return null
  return compact({
    workflow: asString(asRecord(payload.workflow)?.name) ?? asString(run.name),
    name: asString(run.name),
    title: asString(run.display_title),
    triggered_by: asString(run.event),
    status: asString(run.status),
    conclusion: asString(run.conclusion),
    head_branch: asString(run.head_branch),
    head_sha: asString(run.head_sha),
    run_number: asNumber(run.run_number),
    attempt: asNumber(run.run_attempt),
    url: asString(run.html_url),
    pull_requests: pullNumbers(run.pull_requests)
  })
}

function checkRun(payload: JsonRecord): { [key: string]: SubjectValue } | null {
  const run = asRecord(payload.check_run)
  if (run === null) return null
  const output = asRecord(run.output)
  return compact({
    name: asString(run.name),
    app: asString(asRecord(run.app)?.name),
    status: asString(run.status),
    conclusion: asString(run.conclusion),
    head_branch: asString(asRecord(run.check_suite)?.head_branch),
    head_sha: asString(run.head_sha),
    url: asString(run.html_url),
    pull_requests: pullNumbers(run.pull_requests),
    output_title: asString(output?.title),
    output_summary: asString(output?.summary),
    output_text: asString(output?.text)
  })
}

function checkSuite(payload: JsonRecord): { [key: string]: SubjectValue } | null {
  const suite = asRecord(payload.check_suite)
  if (suite === null) return null
  return compact({
    app: asString(asRecord(suite.app)?.name),
    status: asString(suite.status),
    conclusion: asString(suite.conclusion),
    head_branch: asString(suite.head_branch),
    head_sha: asString(suite.head_sha),
    pull_requests: pullNumbers(suite.pull_requests)
  })
}

function withEntries(fields: Record<string, SubjectValue | null | undefined>): EventSubject | null {
  const out = compact(fields)
  return Object.keys(out).length ? out : null
}

/**
 * The event's readable content by event name; null for events with nothing a person would read
 * beyond the metadata (labels, stars, schedules).
 */
export function buildEventSubject(eventName: string, payload: unknown): EventSubject | null {
  const data = asRecord(payload) ?? {}
  const issue = asRecord(data.issue)
  const pr = asRecord(data.pull_request)
  switch (eventName) {
    case 'issues':
      return withEntries({ issue: issueLike(issue), changes: changesOf(data) })
    case 'issue_comment':
      return withEntries({
        comment: comment(data.comment),
        [issueIsPullRequest(issue) ? 'pull_request' : 'issue']: issueLike(issue),
        changes: changesOf(data)
      })
    case 'pull_request':
    case 'pull_request_target':
      return withEntries({ pull_request: pullRequest(pr), changes: changesOf(data) })
    case 'pull_request_review': {
      const review = asRecord(data.review)
      return withEntries({
        review:
          review &&
          compact({ author: loginOf(review), state: asString(review.state), submitted_at: asString(review.submitted_at), body: asString(review.body) }),
        pull_request: pullRequest(pr)
      })
    }
    case 'pull_request_review_comment':
      return withEntries({ comment: reviewComment(data.comment), pull_request: pullRequest(pr), changes: changesOf(data) })
    case 'push': {
      const total = Array.isArray(data.commits) ? data.commits.length : 0
      return withEntries({
        ref: asString(data.ref),
        pusher: asString(asRecord(data.pusher)?.name),
        forced: asBoolean(data.forced) === true ? true : undefined,
        compare: asString(data.compare),
        commits: commits(data),
        commits_not_shown: total > MAX_COMMITS ? total - MAX_COMMITS : undefined
      })
    }
    case 'release': {
      const release = asRecord(data.release)
      return withEntries({
        release:
          release &&
          compact({
            tag: asString(release.tag_name),
            name: asString(release.name),
            author: asString(asRecord(release.author)?.login),
            draft: asBoolean(release.draft) === true ? true : undefined,
            prerelease: asBoolean(release.prerelease) === true ? true : undefined,
            url: asString(release.html_url),
            body: asString(release.body)
          }),
        changes: changesOf(data)
      })
    }
    case 'create':
    case 'delete':
      return withEntries({ ref: asString(data.ref), ref_type: asString(data.ref_type), description: asString(data.description) })
    case 'discussion':
    case 'discussion_comment': {
      const discussion = asRecord(data.discussion)
      return withEntries({
        ...(eventName === 'discussion_comment' ? { comment: comment(data.comment) } : {}),
        discussion: discussion && {
          ...(issueLike(discussion) ?? {}),
          ...compact({ category: asString(asRecord(discussion.category)?.name), answered: asString(discussion.answer_html_url) ? true : undefined })
        },
        changes: changesOf(data)
      })
    }
    case 'workflow_run':
      return withEntries({ workflow_run: workflowRun(data) })
    case 'check_run':
      return withEntries({ check_run: checkRun(data) })
    case 'check_suite':
      return withEntries({ check_suite: checkSuite(data) })
    default:
      return null
  }
}
