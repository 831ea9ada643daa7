// Text the action copies into what it posts, made inert: no HTML comment (and so no github-agent
// marker) can survive in it, and a copied path or argument cannot break out of its code span. Pure.

const ZERO_WIDTH_SPACE = '\u200b'

/**
 * `<!--` becomes `<!` + zero-width space + `--`: GitHub shows the same characters, but nothing in
 * the body opens a comment, so nothing copied can hide text or read as the action's own marker.
 * The action appends its marker block after this, never through it.
 */
export function neutralizeHtmlComments(text: string): string {
  return text.replaceAll('<!--', `<!${ZERO_WIDTH_SPACE}--`)
}

/**
 * `text` as one inline code span, whatever it holds: on one line, fenced by more backticks than
 * its longest run, padded with a space where it starts or ends with a backtick (CommonMark strips one).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ')
  let longest = 0
  for (const run of flat.matchAll(/`+/g)) longest = Math.max(longest, run[0].length)
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}
