// Plain data of one flow run: what the runner is given, what it asks the shell to do, what it returns.
import type { TemplateVars } from '../template/render-template.js'

/** `{{ metadata.X }}`, `{{ params.X }}` and `{{ command.args }}` of the invocation that started the flow. */
export type FlowContext = TemplateVars

/** A node's output: JSON-able fields, always with `result` (what `when: true|false` compares). */
export type NodeOutput = Record<string, unknown>

/**
 * `completed` and `skipped` are final; `pending` means not reached yet (the flow paused or failed
 * first); `paused` is the Approval node the flow waits on.
 */
export type NodeStatus = 'completed' | 'skipped' | 'failed' | 'paused' | 'pending'

export interface NodeRecord {
  id: string
  type: string
  status: NodeStatus
  output: NodeOutput | null
  /** One sentence for the summary: what it did, why it was skipped or how it failed. */
  detail: string
}

/** A node decided before the pause, as kept in the approval request's marker. */
export interface DecidedNode {
  id: string
  status: 'completed' | 'skipped'
  output: NodeOutput | null
  detail: string
}

/** Where a paused flow stands. JSON-able: it is stored in the approval request comment. */
export interface FlowState {
  flow: string
  /** `flowFingerprint` of the definition that ran; a resume refuses a flow that changed since. */
  fingerprint: string
  /** The Approval node the flow waits on. */
  pausedAt: string
  /** Every node decided so far, in the order they were decided. */
  decided: DecidedNode[]
}

/** How a paused flow continues: the state from the request, and the answer to its Approval node. */
export interface FlowResume {
  state: FlowState
  decision: 'approved' | 'denied'
  /** Login of who answered. */
  by: string
}

/** What an Approval node asks for; the shell turns it into an approval request comment. */
export interface ApprovalAsk {
  node: string
  /** `config.message`, rendered. */
  message: string
  /** `config.approvers`, when the node names its own (logins or `team:org/slug`). */
  approvers: string[] | null
  /** `config.timeout_seconds`, when set. */
  timeoutSeconds: number | null
}

export interface FlowResult {
  flow: string
  status: 'completed' | 'paused' | 'failed'
  /** Every node of the flow, in document order. */
  nodes: NodeRecord[]
  /** Outputs of the nodes that completed, by node id. */
  outputs: Record<string, NodeOutput>
  /** Set when status is failed: the failing node (null when the flow itself cannot run, e.g. a cycle). */
  failure?: { node: string | null; error: string }
  /** Set when status is paused. */
  state?: FlowState
  approval?: ApprovalAsk
}

/** Requests the flow makes of the shell. `node` is the asking node's id (useful for comment marker keys). */
export interface AgentRequest {
  node: string
  /** `config.agent`, or null for an inline agent. */
  agent: string | null
  /** `config.inline` as written (an agent spec), when `agent` is null. */
  inline: Record<string, unknown> | null
  /** `config.input` with references filled in ('' when none). */
  input: string
}

export interface FleetRequest {
  node: string
  fleet: string
  input: string
}

export interface CommentRequest {
  node: string
  body: string
}

export interface LabelsRequest {
  node: string
  labels: string[]
}

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required'

export interface CheckRunRequest {
  node: string
  name: string
  conclusion: CheckConclusion
  title: string
  summary: string
}

export interface DispatchRequest {
  node: string
  /** Workflow file name (`deploy.yml`) or numeric id, as written. */
  workflow: string
  /** Branch or tag; null: the shell uses the repository's default branch. */
  ref: string | null
  /** workflow_dispatch takes text values only; numbers and booleans arrive as text. */
  inputs: Record<string, string>
}

/**
 * What a flow can do, supplied by the shell. A port throws (an Error with a one-line message) to
 * fail its node; what it returns is merged into the node's output (`${node.output.FIELD}`).
 */
export interface FlowPorts {
  runAgent(request: AgentRequest): Promise<NodeOutput | void>
  runFleet(request: FleetRequest): Promise<NodeOutput | void>
  postComment(request: CommentRequest): Promise<NodeOutput | void>
  addLabels(request: LabelsRequest): Promise<NodeOutput | void>
  checkRun(request: CheckRunRequest): Promise<NodeOutput | void>
  dispatchWorkflow(request: DispatchRequest): Promise<NodeOutput | void>
}
