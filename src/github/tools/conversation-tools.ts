// Reading the conversation around the run: the pull request itself, the issue's or PR's comments
// a page at a time, and the commits of the PR or push. Scoped to the run's issue/PR and commits by
// the context, never by the model's input; texts sanitised as prose.
import { sanitizeUntrusted } from '../../text/sanitize-untrusted.js'
import type { Tool } from '../../shared/tool.js'
import type { GitHubPort } from '../github-port.js'
import type { CommitInfo } from '../types.js'
import { cutProse, ownMarker } from './read-tools.js'
import { requireNumber, requirePullRequest, type GitHubToolContext } from './tool-context.js'
import { readInteger, runTool } from './tool-input.js'
import { untrustedJson } from './untrusted-result.js'

const DEFAULT_PAGE = 30
const MAX_PAGE = 100
const MESSAGE_LIMIT = 2_000

const pageSchema = (what: string) => ({
  offset: { type: 'integer', description: `Index of the first ${what} (default 0, the oldest).` },
  limit: { type: 'integer', description: `How many (default ${DEFAULT_PAGE}, at most ${MAX_PAGE}).` }
})

function pageOf<T>(items: T[], input: Record<string, unknown>): { page: T[]; offset: number; next_offset: number | null } {
  const offset = readInteger(input, 'offset', 0) ?? 0
  const limit = Math.min(readInteger(input, 'limit') ?? DEFAULT_PAGE, MAX_PAGE)
  return { page: items.slice(offset, offset + limit), offset, next_offset: offset + limit < items.length ? offset + limit : null }
}

export function getPullRequestTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_get_pull_request',
    readOnly: true,
    description:
      'Read the pull request this run is about: title, body, state, draft, author, base and head branches and commits, labels, size, and whether it can be merged (when GitHub has computed it).',
    inputSchema: { type: 'object', properties: {} },
    run: () =>
      runTool(async () => {
        const pr = await port.getPullRequest(requirePullRequest(ctx))
        const base = port.repository.toLowerCase()
        return untrustedJson({
          number: pr.number,
          title: sanitizeUntrusted(pr.title),
          state: pr.state,
          draft: pr.draft,
          author: pr.author,
          base: { ref: sanitizeUntrusted(pr.baseRef), sha: pr.baseSha },
          head: { ref: sanitizeUntrusted(pr.headRef), sha: pr.headSha, repository: pr.headRepository },
          from_fork: pr.headRepository === null || pr.headRepository.toLowerCase() !== base,
          labels: pr.labels.map(sanitizeUntrusted),
          additions: pr.additions,
          deletions: pr.deletions,
          changed_files: pr.changedFiles,
          ...(pr.mergeable !== undefined ? { mergeable: pr.mergeable } : {}),
          ...(pr.mergeableState ? { mergeable_state: pr.mergeableState } : {}),
          url: pr.htmlUrl,
          body: cutProse(sanitizeUntrusted(pr.body))
        })
      })
  }
}

export function listIssueCommentsTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_list_issue_comments',
    readOnly: true,
    description:
      "Page through every comment of this issue's or pull request's conversation, oldest first: author, time and text. " +
      "Comments this action wrote are marked by_this_action. (Inline review comments on a PR's diff are not part of it.)",
    inputSchema: { type: 'object', properties: pageSchema('comment') },
    run: (input) =>
      runTool(async () => {
        const number = requireNumber(ctx)
        const [comments, isOwn] = await Promise.all([port.listIssueComments(number), ownMarker(ctx)])
        const { page, offset, next_offset } = pageOf(comments, input)
        return untrustedJson({
          number,
          total_comments: comments.length,
          offset,
          next_offset,
          comments: page.map((c) => ({
            id: c.id,
            author: c.author,
            ...(isOwn(c.author) ? { by_this_action: true } : {}),
            created_at: c.createdAt,
            body: cutProse(sanitizeUntrusted(c.body))
          }))
        })
      })
  }
}

function commitView(c: CommitInfo): Record<string, unknown> {
  return {
    sha: c.sha.slice(0, 12),
    author: c.author === null ? null : sanitizeUntrusted(c.author),
    time: c.time,
    message: cutProse(sanitizeUntrusted(c.message), MESSAGE_LIMIT)
  }
}

export function listCommitsTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_list_commits',
    readOnly: true,
    description: 'List the commits of this pull request, or of this push (from its base to its head), oldest first: SHA, author, time and message.',
    inputSchema: { type: 'object', properties: pageSchema('commit') },
    run: (input) =>
      runTool(async () => {
        let commits: CommitInfo[]
        let total: number
        if (ctx.isPullRequest && ctx.number !== null) {
          commits = await port.listPullRequestCommits(ctx.number)
          total = commits.length
        } else if (ctx.baseSha && ctx.headSha) {
          const compared = await port.listComparedCommits(ctx.baseSha, ctx.headSha)
          if (!compared) return { content: `GitHub cannot compare ${ctx.baseSha.slice(0, 7)}...${ctx.headSha.slice(0, 7)} (a commit is gone)`, isError: true }
          commits = compared.commits
          total = compared.total
        } else {
          throw new Error('This run is not about a pull request or a push, so it has no commits to list')
        }
        const { page, offset, next_offset } = pageOf(commits, input)
        return untrustedJson({
          total_commits: total,
          ...(total > commits.length ? { note: `GitHub lists the first ${commits.length} of ${total} commits` } : {}),
          offset,
          next_offset,
          commits: page.map(commitView)
        })
      })
  }
}
