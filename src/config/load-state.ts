import type { DiagnosticLog } from './diagnostic-log.js'
import type { AgentDef, Diagnostic, FleetDef, FlowDef, FlowGraphCheck, Severity, SourceLocation, TargetKind, ToolHost, TriggerDef } from './types.js'

/** A name used somewhere that must be defined once everything is read. */
export interface PendingReference {
  kind: TargetKind
  name: string
  /** How the user wrote it, for the message: `command /review`, `fleet 'x' member 'y'`. */
  from: string
  /** Where it is used; computed only when the reference does not resolve. */
  at: () => Omit<Diagnostic, 'severity' | 'message'>
  severity: Severity
  /** Called with the agent when a fleet member's reference resolves. */
  onAgent?: (agent: AgentDef) => void
  /** A fleet member's `config:` path (resolved): an agent defined in that file also satisfies the reference. */
  file?: string
  /** The same `config:` path relative to the fleet's own file, where github-agent used to look; tried second. */
  besideFile?: string
  /**
   * The fleet or flow that uses the name: it cannot run without it, so it is skipped when the name
   * does not resolve. A Trigger's command has no owner: it is kept, and fails only when used.
   */
  owner?: { kind: TargetKind; name: string }
}

export interface DaemonDirectories {
  file: string
  entries: {
    kind: 'triggers' | 'agents' | 'fleets' | 'flows'
    /** As AOF reads it: relative to the working directory, the repository root. */
    path: string
    /** Relative to the DaemonConfig's own file, where github-agent used to read it; tried when `path` is not a directory. */
    besideFile?: string
    at: SourceLocation & { field: string }
  }[]
}

/** Everything gathered while reading documents; `load-config` turns it into a `Config`. */
export interface LoadState {
  env: Record<string, string | undefined>
  log: DiagnosticLog
  /** Run on every flow read (src/flow's checks, handed to loadConfig). */
  checkFlow: FlowGraphCheck
  /** Which programs the run has (agents' CLI and shell tools need theirs); absent: not checked. */
  toolHost?: ToolHost
  triggers: TriggerDef[]
  agents: Record<string, AgentDef>
  fleets: Record<string, FleetDef>
  flows: Record<string, FlowDef>
  /** Every name seen per kind, including definitions that failed validation (so they do not also cascade into "not defined"). */
  declared: Record<TargetKind | 'trigger', Map<string, SourceLocation>>
  references: PendingReference[]
  /** Targets that did not load, with the problems that kept them out (see Config.skipped). */
  skipped: Record<TargetKind, Map<string, Diagnostic[]>>
  /** Files read and parsed (whatever they held). */
  filesRead: Set<string>
  botName?: string
  /** Where the DaemonConfig was found (at most one is read). */
  daemonAt?: SourceLocation
  /** Its directories, when it sits at the top of config-path and is valid. */
  daemon?: DaemonDirectories
}

/** Null-prototype records: a target named `constructor` or `toString` must not find Object.prototype's. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

export function createLoadState(env: Record<string, string | undefined>, log: DiagnosticLog, checkFlow: FlowGraphCheck): LoadState {
  return {
    env,
    log,
    checkFlow,
    triggers: [],
    agents: record(),
    fleets: record(),
    flows: record(),
    declared: { agent: new Map(), fleet: new Map(), flow: new Map(), trigger: new Map() },
    references: [],
    skipped: { agent: new Map(), fleet: new Map(), flow: new Map() },
    filesRead: new Set()
  }
}
