// Fills `${node.output.field}`, `${event.metadata.X}` and `{{ metadata.X }}`-style placeholders in a
// node's config strings. One pass: a filled-in value (an agent's answer, a PR title) is never
// scanned again, so text that holds placeholders stays text.
import { displayValue, type ExpressionScope } from './evaluate-expression.js'
import type { TemplateNamespace } from '../template/template-references.js'

const PLACEHOLDER = /\$\{([^{}]*)\}|\{\{\s*(metadata|params|command)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g

/** `${a.output…}`/`${a.result…}`/`${event…}`: ours. Anything else (`${{ github.x }}` never matches) stays as written. */
function isFlowReference(path: string, nodeIds: ReadonlySet<string>): boolean {
  const [head = '', field] = path.trim().split('.')
  if (head === 'event' || head === 'trigger') return true
  if (nodeIds.has(head)) return true
  return field === 'output' || field === 'result'
}

export function substituteText(text: string, scope: ExpressionScope, nodeIds: ReadonlySet<string>): string {
  return text.replace(PLACEHOLDER, (match: string, path: string | undefined, namespace: string | undefined, name: string | undefined) => {
    if (path !== undefined) return isFlowReference(path, nodeIds) ? displayValue(scope.ref(path.trim())) : match
    return displayValue(scope.template(namespace as TemplateNamespace, name ?? ''))
  })
}

/** Every string inside `value` (mappings and lists too), filled in; other values as they are. */
export function substituteReferences(value: unknown, scope: ExpressionScope, nodeIds: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return substituteText(value, scope, nodeIds)
  if (Array.isArray(value)) return value.map((v) => substituteReferences(v, scope, nodeIds))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) out[key] = substituteReferences(v, scope, nodeIds)
    return out
  }
  return value
}
