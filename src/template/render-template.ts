import type { MetadataValue } from '../event/types.js'
import { templatePattern, type TemplateNamespace } from './template-references.js'

export interface TemplateVars {
  metadata: Record<string, MetadataValue>
  params: Record<string, unknown>
  command: { name: string | null; args: string }
}

export interface RenderedTemplate {
  text: string
  /** Placeholders that named nothing (`metadata.pr_numbr`), each once, in order of appearance. */
  unknown: string[]
}

/** Arrays comma-joined, null and undefined empty, objects as JSON. */
function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : display(v))).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Own properties only: `{{ params.constructor }}` must not reach Object.prototype. */
function lookup(vars: TemplateVars, namespace: TemplateNamespace, name: string): { found: boolean; value?: unknown } {
  const source: Record<string, unknown> =
    namespace === 'metadata' ? vars.metadata : namespace === 'params' ? vars.params : { name: vars.command.name, args: vars.command.args }
  return Object.hasOwn(source, name) ? { found: true, value: source[name] } : { found: false }
}

/**
 * Fill `{{ metadata.X }}`, `{{ params.X }}`, `{{ command.args|name }}`. One pass: inserted values are
 * never scanned again, so a PR title holding `{{ … }}` stays text. Nothing is evaluated.
 */
export function renderTemplate(template: string, vars: TemplateVars): RenderedTemplate {
  const unknown: string[] = []
  const text = template.replace(templatePattern(), (_match, namespace: TemplateNamespace, name: string) => {
    const { found, value } = lookup(vars, namespace, name)
    if (found) return display(value)
    const label = `${namespace}.${name}`
    if (!unknown.includes(label)) unknown.push(label)
    return ''
  })
  return { text, unknown }
}
