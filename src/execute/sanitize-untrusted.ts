// Text written by strangers (titles, bodies, comments, branch names) on its way into a prompt.
// What a person cannot see on GitHub must not reach the model either: hidden HTML comments,
// zero-width and bidi control characters, and elements GitHub renders invisibly. Pure.

// Zero-width, word joiner, BOM, soft hyphen, and the bidi embeddings/overrides/isolates that
// make text read differently from how it is stored (Trojan Source).
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
// Unicode tag characters (U+E0000–U+E007F) can spell out hidden ASCII instructions.
const TAGS = /[\u{E0000}-\u{E007F}]/gu
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g
// Elements people never see rendered: hidden attributes, display:none, and <details> stays visible.
const HIDDEN_ELEMENT = /<([a-z][a-z0-9]*)\b[^>]*\b(?:hidden|style\s*=\s*["'][^"']*display\s*:\s*none[^"']*["'])[^>]*>[\s\S]*?<\/\1\s*>/gi
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function sanitizeUntrusted(text: string): string {
  return text
    .replace(HTML_COMMENT, '')
    .replace(HIDDEN_ELEMENT, '')
    .replace(INVISIBLE, '')
    .replace(TAGS, '')
    .replace(CONTROL, '')
}

/** Every string inside a JSON-like value, sanitised; other values as they are. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeUntrusted(value) as T
  if (Array.isArray(value)) return value.map((v) => sanitizeDeep(v)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v)])) as T
  }
  return value
}
