// Text the agent writes must not ping people or teams: `@name` outside code gets a zero-width
// space after the `@`, which GitHub does not read as a mention and a reader does not see.

const ZERO_WIDTH_SPACE = '\u200b'
// A login: alphanumerics and single inner hyphens, up to 39; optionally `/team`. Not after a word
// character (e-mail addresses), `/` (URLs) or `@` (already neutralised or doubled).
const MENTION = /(?<![\w`/@.+-])@(?=[A-Za-z0-9][A-Za-z0-9-]{0,38}(?![A-Za-z0-9-]))/g
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/

function neutralizeProse(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const tick = text.indexOf('`', i)
    if (tick === -1) {
      out += text.slice(i).replace(MENTION, `@${ZERO_WIDTH_SPACE}`)
      break
    }
    out += text.slice(i, tick).replace(MENTION, `@${ZERO_WIDTH_SPACE}`)
    let run = tick
    while (text[run] === '`') run++
    const ticks = text.slice(tick, run)
    // A code span ends at the next run of exactly as many backticks; without one the ticks are literal.
    let close = text.indexOf(ticks, run)
    while (close !== -1 && (text[close + ticks.length] === '`' || text[close - 1] === '`')) {
      let skip = close
      while (text[skip] === '`') skip++
      close = text.indexOf(ticks, skip)
    }
    if (close === -1) {
      out += ticks
      i = run
    } else {
      out += text.slice(tick, close + ticks.length)
      i = close + ticks.length
    }
  }
  return out
}

/** Fenced code blocks and inline code spans are left exactly as written. */
export function neutralizeMentions(markdown: string): string {
  const lines = markdown.split('\n')
  const out: string[] = []
  let prose: string[] = []
  let fence: string | null = null
  const flush = () => {
    if (prose.length > 0) out.push(neutralizeProse(prose.join('\n')))
    prose = []
  }
  for (const line of lines) {
    if (fence !== null) {
      out.push(line)
      const marker = FENCE_OPEN.exec(line)?.[1]
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
      continue
    }
    const opening = FENCE_OPEN.exec(line)?.[1]
    if (opening) {
      flush()
      out.push(line)
      fence = opening
      continue
    }
    prose.push(line)
  }
  flush()
  return out.join('\n')
}
