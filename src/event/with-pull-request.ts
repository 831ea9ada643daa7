import type { EventContext } from './types.js'

/** The fields of a `pulls.get` response that an `issue_comment` on a PR lacks. */
export interface PullDetails {
  number: number
  title: string
  state: string
  draft?: boolean
  base: { ref: string; sha: string }
  head: { ref: string; sha: string }
  additions?: number
  deletions?: number
  changed_files?: number
  html_url: string
  user?: { login: string } | null
}

/**
 * A comment on a PR arrives as an `issue_comment` whose payload has no branch, head SHA or PR
 * numbers. Filling them from the PR itself lets `branches` filters, check runs and `pr_*`
 * templates work the same as on `pull_request` events.
 */
export function withPullRequest(event: EventContext, pull: PullDetails): EventContext {
  return {
    ...event,
    isPullRequest: true,
    branch: pull.base.ref,
    headSha: pull.head.sha,
    metadata: {
      ...event.metadata,
      pr_number: pull.number,
      pr_title: pull.title,
      pr_state: pull.state,
      pr_draft: pull.draft ?? false,
      pr_base_ref: pull.base.ref,
      pr_head_ref: pull.head.ref,
      pr_head_sha: pull.head.sha,
      pr_additions: pull.additions ?? null,
      pr_deletions: pull.deletions ?? null,
      pr_changed_files: pull.changed_files ?? null,
      pr_html_url: pull.html_url,
      pr_author: pull.user?.login ?? null
    }
  }
}
