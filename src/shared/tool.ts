// The tool contract: the seam between the agent runtime (src/execute), the model port (src/llm),
// which shows the specs to the model, and the tools that implement it (src/github). Here, below all
// three, so none of them imports another for it.

/** What the model is shown: name, description and JSON-schema parameters. */
export interface ToolSpec {
  name: string
  description: string
  /** JSON Schema (draft 2020-12 subset: type object, properties, required, items, enum). */
  inputSchema: Record<string, unknown>
}

/** What goes back to the model. Errors are results the model can react to, never exceptions. */
export interface ToolResult {
  content: string
  isError: boolean
}

export interface Tool extends ToolSpec {
  /** Reads only: not counted against the agent's max_writes. A tool that does not say so counts. */
  readOnly?: boolean
  run(input: Record<string, unknown>): Promise<ToolResult>
}

/**
 * The name of every tool the action provides (all `github_*`, built in src/github). Here, below
 * config/ and github/, so the loader can warn about a name no tool has and the tool factory can be
 * checked against the same list.
 */
export const BUILT_IN_TOOL_NAMES = [
  'github_get_pull_request',
  'github_get_pull_request_files',
  'github_get_file',
  'github_get_issue',
  'github_list_issue_comments',
  'github_list_commits',
  'github_search_code',
  'github_list_labels',
  'github_get_workflow_run_jobs',
  'github_get_job_log',
  'github_post_comment',
  'github_post_review',
  'github_add_labels',
  'github_remove_label',
  'github_create_check_run',
  'github_update_check_run'
] as const

export type BuiltInToolName = (typeof BUILT_IN_TOOL_NAMES)[number]
