import { addReference } from './add-reference.js'
import { checkShape } from './check-shape.js'
import { declareName } from './declare-name.js'
import type { DocContext } from './document-context.js'
import { fieldValue } from './field-value.js'
import type { LoadState } from './load-state.js'
import { flowSchema, type FlowDocument } from './schemas/flow-schema.js'
import type { FlowConnection, FlowDef, FlowNode } from './types.js'

type NodeDocument = FlowDocument['spec']['nodes'][number]

const RUNNABLE = ['Agent', 'Fleet', 'Conditional', 'Approval', 'Response', 'Action', 'End', 'Join', 'Parallel']

const USE_A_STEP = 'Use an Action node or a workflow step after this action.'

/** AOF node types that need something a CI job does not have, and what to do instead. */
const REFUSED = new Map<string, string>(
  Object.entries({
    Script: `Script nodes run shell commands; github-agent does not run shell in a job. ${USE_A_STEP}`,
    Transform: `Transform nodes run a shell script (config.script); github-agent does not run shell in a job. ${USE_A_STEP}`,
    Slack: 'Slack nodes post to Slack, which github-agent does not reach from a job. Use a Response node to answer on GitHub, or a Slack step in the workflow.',
    Discord:
      'Discord nodes post to Discord, which github-agent does not reach from a job. Use a Response node to answer on GitHub, or a Discord step in the workflow.',
    HTTP: 'HTTP nodes call arbitrary URLs, which github-agent does not do from a job. Use a workflow step after this action.',
    Wait: 'Wait nodes sleep inside the flow and would hold a runner for the whole wait. Use an Approval node, or a scheduled workflow.'
  })
)

/** Connections may start at these markers as well as at nodes (AOF: `start`; its docs: `trigger`). */
const ENTRY_MARKERS = new Set(['start', 'trigger'])

function checkNode(ctx: DocContext, state: LoadState, flow: string, node: NodeDocument, index: number): void {
  const path = ['spec', 'nodes', index]
  const config = node.config ?? {}
  const refused = REFUSED.get(node.type)
  if (refused) {
    ctx.report('error', [...path, 'type'], `node '${node.id}' cannot run in a job: ${refused}`)
  } else if (!RUNNABLE.includes(node.type)) {
    ctx.report('error', [...path, 'type'], `spec.nodes[${index}].type must be one of ${RUNNABLE.join(', ')} (found the text ${JSON.stringify(node.type)})`)
  }
  if (node.conditions !== undefined) {
    ctx.report('warning', [...path, 'conditions'], `node '${node.id}': conditions are not used by github-agent; put the condition on a connection's when`, {
      key: true
    })
    ctx.ignored.push([...path, 'conditions'])
  }
  if (node.type === 'Agent') {
    if (typeof config.agent === 'string' && config.agent !== '') {
      addReference(ctx, state, 'agent', config.agent, [...path, 'config', 'agent'], `flow '${flow}' node '${node.id}'`, 'error', {
        owner: { kind: 'flow', name: flow }
      })
    } else if (typeof config.inline !== 'object' || config.inline === null) {
      ctx.report(
        'error',
        [...path, 'config'],
        `node '${node.id}' (Agent) needs config.agent (the name of an agent, e.g. code-reviewer) or config.inline (an agent spec)`
      )
    }
  }
  if (node.type === 'Fleet') {
    if (typeof config.fleet === 'string' && config.fleet !== '') {
      addReference(ctx, state, 'fleet', config.fleet, [...path, 'config', 'fleet'], `flow '${flow}' node '${node.id}'`, 'error', {
        owner: { kind: 'flow', name: flow }
      })
    } else {
      ctx.report('error', [...path, 'config'], `node '${node.id}' (Fleet) needs config.fleet (the name of a fleet, e.g. review-fleet)`)
    }
  }
}

