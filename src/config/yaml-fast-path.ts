// Which files can be read by js-yaml instead of the `yaml` library, and where their documents start.
//
// Why: 1,000 small trigger files take the `yaml` library ~400 ms cold (it builds a Document with
// source ranges for every node) and js-yaml ~70 ms. The `yaml` library stays the reference: every
// file this scan is unsure about is parsed by it as before, and it is consulted lazily for the
// line and column of a finding. A file takes the fast path only when it holds nothing on which
// the two libraries were found to differ (__tests__/config/yaml-fast-path.test.ts holds it on a
// table, the repository's YAML files and mutations of them):
// - anchors, aliases, merge keys and tags: the yaml library's alias limit and tag warnings;
// - complex and collection keys (`? [a, b]`, `[a, b]: c`): js-yaml makes other strings of them;
// - directives, flow collections and quoted scalars spanning lines: yaml warns, or is stricter
//   about their indentation;
// - text after a `---` or `...` marker, a comment right after a quote or bracket (`"a"#c`), a
//   tab in the indentation, lines over 1024 characters (yaml's implicit key limit), a lone
//   carriage return: errors to yaml only;
// - a compact nested sequence (`- - a`), or an empty item (`-`) followed by a less indented
//   one: js-yaml joins the items into one sequence where yaml reports bad indentation;
// - block scalars with an indentation indicator or keep chomping, or a header alone on its line.
// Plain scalars are resolved alike by yaml-core-schema.ts; null keys and shared nodes are caught
// after the parse (loadFast).
import jsyaml from 'js-yaml'
import { YAML_CORE_SCHEMA } from './yaml-core-schema.js'
import type { Position } from './yaml-position.js'

