// Plain data the GitHub layer hands to the rest of the app, so nothing else sees Octokit's shapes.
import type { PullRequestFacts } from '../event/with-pull-request.js'

/** `owner/repo` split once. */
export interface RepoRef {
  owner: string
  repo: string
}

export interface ChangedFile {
  filename: string
  status: string
  additions: number
  deletions: number
  changes: number
  /** Unified-diff hunks; absent for binary files and for diffs GitHub considers too large. */
  patch?: string
  previousFilename?: string
}

/** A PR as the port reads it: what a comment event lacks of its PR (EventContext fills in from it), plus its text and labels. */
export interface PullRequestInfo extends PullRequestFacts {
  body: string
  labels: string[]
  /** GitHub computes it in the background: null until it has (and absent where not read). */
  mergeable?: boolean | null
  /** `clean`, `dirty` (conflicts), `blocked`, `behind`, `unstable`, … as GitHub reports it. */
  mergeableState?: string | null
}

/** A commit as listed for a PR or a comparison. */
export interface CommitInfo {
  sha: string
  message: string
  /** The GitHub login when the commit's email maps to one, else the git author name. */
  author: string | null
  time: string | null
}

export interface IssueInfo {
  number: number
  title: string
  body: string
  state: string
  author: string | null
  labels: string[]
  isPullRequest: boolean
  htmlUrl: string
}

export interface IssueComment {
  id: number
  body: string
  author: string | null
  /** `User`, `Bot`, `Organization`. */
  authorType: string | null
  createdAt: string
  htmlUrl: string
}

export interface RepoLabel {
  name: string
  color: string
  description: string | null
}

export interface FileContent {
  path: string
  ref: string
  text: string
}

/** What a write gives back: the object's id and where a person can see it. */
export interface WriteResponse {
  id: number | null
  url: string | null
}

export type ReviewEvent = 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT'
export type DiffSide = 'LEFT' | 'RIGHT'

/** An inline comment as GitHub's create-review takes it (line-based, not the deprecated `position`). */
export interface ReviewCommentRequest {
  path: string
  line: number
  side: DiffSide
  start_line?: number
  start_side?: DiffSide
  body: string
}

export interface ReviewRequest {
  commit_id: string
  event: ReviewEvent
  body: string
  comments: ReviewCommentRequest[]
}

export type CheckStatus = 'queued' | 'in_progress' | 'completed'
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required'

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

export interface CheckRunOutput {
  title: string
  summary: string
  text?: string
  annotations?: CheckAnnotation[]
}

export interface CheckRunCreate {
  name: string
  head_sha: string
  status: CheckStatus
  conclusion?: CheckConclusion
  output?: CheckRunOutput
}

export interface CheckRunUpdate {
  status?: CheckStatus
  conclusion?: CheckConclusion
  output?: CheckRunOutput
}

export type ReactionTarget = 'issue' | 'review'
