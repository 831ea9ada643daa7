// Which metadata names exist for which events: the one list that the event builder fills and the
// template check reads, so a `{{ metadata.X }}` warning and the real context never disagree.

export interface MetadataGroup {
  /** Events that can carry these names; null = every event. */
  events: readonly string[] | null
  names: readonly string[]
}

/** Events whose payload has `pull_request`, plus comments on PRs (filled from the issue, then the PR). */
export const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_review_thread',
  'issue_comment'
] as const

export const ISSUE_EVENTS = ['issues', 'issue_comment'] as const

export const COMMENT_EVENTS = ['issue_comment', 'pull_request_review_comment', 'commit_comment', 'discussion_comment'] as const

export const COMMON_NAMES = ['event_type', 'action', 'repo_id', 'repo_full_name', 'repo_private', 'sender_id', 'sender_login'] as const

export const PULL_REQUEST_NAMES = [
  'pr_number',
  'pr_title',
  'pr_state',
  'pr_draft',
  'pr_base_ref',
  'pr_head_ref',
  'pr_head_sha',
  'pr_additions',
  'pr_deletions',
  'pr_changed_files',
  'pr_html_url',
  'pr_author',
  'pr_merged'
] as const

export const ISSUE_NAMES = ['issue_number', 'issue_title', 'issue_state', 'issue_html_url', 'issue_author'] as const

export const COMMENT_NAMES = ['comment_id', 'comment_body', 'comment_html_url', 'comment_author', 'is_pr_comment'] as const

/** Comments anchored to a file (review comments, commit comments). */
export const FILE_COMMENT_NAMES = ['comment_path', 'comment_line'] as const

export const REVIEW_NAMES = ['review_id', 'review_body', 'review_state', 'review_author', 'review_html_url'] as const

export const PUSH_NAMES = ['ref', 'before_sha', 'after_sha', 'commit_count'] as const

/** Set per invocation downstream (router: command, command_args; gate: approved_by), never from the payload. */
export const INVOCATION_NAMES = ['command', 'command_args', 'approved_by'] as const

export const METADATA_GROUPS: readonly MetadataGroup[] = [
  { events: null, names: COMMON_NAMES },
  { events: null, names: INVOCATION_NAMES },
  { events: PULL_REQUEST_EVENTS, names: PULL_REQUEST_NAMES },
  { events: ISSUE_EVENTS, names: ISSUE_NAMES },
  { events: [...PULL_REQUEST_EVENTS, ...ISSUE_EVENTS], names: ['issue_labels'] },
  { events: COMMENT_EVENTS, names: COMMENT_NAMES },
  { events: ['pull_request_review_comment', 'commit_comment'], names: FILE_COMMENT_NAMES },
  { events: ['pull_request_review'], names: REVIEW_NAMES },
  { events: ['push'], names: PUSH_NAMES }
]
