import { codeSpanClosers } from '../text/html-comment-spans.js'
import { proseLines } from './prose-lines.js'

export interface ParsedCommand {
  /** The key as given in `keys` that matched, or null for a bare `@bot` mention with no known key. */
  key: string | null
  /** Rest of the line after the key, trimmed. */
  args: string
  /** 1-based line number. */
  line: number
  /** The command line as written (leading spaces removed). */
  raw: string
}

export interface ParsedCommands {
  commands: ParsedCommand[]
  /** Slash words no key matched (`/foo`), each once; they may belong to another bot. */
  unknown: string[]
  /** More commands were found than `max`. */
  truncated: boolean
  /** `@bot` appears anywhere in the prose (line start or inline), not only as a command line. */
  mentioned: boolean
}

interface Token {
  word: string
  end: number
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0].toLowerCase(), end: (m.index ?? 0) + m[0].length }))
}

function keyWords(key: string): string[] {
  return key
    .trim()
    .replace(/^\//, '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
}

/** Longest key by whole words: `deploy production` beats `deploy`; `deployx` matches neither. */
function matchKey(body: string, keys: readonly string[]): { key: string; args: string } | null {
  const words = tokens(body)
  let best: { key: string; length: number } | null = null
  for (const key of keys) {
    const wanted = keyWords(key)
    if (wanted.length === 0 || wanted.length > words.length) continue
    if (!wanted.every((w, i) => words[i]?.word === w)) continue
    if (best === null || wanted.length > best.length) best = { key, length: wanted.length }
  }
  if (best === null) return null
  const end = words[best.length - 1]?.end ?? 0
  return { key: best.key, args: body.slice(end).trim() }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function mentionPatterns(botName: string): { atStart: RegExp; inline: RegExp } | null {
  const name = botName.trim().replace(/^@/, '')
  if (name === '') return null
  const bot = `@${escapeRegExp(name)}(?![A-Za-z0-9_-])`
  return { atStart: new RegExp(`^${bot}[\\s,:]*`, 'i'), inline: new RegExp(`(^|[^A-Za-z0-9_/.-])${bot}`, 'i') }
}

/**
 * Inline code spans are not prose: `` `@aofbot` `` is an example, not a mention. Paired by run
 * length in one pass (a backreference regex was quadratic on a long run of backticks).
 */
function withoutCodeSpans(text: string): string {
  const closers = codeSpanClosers(text, 0, text.length)
  let out = ''
  let i = 0
  while (i < text.length) {
    let j = i
    while (text[j] === '`') j++
    if (j === i) {
      const next = text.indexOf('`', i)
      out += text.slice(i, next === -1 ? text.length : next)
      i = next === -1 ? text.length : next
      continue
    }
    const close = closers.get(i)
    if (close === undefined) out += text.slice(i, j)
    i = close === undefined ? j : close + (j - i)
  }
  return out
}

/**
 * Commands in a comment-like text: every prose line that starts with `/` or `@botName`
 * (`@aofbot review` is `/review`). Keys are compared case-insensitively, by whole words.
 */
export function parseCommands(text: string, keys: string[], botName: string, max: number): ParsedCommands {
  const result: ParsedCommands = { commands: [], unknown: [], truncated: false, mentioned: false }
  const mention = mentionPatterns(botName)
  for (const { line, text: prose } of proseLines(text)) {
    let body: string
    let viaMention = false
    const atStart = mention?.atStart.exec(prose)
    if (atStart) {
      body = prose.slice(atStart[0].length).replace(/^\//, '')
      viaMention = true
      result.mentioned = true
    } else if (/^\/[A-Za-z0-9]/.test(prose)) {
      body = prose.slice(1)
    } else {
      if (mention && mention.inline.test(withoutCodeSpans(prose))) result.mentioned = true
      continue
    }
    const matched = matchKey(body, keys)
    if (matched === null && !viaMention) {
      const word = `/${body.split(/\s/, 1)[0] ?? ''}`
      if (!result.unknown.includes(word)) result.unknown.push(word)
      continue
    }
    if (result.commands.length >= max) {
      result.truncated = true
      continue
    }
    const raw = prose.trimEnd()
    result.commands.push(matched ? { key: matched.key, args: matched.args, line, raw } : { key: null, args: body.trim(), line, raw })
  }
  return result
}