const DOCUMENT_START = /^---(?:[ \t]|$)/
const DOCUMENT_END = /^\.\.\.(?:[ \t]|$)/
/** `---` or `...` at a line start, alone or before a comment; js-yaml reads `---x` as a marker, yaml as text. */
const MARKER_PREFIX = /^(?:---|\.\.\.)/
const MARKER_LINE = /^(?:---|\.\.\.)(?:[ \t]+(?:#.*)?)?$/
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/
const BLOCK_SCALAR_HEADER = /(?:^|[\s:[{,-])[|>][-+1-9]*\s*(?:#.*)?$/
const MAX_LINE = 1024
/**
 * Refused anywhere in a file, block scalar bodies included (one search per file is cheaper than
 * one per line): a directive (`%YAML`); a tab in the indentation (an error to yaml, not always
 * to js-yaml); a compact nested sequence (`- - a`: js-yaml lets its next item be indented
 * anyhow); a merge key (js-yaml also merges sequences, `<<: [[a]]`, where yaml refuses them, and
 * merges nearly always name an anchor, `<<: *base`, which the slow path reads anyway); a lone
 * carriage return (a line break to js-yaml only).
 */
const REFUSED = /^(?:%| *\t| *-[ \t]+-(?:[ \t]|$))|<<[ \t]*:|\r(?!\n)/m
const UNUSUAL_HEADER = /[|>][-+]?[1-9+]/
const EMPTY_ITEM = /^ *-[ \t]*(?:#.*)?$/
const DASH = 45
const DOT = 46
const HASH = 35

function indentOf(line: string): number {
  let i = 0
  while (line.charCodeAt(i) === 32) i++
  return i
}

function isTokenStart(line: string, i: number): boolean {
  if (i === 0) return true
  const before = line[i - 1] as string
  return before === ' ' || before === '\t' || before === '[' || before === '{' || before === ','
}

/** Index after a quoted scalar opening at `i`, or -1 when it does not close on this line. */
function skipQuoted(line: string, i: number): number {
  const quote = line[i]
  for (let j = i + 1; j < line.length; j++) {
    const c = line[j]
    if (quote === '"' && c === '\\') j++
    else if (c === quote) {
      if (quote === "'" && line[j + 1] === "'") j++
      else return j + 1
    }
  }
  return -1
}

/** Where a bracket starts a flow collection: a line's first token, or a value after `:` or `- `. */
const FLOW_START = /(?:^|:|-[ \t])[ \t]*$/

// Lines without any of these (most lines of a config) need no closer look.
const SPECIAL = /[&*!?"'[\]{}#]/

/**
 * False when the line has, outside quotes, a node property, an alias, a complex or collection key,
 * a comment glued to a quote or bracket, or unbalanced flow brackets (a collection over lines).
 */
function lineIsPlain(line: string): boolean {
  if (!SPECIAL.test(line)) return true
  const open: string[] = []
  let flow = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if ((c === '"' || c === "'") && isTokenStart(line, i)) {
      const end = skipQuoted(line, i)
      // `"a"#c`: yaml wants a space before the comment, js-yaml does not.
      if (end < 0 || line[end] === '#') return false
      i = end - 1
    } else if (c === '#' && isTokenStart(line, i)) {
      break
    } else if ((c === '&' || c === '*' || c === '!') && isTokenStart(line, i)) {
      return false
    } else if (c === '?' && isTokenStart(line, i) && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      // A complex key: js-yaml turns a collection key into a different string than the yaml library.
      return false
    } else if (c === '[' || c === '{') {
      // Whether the outermost bracket opens a flow collection or is text (`for {{ name }}`).
      if (open.length === 0) flow = FLOW_START.test(line.slice(0, i))
      // A flow collection as a key (`{[a]: b}`, `{{a}}`): js-yaml makes `a` of it, yaml `[ a ]`.
      else if (flow && open.at(-1) === '{' && /[{,][ \t]*$/.test(line.slice(0, i))) return false
      open.push(c)
    } else if (c === ']' || c === '}') {
      if (open.pop() === undefined) return false
      // The same in block context (`[a, b]: c`), and `[a]#c` as after a quote.
      if (/^[ \t]*:/.test(line.slice(i + 1)) || line[i + 1] === '#') return false
    }
  }
  return open.length === 0
}

/** A block scalar (`|`, `>`) whose body is being skipped: free text, not YAML. */
interface BlockBody {
  /** The column of the key or `-` that owns it: the body is the lines indented further. */
  owner: number
  /** The body's indentation, from its first non-blank line. */
  content: number | null
  /** The longest blank line before that one. */
  blanks: number
}

const SEQUENCE_PREFIX = /^ *(?:-[ \t]+)*/
const LAST_DASH = /-[ \t]+$/

/** The block scalar this header line opens, or null when it opens none. */
function blockBodyOf(line: string): BlockBody | null {
  if ((!line.includes('|') && !line.includes('>')) || !BLOCK_SCALAR_HEADER.test(line)) return null
  const prefix = (SEQUENCE_PREFIX.exec(line) as RegExpExecArray)[0]
  const dash = LAST_DASH.exec(prefix)
  // `- |` belongs to its `-`; `key: |` and `- key: |` to the key. A header at the end of some
  // other line gives a column past the real owner, which skips fewer lines: the safe side.
  const ownsItself = dash !== null && /^[|>]/.test(line.slice(prefix.length))
  return { owner: ownsItself ? dash.index : prefix.length, content: null, blanks: 0 }
}

/** Whether `line` is still inside the block scalar `body` (updating what it learns of it). */
function inBody(body: BlockBody, line: string): boolean {
  const indent = indentOf(line)
  const blank = indent === line.length
  if (body.content !== null) return blank || indent >= body.content
  if (blank) {
    body.blanks = Math.max(body.blanks, line.length)
    return true
  }
  if (indent <= body.owner) return false
  body.content = indent
  return true
}

/** A leading blank line longer than the body's indentation: an error to yaml only. */
function badLeadingBlank(body: BlockBody): boolean {
  return body.content !== null && body.blanks > body.content
}

/** The checks on one line outside block scalar bodies. */
function lineSafe(line: string): boolean {
  // yaml refuses an implicit key over 1024 characters; js-yaml takes it.
  if (line.length > MAX_LINE) return false
  // Content after `---` or `...` on the same line: js-yaml reads some as a marker, yaml as text.
  const first = line.charCodeAt(0)
  if ((first === DASH || first === DOT) && MARKER_PREFIX.test(line) && !MARKER_LINE.test(line)) return false
  return lineIsPlain(line)
}

/**
 * True when js-yaml reads `text` exactly as the `yaml` library would, with no warning the `yaml`
 * library would give. Block scalar bodies (`|`, `>`) are free text and are not inspected.
 */
export function fastPathSafe(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff || REFUSED.test(text)) return false
  let body: BlockBody | null = null
  let emptyItem = -1
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (body && inBody(body, line)) continue
    if ((body && badLeadingBlank(body)) || !lineSafe(line)) return false
    // (Tabs in the indentation were refused above, so spaces are all there is before the first token.)
    const indent = indentOf(line)
    const first = line.charCodeAt(indent)
    if (indent < line.length && first !== HASH) {
      // After an empty item (`-` alone), js-yaml takes a less indented `-` into the same sequence.
      const item = first === DASH && /^-(?:[ \t]|$)/.test(line.slice(indent))
      if (item && indent < emptyItem) return false
      emptyItem = item && EMPTY_ITEM.test(line) ? indent : -1
    }
    body = blockBodyOf(line)
    // Rare forms on which the two differ at the edges: an explicit indentation (`|2`), keep
    // chomping (`|+`, with a last line of spaces), a header alone on its line (a root scalar).
    if (body && (UNUSUAL_HEADER.test(line) || /^ *[|>]/.test(line))) return false
  }
  return !(body && badLeadingBlank(body))
}

/**
 * Where each document's root node starts (what the `yaml` library reports for the whole
 * document), null for an empty document; null overall when a document begins in a way this scan
 * does not follow (content on the `---` line, a root with properties or a complex key). Only for
 * files `fastPathSafe` accepted.
 */
export function documentStarts(text: string): (Position | null)[] | null {
  const starts: (Position | null)[] = []
  let open = false
  let start: Position | null = null
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (DOCUMENT_START.test(line) || DOCUMENT_END.test(line)) {
      if (!BLANK_OR_COMMENT.test(line.slice(3))) return null
      if (open) starts.push(start)
      open = line.startsWith('-')
      start = null
      continue
    }
    if (start !== null || BLANK_OR_COMMENT.test(line)) continue
    const column = indentOf(line)
    const first = line[column] as string
    if ('?:|>@`'.includes(first) || line[column] === '\t') return null
    open = true
    start = { line: i + 1, column: column + 1 }
  }
  if (open) starts.push(start)
  return starts
}

/**
 * What js-yaml cannot hand on as it is: an object or array reachable twice (an alias to a
 * collection, whose expansion the slow path bounds) or a `null` key (the `yaml` library names a
 * null key `''`, js-yaml `'null'`; a quoted `"null"` goes the slow way too, as the two look
 * alike). A mapping as a key (`[object Object]`) should not get past the scan; if it does, it is
 * caught here.
 */
function needsSlowPath(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (seen.has(value)) return true
  seen.add(value)
  if (Array.isArray(value)) return value.some((item) => needsSlowPath(item, seen))
  for (const key of Object.keys(value)) {
    if (key === 'null' || key === '[object Object]' || needsSlowPath((value as Record<string, unknown>)[key], seen)) return true
  }
  return false
}

/**
 * The values of the file's documents (null for an empty one) as the `yaml` library would give
 * them, read by js-yaml; null when the `yaml` library must read the file: the scan is unsure, or
 * js-yaml refuses it (syntax errors, duplicate keys, nesting deeper than its limit of 100), or
 * the result has shared nodes or null keys.
 */
export function loadFast(text: string): unknown[] | null {
  if (!fastPathSafe(text)) return null
  let values: unknown[]
  try {
    values = jsyaml.loadAll(text, undefined, { schema: YAML_CORE_SCHEMA })
  } catch {
    return null
  }
  const seen = new Set<object>()
  return values.some((value) => needsSlowPath(value, seen)) ? null : values
}
