import type { EventSubject } from './event-subject.js'

// The event as plain data. Built once from GITHUB_EVENT_NAME/PATH; nothing downstream reads `github.context`.

export type MetadataValue = string | number | boolean | null | string[]

/** The text commands are parsed from, and what kind of text it is. */
export interface CommandText {
  kind: 'issue_comment' | 'review_comment' | 'review' | 'issue_body' | 'pr_body'
  body: string
}

export interface Actor {
  login: string
  id: number
  /** `User`, `Bot`, `Organization` as GitHub reports it. */
  type: string
}

export interface EventContext {
  /** GITHUB_EVENT_NAME (`pull_request`, `issue_comment`, …). */
  name: string
  /** payload `action`, or null for events without one (push, create, delete, fork). */
  action: string | null
  /** `owner/repo`, or null for org-level events without a repository. */
  repository: string | null
  sender: Actor | null
  /** push: the ref's branch; PR events: the base branch; null when the event has none (or not yet known). */
  branch: string | null
  /** PR: `pull_request.head.sha` (never GITHUB_SHA, the merge commit); push: `after`; else null. */
  headSha: string | null
  /** PR or issue number the event is about. */
  number: number | null
  isPullRequest: boolean
  /** Set when the event carries a text that may hold commands. */
  text: CommandText | null
  /** The comment id (issue comment, review comment) for reactions and replies. */
  commentId: number | null
  /** When the comment was written (ISO), for answers that must be ordered (`/approve`). */
  commentCreatedAt: string | null
  /** The repository's default branch, where the config that judges the event lives. */
  defaultBranch: string | null
  /** PR: the base commit, recorded with a review's state. */
  baseSha: string | null
  /** PR: the head branch comes from another repository (a fork). */
  fromFork: boolean
  /** Every variable of AOF's reference tables, exact names and types, plus this action's extras (comment_body, command, …). */
  metadata: Record<string, MetadataValue>
  /** What a person handling the event would read (bodies, comments, commits, CI facts), raw; null when the event has none. */
  subject?: EventSubject | null
  /** An Actions run that completed with a failure (`workflow_run`, a failed job's `check_run`, a failed `check_suite`): where its jobs and logs are read. */
  failedRun?: FailedRun | null
}

/**
 * The run whose failed jobs and log tails the agent is shown; `jobId` narrows it to one job (a
 * check run is a job). A check suite does not name its run: `runId` is null and the shell finds
 * the suite's runs by `checkSuiteId`.
 */
export interface FailedRun {
  runId: number | null
  jobId: number | null
  checkSuiteId?: number
}
