import type { Document, LineCounter } from 'yaml'
import type { DiagnosticLog } from './diagnostic-log.js'
import { formatField, type FieldPath } from './format-field.js'
import type { Diagnostic, Severity, SourceLocation } from './types.js'
import { positionOf } from './yaml-position.js'

export interface ReportOptions {
  /** Point at the key rather than the value (unknown fields, duplicate names). */
  key?: boolean
  /** Report only the first occurrence of this key across the whole load. */
  once?: string
}

/** One YAML document being read: where it is, its (interpolated) value, and how to report on it. */
export interface DocContext {
  readonly file: string
  readonly value: unknown
  /** Path prefixes whose unset `${VAR}`s are not errors (fields the action ignores). */
  readonly ignored: FieldPath[]
  location(path: FieldPath, options?: ReportOptions): SourceLocation
  report(severity: Severity, path: FieldPath, message: string, options?: ReportOptions): void
}

export interface DocSource {
  file: string
  doc: Document
  lineCounter: LineCounter
  value: unknown
}

export function createDocContext(source: DocSource, log: DiagnosticLog): DocContext {
  const { file, doc, lineCounter, value } = source
  const ignored: FieldPath[] = []
  const location = (path: FieldPath, options: ReportOptions = {}): SourceLocation => {
    const { line, column } = positionOf(doc, lineCounter, path, options)
    return { file, line, column }
  }
  return {
    file,
    value,
    ignored,
    location,
    report(severity, path, message, options = {}) {
      const make = (): Diagnostic => {
        const { line, column } = location(path, options)
        return { severity, message, file, line, column, ...(path.length ? { field: formatField(path) } : {}) }
      }
      if (options.once) log.once(options.once, make)
      else log.add(make())
    }
  }
}
