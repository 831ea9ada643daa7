import type { EventContext } from './types.js'

/** What a comment event lacks of its PR, as the GitHub port reads it. */
export interface PullRequestFacts {
  number: number
  title: string
  state: string
  draft: boolean
  author: string | null
  headSha: string
  headRef: string
  /** `owner/repo` of the head branch; null when the fork is gone. */
  headRepository: string | null
  baseSha: string
  baseRef: string
  additions: number | null
  deletions: number | null
  changedFiles: number | null
  htmlUrl: string
}

/**
 * A comment on a PR arrives as an `issue_comment` whose payload has no branch, head SHA or PR
 * numbers. Filling them from the PR itself lets `branches` filters, check runs and `pr_*`
 * templates work the same as on `pull_request` events.
 */
export function withPullRequest(event: EventContext, pull: PullRequestFacts): EventContext {
  const base = event.repository?.toLowerCase() ?? null
  return {
    ...event,
    isPullRequest: true,
    branch: pull.baseRef,
    headSha: pull.headSha,
    baseSha: pull.baseSha,
    fromFork: pull.headRepository === null || (base !== null && pull.headRepository.toLowerCase() !== base),
    metadata: {
      ...event.metadata,
      pr_number: pull.number,
      pr_title: pull.title,
      pr_state: pull.state,
      pr_draft: pull.draft,
      pr_base_ref: pull.baseRef,
      pr_head_ref: pull.headRef,
      pr_head_sha: pull.headSha,
      pr_additions: pull.additions,
      pr_deletions: pull.deletions,
      pr_changed_files: pull.changedFiles,
      pr_html_url: pull.htmlUrl,
      pr_author: pull.author
    }
  }
}