/** `action:` beside `config:` reads as `config.action`; written in both places it must agree. */
function configOf(ctx: DocContext, node: NodeDocument, index: number): Record<string, unknown> {
  const config = node.config ?? {}
  if (node.action === undefined) return config
  if (config.action !== undefined && config.action !== node.action) {
    ctx.report(
      'error',
      ['spec', 'nodes', index, 'action'],
      `node '${node.id}' names its action twice (action: ${node.action} and config.action: ${String(config.action)}); keep one`,
      {
        key: true
      }
    )
  }
  return { ...config, action: config.action ?? node.action }
}

function connectionsOf(ctx: DocContext, flow: string, spec: FlowDocument['spec'], ids: Set<string>): FlowConnection[] {
  const known = (): string => [...ids].join(', ')
  return (spec.connections ?? []).map((edge, index) => {
    const path = ['spec', 'connections', index]
    if (!ids.has(edge.from) && !ENTRY_MARKERS.has(edge.from)) {
      ctx.report(
        'error',
        [...path, 'from'],
        `connection from '${edge.from}': flow '${flow}' has no node '${edge.from}'; nodes: ${known()} (or start for the entry)`
      )
    }
    if (!ids.has(edge.to)) {
      ctx.report('error', [...path, 'to'], `connection to '${edge.to}': flow '${flow}' has no node '${edge.to}'; nodes: ${known()}`)
    }
    const connection: FlowConnection = { from: edge.from, to: edge.to }
    if (edge.when !== undefined) connection.when = String(edge.when)
    return connection
  })
}

/** Reads `kind: AgentFlow` (alias `Flow`). Node `config` is kept as written for the flow runner. */
export function readFlow(ctx: DocContext, state: LoadState): void {
  const data = checkShape(ctx, flowSchema, ctx.value)
  if (!data) {
    const name = fieldValue(ctx.value, ['metadata', 'name'])
    if (typeof name === 'string' && name) declareName(ctx, state, 'flow', name, ['metadata', 'name'])
    return
  }
  const name = data.metadata.name
  if (!declareName(ctx, state, 'flow', name, ['metadata', 'name'])) return
  const ids = new Set<string>()
  const nodes: FlowNode[] = []
  data.spec.nodes.forEach((node, index) => {
    if (ids.has(node.id)) {
      ctx.report('error', ['spec', 'nodes', index, 'id'], `node id '${node.id}' is used twice in flow '${name}'; node ids must be unique`)
      return
    }
    ids.add(node.id)
    const config = configOf(ctx, node, index)
    checkNode(ctx, state, name, { ...node, config }, index)
    nodes.push({ id: node.id, type: node.type, config, location: ctx.location(['spec', 'nodes', index]) })
  })
  const flow: FlowDef = { name, nodes, connections: connectionsOf(ctx, name, data.spec, ids), location: ctx.location([]) }
  // What only the whole flow shows (cycles, conditions that do not parse, references to unknown
  // node outputs) is a load-time error too, not a surprise halfway through a deploy. Those checks
  // are flow's (they use the same condition parser and node readers as the flow runner), handed in
  // through the load state rather than imported: flow imports config, so config must not import
  // flow; here each problem still gets its YAML line.
  // Dangling connections were reported above; the whole-flow check would only say it again.
  const dangling = flow.connections.some((c) => !ids.has(c.to) || !(ids.has(c.from) || c.from === 'start' || c.from === 'trigger'))
  if (!dangling) for (const problem of state.checkFlow(flow)) ctx.report('error', ['spec', ...problemPath(problem.field)], `flow '${name}': ${problem.message}`)
  state.flows[name] = flow
}

/** `nodes[2].config.workflow` as a YAML path. */
function problemPath(field: string): (string | number)[] {
  return field
    .split('.')
    .filter(Boolean)
    .flatMap((part) => {
      const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part)
      if (!match) return [part]
      const indexes = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))
      return [match[1] as string, ...indexes]
    })
}
