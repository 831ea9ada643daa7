// Commands live in prose only: a `/deploy` shown inside a code sample, quoted from someone else or
// hidden in an HTML comment (invisible on GitHub) must never run.
import { htmlCommentSpans, replaceSpans } from '../text/html-comment-spans.js'

export interface ProseLine {
  /** 1-based line number in the original text. */
  line: number
  /** The line with its leading spaces (at most 3) removed. */
  text: string
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** Indentation width with tabs counted to the next multiple of 4, as Markdown does. */
function indentWidth(line: string): number {
  let width = 0
  for (const ch of line) {
    if (ch === ' ') width += 1
    else if (ch === '\t') width += 4 - (width % 4)
    else break
  }
  return width
}

/**
 * Lines outside fenced code (``` and ~~~), indented code, `>` quotes (with their lazy continuation
 * lines) and `<!-- -->` comments. A comment hides what it spans, also in the middle of lines and
 * across them (htmlCommentSpans); its line breaks stay, so line numbers still count.
 */
export function proseLines(text: string): ProseLine[] {
  const normalized = text.replace(/\r\n?/g, '\n')
  const visible = replaceSpans(normalized, htmlCommentSpans(normalized, true), (hidden) => hidden.replace(/[^\n]+/g, ''))
  const lines = visible.split('\n')
  const result: ProseLine[] = []
  let fence: string | null = null
  let inQuote = false
  lines.forEach((raw, index) => {
    if (fence !== null) {
      const close = FENCE.exec(raw)
      const marker = close?.[1]
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && raw.trim() === marker) fence = null
      return
    }
    const open = FENCE.exec(raw)
    if (open?.[1]) {
      fence = open[1]
      inQuote = false
      return
    }
    const trimmed = raw.trimStart()
    // A line right after a quote, with no blank line between, still renders inside the quote.
    if (inQuote && trimmed !== '') return
    inQuote = false
    if (indentWidth(raw) >= 4) return
    if (trimmed.startsWith('>')) {
      inQuote = true
      return
    }
    result.push({ line: index + 1, text: trimmed })
  })
  return result
}
