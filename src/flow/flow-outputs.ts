// Step outputs for a flow run, so a later workflow step can act on what happened
// (`if: steps.agent.outputs.flow == 'paused'`).
import type { FlowResult } from './flow-types.js'

/** Node outputs can hold an agent's whole answer; a step output keeps each text short. */
const TEXT_LIMIT = 1000

function shorten(value: unknown): unknown {
  if (typeof value === 'string') return value.length > TEXT_LIMIT ? `${value.slice(0, TEXT_LIMIT)}…` : value
  if (Array.isArray(value)) return value.map(shorten)
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]))
  return value
}

/**
 * `flow` (completed | paused | failed), `flow-node` (where it paused or failed), `approved-by` (who
 * approved what this run resumed), `node-results` (JSON: each node's status and output).
 */
export function flowOutputs(result: FlowResult, approvedBy: string | null = null): Record<string, string> {
  const at = result.status === 'paused' ? (result.state?.pausedAt ?? '') : result.status === 'failed' ? (result.failure?.node ?? '') : ''
  const nodes = Object.fromEntries(result.nodes.map((n) => [n.id, { status: n.status, ...(n.output ? { output: shorten(n.output) } : {}) }]))
  return {
    flow: result.status,
    'flow-node': at,
    'approved-by': approvedBy ?? '',
    'node-results': JSON.stringify(nodes)
  }
}
