// Where GitHub hides text behind an HTML comment: from `<!--` to the next `-->`, across lines too,
// and to the very end when no `-->` follows. One rule for what may run (command lines) and what a
// model may read, so that neither sees what a person reading the thread cannot. Pure, linear time.

export interface TextSpan {
  start: number
  /** Exclusive. */
  end: number
}

// A fence that opens at the start of a line, unindented: only then is it surely a top-level code
// block (an indented one may sit in a list item that ends, and the fence with it, before GitHub's does).
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}

/** Where the fenced block opened by the line at `start` ends (after its closing line), or null when that line opens none. */
function fencedBlockEnd(text: string, start: number): number | null {
  const open = FENCE_OPEN.exec(text.slice(start, lineEndAt(text, start)))
  const marker = open?.[1]
  if (!marker) return null
  if (marker[0] === '`' && open[2]?.includes('`')) return null
  let at = lineEndAt(text, start) + 1
  while (at <= text.length) {
    const end = lineEndAt(text, at)
    const close = FENCE_CLOSE.exec(text.slice(at, end))?.[1]
    if (close && close[0] === marker[0] && close.length >= marker.length) return Math.min(end + 1, text.length)
    at = end + 1
  }
  return text.length
}

/** For each backtick run in `text` from `from` to `to`, the start of the next run of the same length there. */
export function codeSpanClosers(text: string, from: number, to: number): Map<number, number> {
  const runs: { start: number; length: number }[] = []
  for (let i = from; i < to; i++) {
    if (text[i] !== '`') continue
    let j = i
    while (j < to && text[j] === '`') j++
    runs.push({ start: i, length: j - i })
    i = j - 1
  }
  const closers = new Map<number, number>()
  const nextOfLength = new Map<number, number>()
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = runs[k] as { start: number; length: number }
    const next = nextOfLength.get(run.length)
    if (next !== undefined) closers.set(run.start, next)
    nextOfLength.set(run.length, run.start)
  }
  return closers
}

/**
 * Spans of `text` inside HTML comments, in order, not overlapping.
 *
 * `markdown: false` (diffs, file contents): every `<!--` opens one.
 * `markdown: true` (bodies and comments as GitHub renders them): a `<!--` inside a fenced code block
 * or an inline code span is shown literally and opens nothing. Where the Markdown could be read two
 * ways the rule leans to "hidden": fences count only unindented, code spans only within one line, and
 * after the first `<` or `[` outside code (raw HTML, an HTML block, a link can swallow backticks and
 * fences) neither counts any more. An unclosed `<!--` hides everything after it.
 */
export function htmlCommentSpans(text: string, markdown: boolean): TextSpan[] {
  const spans: TextSpan[] = []
  if (!markdown) {
    for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at)) {
      const close = text.indexOf('-->', at + 4)
      const end = close === -1 ? text.length : close + 3
      spans.push({ start: at, end })
      at = end
    }
    return spans
  }
  let trusted = true
  let i = 0
  let lineStart = true
  let closers = new Map<number, number>()
  let closersFor = -1
  while (i < text.length) {
    if (lineStart) {
      lineStart = false
      const fenceEnd = trusted ? fencedBlockEnd(text, i) : null
      if (fenceEnd !== null) {
        i = fenceEnd
        lineStart = true
        continue
      }
    }
    const ch = text[i]
    if (ch === '\n') {
      i++
      lineStart = true
    } else if (ch === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4)
      const end = close === -1 ? text.length : close + 3
      spans.push({ start: i, end })
      trusted = false
      i = end
    } else if (ch === '<' || ch === '[') {
      trusted = false
      i++
    } else if (ch === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
      i += 2
    } else if (ch === '`') {
      let j = i
      while (text[j] === '`') j++
      const lineEnd = lineEndAt(text, i)
      if (closersFor !== lineEnd) {
        closers = codeSpanClosers(text, i, lineEnd)
        closersFor = lineEnd
      }
      const close = trusted ? closers.get(i) : undefined
      i = close === undefined ? j : close + (j - i)
    } else {
      i++
    }
  }
  return spans
}

/** The text with every span replaced by `replace(spanText)`. */
export function replaceSpans(text: string, spans: readonly TextSpan[], replace: (hidden: string) => string): string {
  if (spans.length === 0) return text
  let out = ''
  let at = 0
  for (const span of spans) {
    out += text.slice(at, span.start) + replace(text.slice(span.start, span.end))
    at = span.end
  }
  return out + text.slice(at)
}
