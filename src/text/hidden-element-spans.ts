// Elements a browser never shows: the `hidden` attribute and `style="display:none"`. Found in one
// pass over the tags, so that no input, however many unclosed `<a hidden` it repeats, costs more
// than linear time. Pure.
import type { TextSpan } from './html-comment-spans.js'

// The name cannot give characters back (the lookahead), and attributes stop at the next `<`: each
// attempt ends where the next one starts.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9-])([^<>]*)>/g
const HIDDEN_ATTRIBUTE = /(?:^|\s)hidden(?:\s|=|\/|$)/i
const DISPLAY_NONE = /display\s*:\s*none/i
const STYLE = /(?:^|\s)style\s*=/i
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

function hides(attributes: string): boolean {
  return HIDDEN_ATTRIBUTE.test(attributes) || (STYLE.test(attributes) && DISPLAY_NONE.test(attributes))
}

/**
 * Spans of hidden elements, in order, not overlapping: from the opening tag to its matching closing
 * tag (same name, nesting counted). A hidden element that is never closed hides the rest of the text,
 * as a browser would hide the rest of its parent.
 */
export function hiddenElementSpans(text: string): TextSpan[] {
  const open = new Map<string, { start: number; hidden: boolean }[]>()
  const found: TextSpan[] = []
  for (const m of text.matchAll(TAG)) {
    const [whole, slash, rawName, attributes = ''] = m
    const name = (rawName ?? '').toLowerCase()
    const start = m.index
    const end = start + whole.length
    if (slash) {
      const top = open.get(name)?.pop()
      if (top?.hidden) found.push({ start: top.start, end })
      continue
    }
    const hidden = hides(attributes)
    if (VOID.has(name) || attributes.trimEnd().endsWith('/')) {
      if (hidden) found.push({ start, end })
      continue
    }
    const stack = open.get(name) ?? []
    stack.push({ start, hidden })
    open.set(name, stack)
  }
  for (const stack of open.values()) for (const element of stack) if (element.hidden) found.push({ start: element.start, end: text.length })
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const spans: TextSpan[] = []
  for (const span of found) {
    const last = spans[spans.length - 1]
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end)
    else spans.push({ ...span })
  }
  return spans
}
