import { classifyDocument, type DocumentKind } from './classify-document.js'
import { fieldValue } from './field-value.js'
import type { LoadState } from './load-state.js'
import type { Diagnostic, SourceLocation, TargetKind } from './types.js'

const KIND_OF: Record<DocumentKind, TargetKind | 'trigger' | null> = {
  Trigger: 'trigger',
  Agent: 'agent',
  FlatAgent: 'agent',
  AgentFleet: 'fleet',
  AgentFlow: 'flow',
  DaemonConfig: null
}

/**
 * Turns an error into the warning that something is skipped: the rest of the config still loads,
 * as AOF warns and skips what it cannot load. The error comes back when an event routes to it.
 */
export function markSkipped(diagnostic: Diagnostic, consequence: string): void {
  if (diagnostic.skips !== undefined) return
  diagnostic.severity = 'warning'
  diagnostic.skips = consequence
}

export function addSkipped(state: LoadState, kind: TargetKind, name: string, reasons: Diagnostic[]): void {
  const known = state.skipped[kind].get(name)
  if (known) known.push(...reasons)
  else state.skipped[kind].set(name, [...reasons])
}

function sameDocument(a: SourceLocation, file: string, line: number): boolean {
  return a.file === file && a.line === line
}

/**
 * After one document was read: if it produced errors, what it defined is skipped (removed from the
 * state, its errors turned into warnings saying so, and kept under its name for the run that routes
 * to it). A DaemonConfig's errors stay errors: it decides what else is read.
 */
export function settleDocument(
  state: LoadState,
  document: { value: unknown; file: string; at: SourceLocation; inAgentsDir: boolean },
  before: { diagnostics: number; references: number }
): void {
  const { value, file, at, inAgentsDir } = document
  const errors = state.log.items.slice(before.diagnostics).filter((d) => d.severity === 'error' && d.skips === undefined)
  if (errors.length === 0) return
  // What a skipped document uses no longer matters: nothing of it runs.
  state.references.length = before.references
  const mapping = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  const classified = mapping ? classifyDocument(mapping, file, inAgentsDir) : null
  const kind = classified && 'kind' in classified ? KIND_OF[classified.kind] : undefined
  if (kind === null) return
  const written =
    kind === undefined
      ? undefined
      : fieldValue(mapping, classified && 'kind' in classified && classified.kind === 'FlatAgent' ? ['name'] : ['metadata', 'name'])
  const name = typeof written === 'string' && written !== '' ? written : undefined
  const label = kind !== undefined && name !== undefined ? `${kind} '${name}'` : 'this document'
  for (const error of errors) markSkipped(error, `${label} is skipped`)
  if (kind === undefined || name === undefined) return
  if (kind === 'trigger') {
    state.triggers = state.triggers.filter((t) => !sameDocument(t.location, file, at.line))
    return
  }
  const defined = kind === 'agent' ? state.agents : kind === 'fleet' ? state.fleets : state.flows
  const current = Object.hasOwn(defined, name) ? defined[name] : undefined
  // A second definition of a taken name is skipped alone; the first one stays.
  if (current && !sameDocument(current.location, file, at.line)) return
  if (current) delete defined[name]
  addSkipped(state, kind, name, errors)
}
