// What the tools know about the run. Set by the app from the event, never by the model, so the
// model cannot aim a write at another repository, issue or commit.

export interface GitHubToolContext {
  /** `owner/repo`. */
  repo: string
  /** The issue or PR the event is about; null for events without one (push). */
  number: number | null
  /** The PR head SHA (or push `after`); null when there is no commit to attach checks to. */
  headSha: string | null
  isPullRequest: boolean
  /** Marker key of the agent's comment on this issue/PR, e.g. `TRIGGER/AGENT`; re-runs update it. */
  commentKey?: string
  /** The Actions run the event is about (a failed `workflow_run` or check run), the default of the run tools. */
  runId?: number | null
  /** The commit the change is compared with: a PR's base, a push's `before`; `ref: "base"` of the file tool. */
  baseSha?: string | null
  /** Where files are read when the run has no head commit (an issue). */
  defaultBranch?: string | null
  /** The token's own login (null when it cannot be told), to mark the action's own comments. */
  ownLogin?: () => Promise<string | null>
}

/** From the agent's YAML. */
export interface AgentWritePolicy {
  allowApprove: boolean
  allowedLabels?: string[]
  createLabels: boolean
  /** Triggers of the config that react to labels (see LabelPolicy). */
  labelTriggers?: string[]
  /** The `tools:` the agent lists; only these are handed to it. */
  toolNames: string[]
}

export function requireNumber(ctx: GitHubToolContext): number {
  if (ctx.number === null) throw new Error('This run is not about an issue or pull request, so there is nothing to write to')
  return ctx.number
}

export function requirePullRequest(ctx: GitHubToolContext): number {
  const number = requireNumber(ctx)
  if (!ctx.isPullRequest) throw new Error(`#${number} is an issue, not a pull request`)
  return number
}

export function requireHeadSha(ctx: GitHubToolContext): string {
  if (!ctx.headSha) throw new Error('This run has no commit (head SHA) to attach a check run to')
  return ctx.headSha
}
