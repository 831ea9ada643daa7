import type { Diagnostic } from './types.js'

/** The message with what it skips, as annotations, the summary and `validate` show it. */
export function describeDiagnostic(d: Diagnostic): string {
  return d.skips === undefined ? d.message : `${d.message}; ${d.skips}`
}

/** `validate --strict`: all or nothing, so whatever skips something is an error. */
export function strictDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.skips !== undefined && d.severity !== 'error' ? { ...d, severity: 'error' } : d))
}
