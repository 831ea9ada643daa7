import { GITHUB_TOOL_NAMES } from '../config/agent-tools.js'
import type { Tool } from '../shared/tool.js'
import type { GitHubPort } from './github-port.js'
import type { Publisher } from './publisher.js'
import { checkRunTools } from './tools/check-run-tools.js'
import { getJobLogTool, searchCodeTool } from './tools/code-tools.js'
import { getPullRequestTool, listCommitsTool, listIssueCommentsTool } from './tools/conversation-tools.js'
import { addLabelsTool, removeLabelTool } from './tools/label-tools.js'
import { postCommentTool } from './tools/post-comment-tool.js'
import { postReviewTool } from './tools/post-review-tool.js'
import { getFileTool, getIssueTool, getPullRequestFilesTool, getWorkflowRunJobsTool, listLabelsTool } from './tools/read-tools.js'
import type { AgentWritePolicy, GitHubToolContext } from './tools/tool-context.js'

export type { AgentWritePolicy, GitHubToolContext }

/** Every GitHub tool name this action provides; the loader checks agents' tools against the same list. */
export { GITHUB_TOOL_NAMES }

type GitHubToolName = (typeof GITHUB_TOOL_NAMES)[number]

/**
 * The GitHub tools an agent gets: exactly those its YAML names, in that order. Reads go to the
 * port; writes go through the publisher, which validates, records and honours dry-run.
 * Repository, issue/PR and commit come from `ctx`, never from the model's input.
 */
export function createGitHubTools(ctx: GitHubToolContext, port: GitHubPort, policy: AgentWritePolicy, publisher: Publisher): Tool[] {
  if (ctx.repo !== port.repository) throw new Error(`Tools for ${ctx.repo} cannot use a port for ${port.repository}`)
  const checks = checkRunTools(ctx, publisher)
  // Typed by the list: a tool missing here, or one not in the list, does not compile.
  const factories: Record<GitHubToolName, () => Tool> = {
    github_get_pull_request: () => getPullRequestTool(ctx, port),
    github_get_pull_request_files: () => getPullRequestFilesTool(ctx, port),
    github_get_file: () => getFileTool(ctx, port),
    github_get_issue: () => getIssueTool(ctx, port),
    github_list_issue_comments: () => listIssueCommentsTool(ctx, port),
    github_list_commits: () => listCommitsTool(ctx, port),
    github_search_code: () => searchCodeTool(port),
    github_list_labels: () => listLabelsTool(port),
    github_get_workflow_run_jobs: () => getWorkflowRunJobsTool(ctx, port),
    github_get_job_log: () => getJobLogTool(port),
    github_post_comment: () => postCommentTool(ctx, publisher),
    github_post_review: () => postReviewTool(ctx, publisher, policy),
    github_add_labels: () => addLabelsTool(ctx, publisher, policy),
    github_remove_label: () => removeLabelTool(ctx, publisher, policy),
    github_create_check_run: () => checks.create,
    github_update_check_run: () => checks.update
  }
  const names = [...new Set(policy.toolNames)]
  return names.flatMap((name) => {
    const make = Object.hasOwn(factories, name) ? factories[name as GitHubToolName] : undefined
    return make ? [make()] : []
  })
}
