// Runs an AgentFlow inside one job: nodes in dependency order, each once; connections' `when`
// decide which are reached; an Approval node pauses the flow into a FlowState that a later job
// resumes. Nothing here talks to GitHub: the ports do.
import type { FlowConnection, FlowDef, FlowNode } from '../config/types.js'
import { edgeHolds } from './edge-holds.js'
import { flowFingerprint } from './flow-fingerprint.js'
import { flowOrder } from './flow-order.js'
import { flowScope } from './flow-scope.js'
import type { DecidedNode, FlowContext, FlowPorts, FlowResult, FlowResume, FlowState, NodeOutput, NodeRecord } from './flow-types.js'
import { runNode } from './run-node.js'
import { errorMessage } from '../shared/errors.js'

/** Why a resume cannot continue this flow, or null when it can. */
function resumeProblem(flow: FlowDef, state: FlowState): string | null {
  if (state.flow !== flow.name) return `the approval was for flow '${state.flow}', not '${flow.name}'`
  if (state.fingerprint !== flowFingerprint(flow)) {
    return `flow '${flow.name}' was changed after the approval was requested; ask again so the approver sees what will run`
  }
  const node = flow.nodes.find((n) => n.id === state.pausedAt)
  if (node?.type !== 'Approval') return `flow '${flow.name}' has no Approval node '${state.pausedAt}'`
  const ids = new Set(flow.nodes.map((n) => n.id))
  const unknown = state.decided.find((d) => !ids.has(d.id) || d.id === state.pausedAt)
  if (unknown) return `the saved position names node '${unknown.id}', which does not fit flow '${flow.name}'`
  return null
}

/** Join waits for all incoming connections by default; `strategy: any|majority` as AOF's Join. */
function joinHolds(node: FlowNode, held: number, total: number): boolean {
  const strategy = typeof node.config.strategy === 'string' ? node.config.strategy : 'all'
  if (strategy === 'any') return held > 0
  if (strategy === 'majority') return held * 2 > total
  return held === total && total > 0
}

class FlowRun {
  private readonly records = new Map<string, NodeRecord>()
  private readonly outputs: Record<string, NodeOutput> = {}
  private readonly decided: DecidedNode[] = []
  private readonly ids: string[]
  private readonly idSet: Set<string>

  constructor(
    private readonly flow: FlowDef,
    private readonly ctx: FlowContext,
    private readonly ports: FlowPorts
  ) {
    this.ids = flow.nodes.map((n) => n.id)
    this.idSet = new Set(this.ids)
  }

  restore(state: FlowState): void {
    for (const d of state.decided) this.decide(d.id, d.status, d.output, d.detail)
  }

  private node(id: string): FlowNode {
    return this.flow.nodes.find((n) => n.id === id) as FlowNode
  }

  private decide(id: string, status: 'completed' | 'skipped', output: NodeOutput | null, detail: string): void {
    this.records.set(id, { id, type: this.node(id).type, status, output, detail })
    if (status === 'completed' && output) this.outputs[id] = output
    this.decided.push({ id, status, output, detail })
  }

  has(id: string): boolean {
    return this.records.has(id)
  }

  private scope() {
    return { flow: this.flow.name, nodeIds: this.ids, ctx: this.ctx, outputs: this.outputs }
  }

  /** Whether the node is reached, from the connections into it (all decided: they come earlier in order). */
  reached(node: FlowNode, incoming: FlowConnection[], entry: boolean): { reached: boolean; why: string } {
    if (entry) return { reached: true, why: '' }
    const held: string[] = []
    for (const edge of incoming) {
      const source = this.records.get(edge.from)
      if (source?.status !== 'completed' || !source.output) continue
      try {
        if (edgeHolds(edge, { id: edge.from, type: source.type, output: source.output }, this.scope())) held.push(edge.from)
      } catch (error) {
        throw new Error(`connection ${edge.from} → ${node.id}: ${errorMessage(error)}`, { cause: error })
      }
    }
    const reached = node.type === 'Join' ? joinHolds(node, held.length, incoming.length) : held.length > 0
    if (reached) return { reached, why: '' }
    const why =
      node.type === 'Join' && held.length > 0
        ? `not reached: ${held.length} of ${incoming.length} connections held (strategy ${String(node.config.strategy ?? 'all')})`
        : 'not reached: no connection into it held'
    return { reached, why }
  }

  skip(id: string, why: string): void {
    this.decide(id, 'skipped', null, why)
  }

  complete(id: string, output: NodeOutput, detail: string): void {
    this.decide(id, 'completed', output, detail)
  }

  async run(node: FlowNode) {
    return runNode(node, { scope: flowScope(this.scope()), nodeIds: this.idSet, ports: this.ports })
  }

  result(status: FlowResult['status'], extra: { at?: string; status?: 'failed' | 'paused'; detail?: string } = {}): FlowResult {
    const nodes = this.flow.nodes.map((n): NodeRecord => {
      const record = this.records.get(n.id)
      if (record) return record
      if (n.id === extra.at) return { id: n.id, type: n.type, status: extra.status ?? 'failed', output: null, detail: extra.detail ?? '' }
      return { id: n.id, type: n.type, status: 'pending', output: null, detail: 'not decided yet' }
    })
    return { flow: this.flow.name, status, nodes, outputs: { ...this.outputs } }
  }

  state(pausedAt: string): FlowState {
    return { flow: this.flow.name, fingerprint: flowFingerprint(this.flow), pausedAt, decided: [...this.decided] }
  }
}

/**
 * Runs `flow` from its entry nodes, or, with `resume`, from the Approval node it paused at (with the
 * outputs it had). Never throws for what a flow or a port does: a failure is a `failed` result
 * naming the node.
 */
export async function runFlow(flow: FlowDef, ctx: FlowContext, ports: FlowPorts, resume?: FlowResume): Promise<FlowResult> {
  const run = new FlowRun(flow, ctx, ports)
  const order = flowOrder(flow)
  if (!order.ok) return { ...run.result('failed'), failure: { node: null, error: order.error } }
  if (resume) {
    const problem = resumeProblem(flow, resume.state)
    if (problem) return { ...run.result('failed'), failure: { node: null, error: `cannot resume: ${problem}` } }
    run.restore(resume.state)
  }

  let endedAt: string | null = null
  for (const id of order.order) {
    if (run.has(id)) continue
    const node = flow.nodes.find((n) => n.id === id) as FlowNode
    if (endedAt !== null) {
      run.skip(id, `not reached: the flow ended at '${endedAt}'`)
      continue
    }
    if (resume && id === resume.state.pausedAt) {
      const approved = resume.decision === 'approved'
      const output = { result: approved, approved, denied: !approved, decision: resume.decision, by: resume.by }
      run.complete(id, output, `${resume.decision} by ${resume.by}`)
      continue
    }
    try {
      const reach = run.reached(node, order.incoming.get(id) ?? [], order.entries.has(id))
      if (!reach.reached) {
        run.skip(id, reach.why)
        continue
      }
      const step = await run.run(node)
      if (step.kind === 'pause') {
        const detail = `waiting for approval: ${step.ask.message}`
        return { ...run.result('paused', { at: id, status: 'paused', detail }), state: run.state(id), approval: step.ask }
      }
      run.complete(id, step.output, step.detail)
      if (node.type === 'End') endedAt = id
    } catch (error) {
      const text = errorMessage(error)
      return { ...run.result('failed', { at: id, status: 'failed', detail: text }), failure: { node: id, error: text } }
    }
  }
  return run.result('completed')
}
