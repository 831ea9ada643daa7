// What `${…}` and `{{ … }}` name inside a flow: outputs of earlier nodes, the event's metadata, the
// command's params. Own properties only, so no reference reaches Object.prototype.
import type { TemplateNamespace } from '../template/template-references.js'
import type { ExpressionScope } from './evaluate-expression.js'
import { ExpressionError } from './parse-expression.js'
import type { FlowContext, NodeOutput } from './flow-types.js'

export interface FlowScopeInput {
  flow: string
  /** Every node id of the flow. */
  nodeIds: readonly string[]
  ctx: FlowContext
  /** Outputs of the nodes that completed so far. */
  outputs: Readonly<Record<string, NodeOutput>>
  /** For an edge's `when`: bare words name fields of this output. */
  words?: NodeOutput | null
}

function own(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
}

function walk(value: unknown, path: string[]): unknown {
  let current = value
  for (const key of path) {
    current = own(current, key)
    if (current === undefined) return null
  }
  return current ?? null
}

/** `${node.output}` alone is the node's answer: an agent's text, otherwise the whole output. */
function primary(output: NodeOutput): unknown {
  return typeof output.text === 'string' ? output.text : output
}

export function flowScope(input: FlowScopeInput): ExpressionScope {
  const ids = new Set(input.nodeIds)
  const { ctx, outputs } = input
  return {
    ref(path: string): unknown {
      const parts = path.split('.').map((p) => p.trim())
      const [head = '', field, ...rest] = parts
      if (head === 'event' || head === 'trigger') {
        if (field === undefined) return ctx.metadata
        if (field === 'metadata') return rest.length === 0 ? ctx.metadata : walk(ctx.metadata, rest)
        if (field === 'params') return rest.length === 0 ? ctx.params : walk(ctx.params, rest)
        throw new ExpressionError(`\${${path}}: write \${${head}.metadata.NAME} or \${${head}.params.NAME}`)
      }
      if (!ids.has(head)) {
        throw new ExpressionError(`\${${path}} names no node of flow '${input.flow}'; its nodes are ${[...ids].join(', ')}`)
      }
      if (field !== 'output' && field !== 'result') {
        throw new ExpressionError(`\${${path}}: a node is read as \${${head}.output}, \${${head}.output.FIELD} or \${${head}.result}`)
      }
      const output = Object.hasOwn(outputs, head) ? outputs[head] : undefined
      // A node that was skipped or has not run has no output: the reference is empty, not an error.
      if (output === undefined) return null
      if (field === 'result') return rest.length === 0 ? (output.result ?? null) : walk(output.result, rest)
      return rest.length === 0 ? primary(output) : walk(output, rest)
    },
    template(namespace: TemplateNamespace, name: string): unknown {
      if (namespace === 'metadata') return Object.hasOwn(ctx.metadata, name) ? ctx.metadata[name] : null
      if (namespace === 'params') return Object.hasOwn(ctx.params, name) ? ctx.params[name] : null
      return name === 'args' ? ctx.command.args : name === 'name' ? ctx.command.name : null
    },
    word(name: string): { found: boolean; value?: unknown } {
      if (!input.words) return { found: false }
      const value = walk(input.words, name.split('.'))
      return value === null && own(input.words, name.split('.')[0] ?? '') === undefined ? { found: false } : { found: true, value }
    }
  }
}
