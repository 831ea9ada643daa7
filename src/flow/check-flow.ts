// What can be known about a flow before it runs: cycles, conditions that do not parse, Action and
// Approval config that can never work, references to nodes that do not exist. For the loader, so a
// mistake is a load-time error with file:line instead of a failed node mid-deploy: callers hand
// `checkFlow` to loadConfig (it is config's FlowGraphCheck), since config may not import flow.
import type { FlowDef, FlowGraphProblem, FlowNode } from '../config/types.js'
import { flowOrder } from './flow-order.js'
import { ExpressionError, parseExpression, type Expr } from './parse-expression.js'
import { approverList, checkConclusion, dispatchInputs, labelList, NodeConfigError, requiredText, timeoutSeconds } from './read-node-config.js'

export interface FlowProblem extends FlowGraphProblem {
  /** The node the problem is in; null for the flow as a whole. */
  node: string | null
}

const ACTIONS = ['workflow_dispatch', 'dispatch_workflow', 'comment', 'post_comment', 'add_labels', 'label', 'labels', 'check_run', 'create_check_run']
const REF = /\$\{([^{}]*)\}/g

/** A value written with placeholders is only known at run time. */
function templated(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('${') || value.includes('{{'))
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') for (const m of value.matchAll(REF)) out.push((m[1] ?? '').trim())
  else if (Array.isArray(value)) value.forEach((v) => refsIn(v, out))
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => refsIn(v, out))
  return out
}

function exprRefs(expr: Expr, out: string[] = []): string[] {
  if (expr.kind === 'ref') out.push(expr.path)
  else if (expr.kind === 'not') exprRefs(expr.operand, out)
  else if (expr.kind === 'and' || expr.kind === 'or' || expr.kind === 'compare') {
    exprRefs(expr.left, out)
    exprRefs(expr.right, out)
  }
  return out
}

function unknownNodeRefs(refs: string[], ids: Set<string>): string[] {
  return refs.filter((path) => {
    const [head = '', field] = path.split('.')
    return !ids.has(head) && head !== 'event' && head !== 'trigger' && (field === 'output' || field === 'result')
  })
}

/** Runs a config reader only on values that are not templated; its NodeConfigError becomes a problem. */
function tryRead(problems: FlowProblem[], node: FlowNode, field: string, keys: string[], read: () => unknown): void {
  if (keys.some((k) => templated(node.config[k]))) return
  try {
    read()
  } catch (error) {
    if (!(error instanceof NodeConfigError)) throw error
    problems.push({ node: node.id, field, message: error.message })
  }
}

function checkNode(problems: FlowProblem[], node: FlowNode, index: number, ids: Set<string>): void {
  const at = `nodes[${index}].config`
  const config = node.config
  // A Conditional's condition is parsed below, with its own message.
  const filled = node.type === 'Conditional' ? Object.fromEntries(Object.entries(config).filter(([k]) => k !== 'condition')) : config
  for (const path of unknownNodeRefs(refsIn(filled), ids)) {
    problems.push({ node: node.id, field: at, message: `node '${node.id}': \${${path}} names no node of this flow; its nodes are ${[...ids].join(', ')}` })
  }
  if (node.type === 'Conditional') {
    const condition = config.condition
    if (typeof condition === 'boolean') return
    if (typeof condition !== 'string' || condition.trim() === '') {
      problems.push({
        node: node.id,
        field: `${at}.condition`,
        message: `node '${node.id}' (Conditional) needs config.condition, e.g. condition: "\${check.output.count} > 0"`
      })
      return
    }
    try {
      for (const path of unknownNodeRefs(exprRefs(parseExpression(condition)), ids)) {
        problems.push({ node: node.id, field: `${at}.condition`, message: `node '${node.id}': \${${path}} names no node of this flow` })
      }
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error
      problems.push({ node: node.id, field: `${at}.condition`, message: `node '${node.id}' (Conditional): ${error.message}` })
    }
  }
  if (node.type === 'Approval') {
    tryRead(problems, node, `${at}.approvers`, ['approvers'], () => approverList(node, config))
    tryRead(problems, node, `${at}.timeout_seconds`, ['timeout_seconds'], () => timeoutSeconds(node, config))
  }
  if (node.type !== 'Action') return
  const action = config.action
  if (templated(action)) return
  if (typeof action !== 'string' || !ACTIONS.includes(action)) {
    problems.push({
      node: node.id,
      field: `${at}.action`,
      message:
        action === undefined
          ? `node '${node.id}' (Action): config.action is missing; it must be one of workflow_dispatch, comment, add_labels, check_run`
          : `node '${node.id}' (Action): config.action must be one of workflow_dispatch, comment, add_labels, check_run (found ${JSON.stringify(action)})`
    })
    return
  }
  if (action === 'workflow_dispatch' || action === 'dispatch_workflow') {
    tryRead(problems, node, `${at}.workflow`, ['workflow'], () => requiredText(node, config, 'workflow', 'deploy.yml'))
    tryRead(problems, node, `${at}.inputs`, [], () => dispatchInputs(node, config))
  } else if (action === 'add_labels' || action === 'label' || action === 'labels') {
    tryRead(problems, node, `${at}.labels`, [], () => labelList(node, config))
  } else if (action === 'check_run' || action === 'create_check_run') {
    tryRead(problems, node, `${at}.name`, ['name'], () => requiredText(node, config, 'name', 'deploy'))
    tryRead(problems, node, `${at}.conclusion`, ['conclusion'], () => checkConclusion(node, config))
  } else if (config.body === undefined && config.message === undefined) {
    problems.push({ node: node.id, field: at, message: `node '${node.id}' (Action comment) needs config.body, e.g. body: "Deployed."` })
  }
}

export function checkFlow(flow: FlowDef): FlowProblem[] {
  const problems: FlowProblem[] = []
  const ids = new Set(flow.nodes.map((n) => n.id))
  const order = flowOrder(flow)
  if (!order.ok) problems.push({ node: null, field: 'connections', message: order.error })
  flow.nodes.forEach((node, index) => checkNode(problems, node, index, ids))
  flow.connections.forEach((edge, index) => {
    const when = edge.when?.trim()
    if (!when || ['true', 'false'].includes(when.toLowerCase())) return
    try {
      parseExpression(when)
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error
      problems.push({
        node: null,
        field: `connections[${index}].when`,
        message: `connection ${edge.from} → ${edge.to}: when ${JSON.stringify(when)}: ${error.message}`
      })
    }
  })
  return problems
}
