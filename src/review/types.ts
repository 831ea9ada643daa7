// Plain data for converging reviews: what the shell fetches from GitHub and what the pure review
// functions hand back. Nothing here knows Octokit's shapes.
import type { ChangedFile, DiffSide } from '../github/types.js'

export type FindingStatus = 'open' | 'addressed' | 'dismissed'

/** One inline comment the action posted, as remembered in the summary comment's hidden state. */
export interface ReviewFinding {
  /** Stable hash of path + normalised text (see finding-text.ts); survives the finding moving lines. */
  id: string
  path: string
  /** The line as of the reviewed head (RIGHT) or the base (LEFT); for a range, its last line. */
  line: number
  /** First line of a multi-line comment. */
  startLine?: number
  side: DiffSide
  /** The comment's text on one line, cut to a fixed length (what similarity is measured on). */
  summary: string
  status: FindingStatus
  /** The review comment's id (root of its thread), when known; null when it went into a review body. */
  commentId: number | null
}

/**
 * `GET /repos/{o}/{r}/compare/{lastReviewedSha}...{headSha}`, as plain data. `found: false` when
 * GitHub answers 404 (the last reviewed commit no longer exists after a force-push).
 */
export type CompareResult =
  | { found: false }
  | {
      found: true
      /** Of head relative to the last reviewed commit: `ahead` = only new commits on top of it. */
      status: 'ahead' | 'behind' | 'diverged' | 'identical'
      /** `files[]` mapped like pull-request files (filename, status, patch, previous_filename → previousFilename). */
      files: ChangedFile[]
      /** True when GitHub cut the file list (it shows at most 300 files). */
      truncated?: boolean
    }

/** A reply in one of the action's review threads (REST `in_reply_to_id`, or GraphQL thread comments). */
export interface ThreadReply {
  author: string | null
  body: string
  /** Written by the action itself (its login, or a github-agent marker in the body). */
  fromAction: boolean
  /**
   * The author holds the permission that dismisses a finding (looked up by the shell, only for
   * replies that read as dismissals). Absent or false: a "won't fix" is only their opinion.
   */
  mayDismiss?: boolean
}

/** One of the action's review threads as it stands now. */
export interface ReviewThread {
  /** The thread's first comment id (REST `id`, GraphQL `databaseId`): what ReviewFinding.commentId holds. */
  commentId: number
  /** GraphQL node id of the thread, for `resolveReviewThread`; absent when fetched over REST. */
  threadId?: string
  /** GraphQL `isResolved`; REST cannot tell, leave it absent. */
  resolved?: boolean
  /** GraphQL `isOutdated` (REST: `line` is null): GitHub saw the commented lines change. */
  outdated?: boolean
  /** Every comment after the first, oldest first. */
  replies: ThreadReply[]
}
