import type { DocContext } from './document-context.js'
import type { FieldPath } from './format-field.js'
import type { LoadState } from './load-state.js'
import type { TargetKind } from './types.js'

/** Records a definition's name; a second definition of the same name in the same kind is an error at the second. */
export function declareName(ctx: DocContext, state: LoadState, kind: TargetKind | 'trigger', name: string, path: FieldPath): boolean {
  const seen = state.declared[kind]
  const first = seen.get(name)
  if (first) {
    ctx.report('error', path, `${kind} '${name}' is defined twice; the first definition is at ${first.file}:${first.line}. Names must be unique per kind`)
    return false
  }
  seen.set(name, ctx.location(path))
  return true
}
