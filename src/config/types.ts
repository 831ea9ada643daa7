// Plain data the config loader produces. Everything after `config` in the pipeline reads only this.

/** Where a value came from, for annotations (`::error file=…,line=…::`). Lines and columns are 1-based. */
export interface SourceLocation {
  file: string
  line: number
  column?: number
}

export type Severity = 'error' | 'warning' | 'notice'

/** One finding about the config. `field` is the dotted YAML path (`spec.config.github_events[1]`). */
export interface Diagnostic {
  severity: Severity
  message: string
  file: string
  line: number
  column?: number
  field?: string
  /**
   * Set when this problem keeps something from loading, saying what (`flow 'deploy' is skipped`,
   * `an event routed to command /review fails`); shown after the message (describeDiagnostic). Such
   * a problem is a warning, because the rest of the config still runs; it becomes the run's error
   * when an event routes to what it skipped, and `validate --strict` counts it as an error.
   */
  skips?: string
}

export type TargetKind = 'agent' | 'fleet' | 'flow'

export interface TargetRef {
  kind: TargetKind
  name: string
}

/** A `commands:` entry. `key` is as written, without the leading `/` (`deploy staging`, `pull_request.opened`). */
export interface CommandBinding {
  key: string
  target: TargetRef
  description: string
  /** `params:` as written (require_approval, approvers, permission, anything else passed to templates). */
  params: Record<string, unknown>
  /** Written with a leading `/`: always a slash-command, even when the word is an event name (`/status`, `/release`). */
  slash?: boolean
  location: SourceLocation
}

export interface TriggerDef {
  name: string
  /** `spec.type` as written (`GitHub`, `Slack`, …). Only GitHub triggers route. */
  type: string
  enabled: boolean
  labels: Record<string, string>
  /** `github_events`; empty = every event. */
  events: string[]
  /** payload `action` filter; empty = any. */
  actions: string[]
  /** `repositories` ∪ `allowed_repos` patterns; empty = any. */
  repositories: string[]
  /** branch globs; empty = any. */
  branches: string[]
  /** sender logins (exact) or `team:org/slug`; empty = anyone. */
  allowedUsers: string[]
  commands: CommandBinding[]
  defaultAgent?: string
  /** `reply_on_refusal: true`: a refused slash-command gets a short reply on the thread (else the summary only). */
  replyOnRefusal?: boolean
  location: SourceLocation
}

/** An agent tool as listed in YAML: a bare name or `{name, enabled, config, timeout_secs}`. */
export interface ToolRef {
  name: string
  enabled: boolean
  config: Record<string, unknown>
  timeoutSecs?: number
}

export interface AgentDef {
  name: string
  /** `provider:model` or bare model name, as written; resolved by the runtime. */
  model?: string
  provider?: string
  instructions: string
  tools: ToolRef[]
  maxIterations: number
  temperature?: number
  maxTokens?: number
  /** Other AOF agent fields kept for later stages (memory, mcp_servers, output_schema, github-agent extras). */
  extra: Record<string, unknown>
  location: SourceLocation
}

export interface FleetMember {
  name: string
  /** Reference to a top-level Agent by name, or an inline agent (`spec:`), already normalised. */
  agent: AgentDef
  role: string
  location: SourceLocation
}

export interface FleetDef {
  name: string
  /** `parallel` | `sequential` (AOF `coordination.mode` peer -> parallel, pipeline -> sequential). */
  strategy: 'parallel' | 'sequential'
  /** `merge` | `consensus`. */
  aggregation: 'merge' | 'consensus'
  members: FleetMember[]
  location: SourceLocation
}

export interface FlowNode {
  id: string
  type: string
  config: Record<string, unknown>
  location: SourceLocation
}

export interface FlowConnection {
  from: string
  to: string
  when?: string
}

export interface FlowDef {
  name: string
  nodes: FlowNode[]
  connections: FlowConnection[]
  location: SourceLocation
}

/** A problem only the whole flow shows. */
export interface FlowGraphProblem {
  /** Dotted path from the flow's spec (`nodes[2].config.workflow`, `connections[1].when`). */
  field: string
  message: string
}

/**
 * The checks of a whole flow (cycles, conditions that do not parse, node config that can never
 * work), which need flow's own condition language and node readers: src/flow's `checkFlow`. The
 * loader is handed it (loadConfig requires it) and runs it on every flow it reads, so each problem
 * is an error at its YAML line while config never imports flow, which imports config.
 */
export type FlowGraphCheck = (flow: FlowDef) => readonly FlowGraphProblem[]

export interface Config {
  /** Stable order: file path, then document order. */
  triggers: TriggerDef[]
  agents: Record<string, AgentDef>
  fleets: Record<string, FleetDef>
  flows: Record<string, FlowDef>
  /** `DaemonConfig.spec.platforms.github.bot_name`, if a DaemonConfig was found. */
  botName?: string
  /**
   * Targets that did not load, by kind and name, with the problems that kept them out (warnings
   * with `skips`): invalid definitions, definitions that use something skipped, and names that are
   * used but defined nowhere. An event routed to one fails with these problems.
   */
  skipped: Record<TargetKind, Record<string, Diagnostic[]>>
  /** Every file that was read, relative to the workspace (or repo root for the API source). */
  files: string[]
  diagnostics: Diagnostic[]
}

/** How the loader reads files: the workspace on disk, or a git ref through the GitHub API. */
export interface ConfigSource {
  /** Human description for the summary (`workspace`, `base ref main@abc1234`). */
  readonly description: string
  /** `'file'`, `'dir'` or `null` when nothing is there. */
  stat(path: string): Promise<'file' | 'dir' | null>
  /** Direct children of a directory, as paths joined onto `dir` with `/`. */
  list(dir: string): Promise<{ path: string; type: 'file' | 'dir' }[]>
  read(path: string): Promise<string>
}
