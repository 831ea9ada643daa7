// Does a connection carry the flow on? Its `when` is read against the node it starts from.
import type { FlowConnection } from '../config/types.js'
import { evaluateExpression, truthy } from './evaluate-expression.js'
import { flowScope, type FlowScopeInput } from './flow-scope.js'
import type { NodeOutput } from './flow-types.js'
import { ExpressionError, parseExpression } from './parse-expression.js'

export interface EdgeSource {
  id: string
  type: string
  output: NodeOutput
}

/**
 * - no `when`: always, except from an Approval node, where it means `approved` (a denial must never
 *   start what the approval guards);
 * - `true` / `false`: the source's `result` (a Conditional's verdict; true for nodes that ran);
 * - anything else: a condition, where bare words name the source's output fields (`approved`,
 *   `denied`, `status == 'success'`) and `${node.output.field}` any earlier node's.
 */
export function edgeHolds(edge: FlowConnection, source: EdgeSource, scope: Omit<FlowScopeInput, 'words'>): boolean {
  const when = edge.when?.trim() ?? ''
  if (when === '') return source.type === 'Approval' ? source.output.approved === true : true
  const lowered = when.toLowerCase()
  if (lowered === 'true' || lowered === 'false') return truthy(source.output.result) === (lowered === 'true')
  const expr = parseExpression(when)
  // A lone word that names no field would read as text, i.e. always true: a typo must not pass.
  if (expr.kind === 'word' && !Object.hasOwn(source.output, expr.name.split('.')[0] ?? '')) {
    const fields = Object.keys(source.output).join(', ')
    throw new ExpressionError(`when '${when}': node '${source.id}' (${source.type}) has no output field '${expr.name}'; its fields are ${fields}`)
  }
  return truthy(evaluateExpression(expr, flowScope({ ...scope, words: source.output })))
}
