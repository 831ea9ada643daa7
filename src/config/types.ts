// Plain data the config loader produces. Everything after `config` in the pipeline reads only this.
import type { ToolSettings } from './agent-tools.js'

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
  /** A tool that runs a program or touches files: its checked settings (allowed_commands, working_directory, …). */
  settings?: ToolSettings
}

/** Where the action runs: which programs are on PATH. Absent, programs are not checked (unit tests of the loader). */
export interface ToolHost {
  hasProgram(name: string): boolean
}

/**
 * An MCP server an agent may use: AOF's McpServerConfig (from `mcp_servers`, or a `{type: MCP}`
 * tool), checked, with `${VAR}` already resolved from the step's environment.
 */
export interface McpServerDef {
  name: string
  transport: 'stdio' | 'sse' | 'http'
  /** stdio: the program, run without a shell, and its arguments. */
  command?: string
  args: string[]
  /** stdio: the server's environment beyond the minimal base (PATH, HOME, …); nothing else of the step's is passed. */
  env: Record<string, string>
  /** sse/http: the server's URL. */
  endpoint?: string
  /** sse/http: request headers (github-agent's addition to AOF: where a token for the server goes). */
  headers: Record<string, string>
  /** The server's tools the agent is offered; null: all of them. */
  tools: string[] | null
  /** Seconds for starting the server and listing its tools, and for each call (AOF timeout_secs, default 30). */
  timeoutSecs: number
  /** Per-tool call timeouts from `{name, source: mcp, timeout_secs}` entries. */
  toolTimeouts: Record<string, number>
  location: SourceLocation
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
  /** Other AOF agent fields kept for later stages (memory, mcp_servers as written, output_schema, github-agent extras). */
  extra: Record<string, unknown>
  /** The MCP servers it uses, started only when it runs; absent or empty: none. */
  mcpServers?: McpServerDef[]
  location: SourceLocation
}

export interface FleetMember {
  name: string
  /** Reference to a top-level Agent by name, or an inline agent (`spec:`), already normalised. */
  agent: AgentDef
  role: string
  /** AOF `tier` (tiered mode; AOF counts a member without one as tier 1). */
  tier?: number
  /** AOF `weight` for weighted consensus (AOF's default is 1.0). */
  weight?: number
  location: SourceLocation
}

/** AOF `coordination.mode`. */
export type FleetMode = 'peer' | 'pipeline' | 'hierarchical' | 'tiered' | 'deep' | 'swarm'

export type ConsensusAlgorithm = 'majority' | 'unanimous' | 'weighted' | 'first_wins' | 'human_review'

/** AOF `ConsensusConfig`, with the fields its consensus engine reads. */
export interface ConsensusSettings {
  algorithm: ConsensusAlgorithm
  /** Majority: votes needed (AOF's default: more than half of the results). */
  minVotes?: number
  /** Majority: below it the result is flagged for review; weighted: needed to reach consensus (AOF's default 0.5). */
  minConfidence?: number
  /** Per-member weights for weighted voting. */
  weights: Record<string, number>
}

export type FinalAggregation = 'consensus' | 'merge' | 'manager_synthesis'

/** AOF `coordination.tiered`. */
export interface TieredSettings {
  /** By tier number as text ("1"), as AOF keys it. */
  tierConsensus: Record<string, ConsensusSettings>
  passAllResults: boolean
  finalAggregation: FinalAggregation
}

/** AOF `coordination.deep`. */
export interface DeepSettings {
  maxIterations: number
  planning: boolean
  memory: boolean
  plannerPrompt?: string
  synthesizerPrompt?: string
}

export interface FleetDef {
  name: string
  /** AOF `coordination.mode` (default peer). */
  mode: FleetMode
  /** `parallel` | `sequential` (AOF `coordination.mode` peer -> parallel, pipeline -> sequential). */
  strategy: 'parallel' | 'sequential'
  /** `merge` | `consensus`: how a peer fleet combines its members. */
  aggregation: 'merge' | 'consensus'
  /** The manager member (hierarchical; tiered with manager_synthesis): `coordination.manager`, else the first `role: manager`. */
  manager?: string
  /** `coordination.consensus`: peer consensus and every tier without its own. */
  consensus?: ConsensusSettings
  /** Set for tiered fleets, AOF's defaults filled in. */
  tiered?: TieredSettings
  /** Set for deep fleets, AOF's defaults filled in. */
  deep?: DeepSettings
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
