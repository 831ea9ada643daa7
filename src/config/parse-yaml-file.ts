import { LineCounter, parseAllDocuments, type Document } from 'yaml'
import type { DiagnosticLog } from './diagnostic-log.js'

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
  doc: Document
  /** The plain JS value (aliases expanded, merge keys applied). */
  value: unknown
}

export interface ParsedFile {
  path: string
  lineCounter: LineCounter
  documents: ParsedDocument[]
}

function sizeText(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} KB`
}

/**
 * One parse per file, all documents of it (`---`). Syntax errors are reported with the parser's
 * line and column and their document is skipped; empty documents are skipped silently.
 */
export function parseYamlFile(path: string, text: string, log: DiagnosticLog): ParsedFile {
  const lineCounter = new LineCounter()
  const parsed: ParsedFile = { path, lineCounter, documents: [] }
  if (text.length > MAX_FILE_CHARS) {
    log.add({
      severity: 'error',
      file: path,
      line: 1,
      message: `file is ${sizeText(text.length)}; config files over ${sizeText(MAX_FILE_CHARS)} are not read (an AOF config file is a few KB)`
    })
    return parsed
  }
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  let docs: Document[]
  try {
    // logLevel 'error': the library would print its own warnings to stderr; they are diagnostics here.
    // prettyErrors must stay off: building its context snippet for a deeply nested line runs V8
    // out of memory (a fatal crash, not an exception) on a 20 KB file of `[[[[`.
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true, logLevel: 'error' }) as Document[]
  } catch (error) {
    // The parser recurses on nesting; a pathological depth ends here instead of in a crash.
    log.add({ severity: 'error', file: path, line: 1, message: `YAML cannot be parsed: ${error instanceof Error ? error.message : String(error)}` })
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
      // An empty document (a lone `---`, or only comments) is not a mistake; skip it quietly.
      if (value === null || value === undefined) continue
      parsed.documents.push({ doc, value })
    } catch (error) {
      const start = at(doc.contents.range?.[0] ?? 0)
      const reason = error instanceof Error ? error.message : String(error)
      const message = /alias/i.test(reason)
        ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias uses), as in a "billion laughs" attack; the document is not read (${reason})`
        : `YAML document cannot be read: ${reason}`
      log.add({ severity: 'error', file: path, ...start, message })
    }
  }
  return parsed
}
