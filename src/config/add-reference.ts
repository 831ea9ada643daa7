import type { DocContext } from './document-context.js'
import { formatField, type FieldPath } from './format-field.js'
import type { LoadState, PendingReference } from './load-state.js'
import type { Severity, TargetKind } from './types.js'

/** Notes a use of an agent/fleet/flow name, checked once every file is read. */
export function addReference(
  ctx: DocContext,
  state: LoadState,
  kind: TargetKind,
  name: string,
  path: FieldPath,
  from: string,
  severity: Severity = 'error',
  hooks: Pick<PendingReference, 'onAgent' | 'file' | 'besideFile' | 'owner'> = {}
): void {
  state.references.push({ kind, name, from, severity, at: () => ({ ...ctx.location(path), field: formatField(path) }), ...hooks })
}
