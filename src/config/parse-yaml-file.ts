import { LineCounter, parseAllDocuments, type Document } from 'yaml'
import type { DiagnosticLog } from './diagnostic-log.js'
import type { FieldPath } from './format-field.js'
import { positionOf, type Position } from './yaml-position.js'
import { errorMessage } from '../shared/errors.js'

/**
 * AOF files are a few KB; anything this large is a mistake or an attack, and is not parsed. The
 * limit also bounds the parser's time on pathological input (deep flow nesting costs ~1 s per 100 KB).
 */
export const MAX_FILE_CHARS = 250_000

/**
 * Expanding aliases is where billion-laughs documents explode; the yaml library counts alias
 * uses against this limit and throws instead of expanding.
 */
const MAX_ALIAS_COUNT = 100

export interface ParsedDocument {
  /** The plain JS value (aliases expanded, merge keys applied). */
  value: unknown
  /** Where `path` is in the source (see positionOf), from the same parse that gave `value`. */
  locate(path: FieldPath, options?: { key?: boolean }): Position
}

export interface ParsedFile {
  path: string
  documents: ParsedDocument[]
}

// YAML 1.2 core schema (the library's default): `yes`, `no`, `on`, `off` stay strings, `0755` is
// the integer 755, `0o17` is octal. merge: `<<` keys merge, as AOF's own examples expect of YAML.
// logLevel 'error': the library would print its own warnings to stderr; they are diagnostics here.
// prettyErrors must stay off: building its context snippet for a deeply nested line runs V8
// out of memory (a fatal crash, not an exception) on a 20 KB file of `[[[[`.
const YAML_OPTIONS = { prettyErrors: false, merge: true, logLevel: 'error' } as const

function sizeText(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} KB`
}

/**
 * One parse per file, all documents of it (`---`), by the `yaml` library; the same parse gives
 * the values and, through each node's source range, the line and column of any finding. Syntax
 * errors and the library's warnings are reported with its line and column, and a document with an
 * error is skipped; empty documents are skipped silently.
 */
export function parseYamlFile(path: string, text: string, log: DiagnosticLog): ParsedFile {
  const parsed: ParsedFile = { path, documents: [] }
  if (text.length > MAX_FILE_CHARS) {
    log.add({
      severity: 'error',
      file: path,
      line: 1,
      message: `file is ${sizeText(text.length)}; config files over ${sizeText(MAX_FILE_CHARS)} are not read (an AOF config file is a few KB)`
    })
    return parsed
  }
  const lineCounter = new LineCounter()
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  let docs: Document[]
  try {
    docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter }) as Document[]
  } catch (error) {
    // The parser recurses on nesting; a pathological depth ends here instead of in a crash.
    log.add({ severity: 'error', file: path, line: 1, message: `YAML cannot be parsed: ${errorMessage(error)}` })
    return parsed
  }
  for (const doc of docs) {
    for (const warning of doc.warnings) {
      log.add({ severity: 'warning', file: path, ...at(warning.pos[0]), message: `YAML: ${warning.message}` })
    }
    if (doc.errors.length > 0) {
      // One error per line: the parser often adds follow-on errors at the same spot.
      const lines = new Set<number>()
      for (const error of doc.errors) {
        const position = at(error.pos[0])
        if (lines.has(position.line)) continue
        lines.add(position.line)
        const message = error.message.includes('call stack') ? 'YAML is nested too deeply to read' : `YAML syntax error: ${error.message}`
        log.add({ severity: 'error', file: path, ...position, message })
      }
      continue
    }
    if (doc.contents === null) continue
    try {
      const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown
      // An empty document (a lone `---`, only comments, or `~`) is not a mistake; skip it quietly.
      if (value === null || value === undefined) continue
      parsed.documents.push({ value, locate: (p, o) => positionOf(doc, lineCounter, p, o) })
    } catch (error) {
      const start = at(doc.contents.range?.[0] ?? 0)
      const reason = errorMessage(error)
      // The library's words for its alias limit; other errors here (a merge of a list) also say "alias".
      const message = /excessive alias count/i.test(reason)
        ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias uses), as in a "billion laughs" attack; the document is not read (${reason})`
        : `YAML document cannot be read: ${reason}`
      log.add({ severity: 'error', file: path, ...start, message })
    }
  }
  return parsed
}
