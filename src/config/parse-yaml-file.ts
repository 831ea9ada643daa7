import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml'
import type { DiagnosticLog } from './diagnostic-log.js'
import type { FieldPath } from './format-field.js'
import { documentStarts, loadFast } from './yaml-fast-path.js'
import { positionOf, type Position } from './yaml-position.js'

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
  /** Where `path` is in the source (see positionOf); on the fast path the file is parsed for it on first use. */
  locate(path: FieldPath, options?: { key?: boolean }): Position
}

export interface ParsedFile {
  path: string
  documents: ParsedDocument[]
}

// The `yaml` library's options, for both its parse and the fast path's lazy one.
// logLevel 'error': the library would print its own warnings to stderr; they are diagnostics here.
// prettyErrors must stay off: building its context snippet for a deeply nested line runs V8
// out of memory (a fatal crash, not an exception) on a 20 KB file of `[[[[`.
const YAML_OPTIONS = { prettyErrors: false, merge: true, logLevel: 'error' } as const

/** A document both libraries hand on: not empty (no node, or a null root such as `~`). */
function hasContent(doc: Document): boolean {
  return doc.contents !== null && !(isScalar(doc.contents) && doc.contents.value === null)
}

type YamlIndex = () => { docs: Document[]; lineCounter: LineCounter }

/** The `yaml` library's non-empty documents of a file, parsed when a position is first asked for. */
function lazyYamlIndex(text: string): YamlIndex {
  let index: ReturnType<YamlIndex> | undefined
  return () => {
    if (!index) {
      const lineCounter = new LineCounter()
      const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter }) as Document[]
      index = { docs: docs.filter(hasContent), lineCounter }
    }
    return index
  }
}

/**
 * Positions in the k-th non-empty document: the same document in both libraries, whatever each
 * makes of empty ones (js-yaml has none for a file of only comments; yaml has one). The start
 * of the document comes from the line scan when it has one: trigger and agent locations are
 * read on every run (routing verdicts), so they must not cost the `yaml` parse this path avoids.
 */
function locator(k: number, start: Position | null, yamlIndex: YamlIndex): ParsedDocument['locate'] {
  return (path, options) => {
    if (path.length === 0 && start) return start
    const { docs, lineCounter } = yamlIndex()
    const doc = docs[k]
    // Both libraries find the same documents in files loadFast accepts; line 1 only as a fallback.
    return doc ? positionOf(doc, lineCounter, path, options) : { line: 1, column: 1 }
  }
}

/**
 * The file read by js-yaml (see loadFast), with positions from the `yaml` library on demand;
 * null sends the file to the `yaml` library, which then reports exactly what it always did.
 */
function parseFast(path: string, text: string): ParsedFile | null {
  const values = loadFast(text)
  if (!values) return null
  const starts = documentStarts(text)
  const aligned = starts !== null && starts.length === values.length
  const yamlIndex = lazyYamlIndex(text)
  const documents: ParsedDocument[] = []
  values.forEach((value, i) => {
    // An empty document (a lone `---`, or only comments) is not a mistake; skip it quietly.
    if (value === null || value === undefined) return
    documents.push({ value, locate: locator(documents.length, aligned ? (starts[i] ?? null) : null, yamlIndex) })
  })
  return { path, documents }
}

function sizeText(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} KB`
}

/**
 * One parse per file, all documents of it (`---`): js-yaml when the file is plain enough (see
 * yaml-fast-path.ts), else the `yaml` library. Syntax errors are reported with the parser's
 * line and column and their document is skipped; empty documents are skipped silently.
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
  return parseFast(path, text) ?? parseSlow(path, text, log)
}

/** The `yaml` library: its errors and warnings with line and column, and positions from its nodes. */
function parseSlow(path: string, text: string, log: DiagnosticLog): ParsedFile {
  const lineCounter = new LineCounter()
  const parsed: ParsedFile = { path, documents: [] }
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  let docs: Document[]
  try {
    docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter }) as Document[]
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
      parsed.documents.push({ value, locate: (p, o) => positionOf(doc, lineCounter, p, o) })
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
