// One node of a flow: read its config (references filled in), ask the shell through its port, and
// return its output. Throws (NodeConfigError, ExpressionError, or whatever a port threw) to fail it.
import type { FlowNode } from '../config/types.js'
import { evaluateExpression, truthy, type ExpressionScope } from './evaluate-expression.js'
import type { ApprovalAsk, FlowPorts, NodeOutput } from './flow-types.js'
import { parseExpression } from './parse-expression.js'
import { approverList, checkConclusion, dispatchInputs, labelList, NodeConfigError, optionalText, requiredText, timeoutSeconds } from './read-node-config.js'
import { substituteReferences } from './substitute-references.js'

export type NodeStep = { kind: 'done'; output: NodeOutput; detail: string } | { kind: 'pause'; ask: ApprovalAsk }

export interface NodeEnv {
  scope: ExpressionScope
  nodeIds: ReadonlySet<string>
  ports: FlowPorts
}

type Action = 'workflow_dispatch' | 'comment' | 'add_labels' | 'check_run'

const ACTIONS = new Map<string, Action>([
  ['workflow_dispatch', 'workflow_dispatch'],
  ['dispatch_workflow', 'workflow_dispatch'],
  ['comment', 'comment'],
  ['post_comment', 'comment'],
  ['add_labels', 'add_labels'],
  ['label', 'add_labels'],
  ['labels', 'add_labels'],
  ['check_run', 'check_run'],
  ['create_check_run', 'check_run']
])

/** Port answers add to a node's output; `result` stays what the flow decided. */
function merge(port: NodeOutput | void, own: NodeOutput): NodeOutput {
  return { ...(port ?? {}), ...own }
}

function conditional(node: FlowNode, env: NodeEnv): NodeOutput {
  const raw = node.config.condition
  if (typeof raw === 'boolean') return { result: raw, condition: String(raw) }
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new NodeConfigError(`node '${node.id}' (Conditional) needs config.condition, e.g. condition: "\${check.output.count} > 0"`)
  }
  // Parsed, not filled in as text: a referenced value can never become an operator.
  return { result: truthy(evaluateExpression(parseExpression(raw), env.scope)), condition: raw }
}

async function action(node: FlowNode, config: Record<string, unknown>, env: NodeEnv): Promise<{ output: NodeOutput; detail: string }> {
  const name = requiredText(node, config, 'action', 'workflow_dispatch')
  const kind = ACTIONS.get(name)
  const request = { node: node.id }
  if (kind === 'workflow_dispatch') {
    const workflow = requiredText(node, config, 'workflow', 'deploy.yml')
    const ref = optionalText(node, config, 'ref')
    const inputs = dispatchInputs(node, config)
    const port = await env.ports.dispatchWorkflow({ ...request, workflow, ref, inputs })
    return { output: merge(port, { result: true, action: kind, workflow, ref, inputs }), detail: `started workflow ${workflow}${ref ? ` on ${ref}` : ''}` }
  }
  if (kind === 'comment') {
    const body = optionalText(node, config, 'body') ?? requiredText(node, config, 'message', '"Deployed."')
    const port = await env.ports.postComment({ ...request, body })
    return { output: merge(port, { result: true, action: kind, body }), detail: 'commented' }
  }
  if (kind === 'add_labels') {
    const labels = labelList(node, config)
    const port = await env.ports.addLabels({ ...request, labels })
    return { output: merge(port, { result: true, action: kind, labels }), detail: `labelled ${labels.join(', ')}` }
  }
  if (kind === 'check_run') {
    const checkName = requiredText(node, config, 'name', 'deploy')
    const conclusion = checkConclusion(node, config)
    const title = optionalText(node, config, 'title') ?? checkName
    const summary = optionalText(node, config, 'summary') ?? ''
    const port = await env.ports.checkRun({ ...request, name: checkName, conclusion, title, summary })
    return { output: merge(port, { result: true, action: kind, name: checkName, conclusion }), detail: `check run ${checkName}: ${conclusion}` }
  }
  throw new NodeConfigError(`node '${node.id}' (Action): config.action ${JSON.stringify(name)} is not one of workflow_dispatch, comment, add_labels, check_run`)
}

export async function runNode(node: FlowNode, env: NodeEnv): Promise<NodeStep> {
  if (node.type === 'Conditional') {
    const output = conditional(node, env)
    return { kind: 'done', output, detail: `condition is ${output.result}` }
  }
  const config = substituteReferences(node.config, env.scope, env.nodeIds) as Record<string, unknown>
  switch (node.type) {
    case 'Agent': {
      const agent = optionalText(node, config, 'agent')
      const inline =
        typeof config.inline === 'object' && config.inline !== null && !Array.isArray(config.inline) ? (config.inline as Record<string, unknown>) : null
      if (!agent && !inline) throw new NodeConfigError(`node '${node.id}' (Agent) needs config.agent, e.g. agent: code-reviewer`)
      const input = optionalText(node, config, 'input') ?? ''
      const port = await env.ports.runAgent({ node: node.id, agent: agent ?? null, inline: agent ? null : inline, input })
      return { kind: 'done', output: merge(port, { result: true }), detail: `agent ${agent ?? '(inline)'} ran` }
    }
    case 'Fleet': {
      const fleet = requiredText(node, config, 'fleet', 'review-fleet')
      const port = await env.ports.runFleet({ node: node.id, fleet, input: optionalText(node, config, 'input') ?? '' })
      return { kind: 'done', output: merge(port, { result: true }), detail: `fleet ${fleet} ran` }
    }
    case 'Response': {
      const body = optionalText(node, config, 'message') ?? requiredText(node, config, 'body', '"Done."')
      const port = await env.ports.postComment({ node: node.id, body })
      return { kind: 'done', output: merge(port, { result: true, body }), detail: 'commented' }
    }
    case 'Action': {
      const { output, detail } = await action(node, config, env)
      return { kind: 'done', output, detail }
    }
    case 'Approval':
      return {
        kind: 'pause',
        ask: {
          node: node.id,
          message: optionalText(node, config, 'message') ?? `Continue the flow after '${node.id}'?`,
          approvers: approverList(node, config),
          timeoutSeconds: timeoutSeconds(node, config)
        }
      }
    case 'End':
    case 'Join':
    case 'Parallel':
      return { kind: 'done', output: { result: true }, detail: node.type === 'End' ? 'the flow ends here' : 'passed' }
    default:
      throw new NodeConfigError(`node '${node.id}': type ${node.type} cannot run in a job`)
  }
}
