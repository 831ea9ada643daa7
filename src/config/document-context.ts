import type { DiagnosticLog } from './diagnostic-log.js'
import { formatField, type FieldPath } from './format-field.js'
import type { Diagnostic, Severity, SourceLocation, ToolHost } from './types.js'
import type { Position } from './yaml-position.js'

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
  /** Which programs this run has, for the tools that need one; absent: not checked. */
  readonly toolHost?: ToolHost
  location(path: FieldPath, options?: ReportOptions): SourceLocation
  report(severity: Severity, path: FieldPath, message: string, options?: ReportOptions): void
}

export interface DocSource {
  file: string
  value: unknown
  locate(path: FieldPath, options?: { key?: boolean }): Position
}

export function createDocContext(source: DocSource, log: DiagnosticLog, toolHost?: ToolHost): DocContext {
  const { file, value } = source
  const ignored: FieldPath[] = []
  const position = (path: FieldPath, options: ReportOptions): Position => source.locate(path, options.key === undefined ? {} : { key: options.key })
  const location = (path: FieldPath, options: ReportOptions = {}): SourceLocation => ({ file, ...position(path, options) })
  return {
    file,
    value,
    ignored,
    ...(toolHost ? { toolHost } : {}),
    location,
    report(severity, path, message, options = {}) {
      const make = (): Diagnostic => {
        const { line, column } = position(path, options)
        return { severity, message, file, line, column, ...(path.length ? { field: formatField(path) } : {}) }
      }
      if (options.once) log.once(options.once, make)
      else log.add(make())
    }
  }
}
