// Text written by strangers on its way into a prompt. What a person cannot see on GitHub must not
// reach the model as if it were there: hidden HTML comments, elements GitHub renders invisibly,
// zero-width and bidi control characters, Unicode tag characters. Every step is linear in the
// length of the text, so no input can stall a run before its first model call. Pure.
import { htmlCommentSpans, replaceSpans } from './html-comment-spans.js'
import { hiddenElementSpans } from './hidden-element-spans.js'

// Zero-width, word joiner, BOM, soft hyphen, and the bidi embeddings/overrides/isolates that
// make text read differently from how it is stored (Trojan Source); Unicode tag characters
// (U+E0000–U+E007F), which can spell out hidden ASCII; control characters other than tab and newlines.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu

/**
 * Prose (titles, bodies, comments, branch names, metadata) as GitHub renders it: what is hidden
 * there is removed. Markdown-aware: `<!--` in code is shown on GitHub, so it stays.
 */
export function sanitizeUntrusted(text: string): string {
  const withoutComments = replaceSpans(text, htmlCommentSpans(text, true), () => '')
  return replaceSpans(withoutComments, hiddenElementSpans(withoutComments), () => '').replace(INVISIBLE, '')
}

function codePoint(ch: string): string {
  return `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`
}

/**
 * Hidden text replaced by one visible note, keeping each line break and the diff-line prefix
 * (`+`, `-`, space) after it, so that hunk line numbers still count right.
 */
function placeholder(what: string): (hidden: string) => string {
  return (hidden) => {
    const lines = hidden.split('\n')
    const rest = lines.slice(1).map((line) => (/^[ +\-\\]/.test(line) ? line[0] : ''))
    return [`[hidden ${what}: ${hidden.length} characters not shown]`, ...rest].join('\n')
  }
}

/**
 * Code (a PR's patches, file contents, file names), which GitHub shows as written: nothing is
 * rendered there, yet in a Markdown or HTML file these same comments and elements are what a
 * reader of the rendered file never sees. So the model is told that something was there, not what:
 * an HTML comment or hidden element becomes a visible note of its length, an invisible character
 * its code point (`[U+200B]`), and every line stays where it was, so a reviewer can flag them.
 */
export function sanitizeCode(text: string): string {
  const withoutComments = replaceSpans(text, htmlCommentSpans(text, false), placeholder('HTML comment'))
  return replaceSpans(withoutComments, hiddenElementSpans(withoutComments), placeholder('HTML element')).replace(INVISIBLE, codePoint)
}

/** Every string inside a JSON-like value, sanitised as prose; other values as they are. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeUntrusted(value) as T
  if (Array.isArray(value)) return value.map((v) => sanitizeDeep(v)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v)])) as T
  }
  return value
}
