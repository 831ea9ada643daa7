import { describeDiagnostic } from './describe-diagnostic.js'
import type { Diagnostic } from './types.js'

/** Message text of a workflow command (as @actions/core's `escapeData`). */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Property values also lose `:` and `,`, which delimit the properties (as `escapeProperty`). */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * A diagnostic as a GitHub workflow command, so it shows as an annotation on the file and line:
 * `::error file=.github/aof/triggers/pr.yaml,line=12,col=7,title=AOF config%3A spec.type::message`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const properties: [string, string][] = [
    ['file', d.file],
    ['line', String(d.line)]
  ]
  if (d.column !== undefined) properties.push(['col', String(d.column)])
  properties.push(['title', d.field ? `AOF config: ${d.field}` : 'AOF config'])
  const rendered = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')
  return `::${d.severity} ${rendered}::${escapeData(describeDiagnostic(d))}`
}
