// The one template syntax: `{{ metadata.NAME }}`, `{{ params.NAME }}`, `{{ command.args }}`,
// `{{ command.name }}`. Anything else between braces (`${{ github.token }}`, `{{ steps.x }}`) is not
// ours and stays as written.

export type TemplateNamespace = 'metadata' | 'params' | 'command'

export interface TemplateReference {
  namespace: TemplateNamespace
  name: string
  /** The placeholder as written, braces included. */
  raw: string
}

/** A fresh global regex each call: a shared `lastIndex` would leak between callers. */
export function templatePattern(): RegExp {
  return /\{\{\s*(metadata|params|command)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g
}

export function templateReferences(template: string): TemplateReference[] {
  return [...template.matchAll(templatePattern())].map((m) => ({
    namespace: m[1] as TemplateNamespace,
    name: m[2] ?? '',
    raw: m[0]
  }))
}
