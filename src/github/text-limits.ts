// GitHub's size limits, and a cut that says it is one instead of a 422.

/** Issue comments, review bodies and inline comments: "maximum is 65536 characters". */
export const COMMENT_BODY_LIMIT = 65_536
/** Check run `output.summary` and `output.text`. */
export const CHECK_RUN_TEXT_LIMIT = 65_535
export const CHECK_RUN_TITLE_LIMIT = 1_000
/** Annotations GitHub accepts per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50
export const TRUNCATION_NOTE = '…(truncated)'

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** The fence left open at the end of `text`, if any, so the cut can close it and keep the note visible. */
function openFence(text: string): string | null {
  let open: string | null = null
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1]
    if (!marker) continue
    if (open === null) open = marker
    else if (marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = null
  }
  return open
}

/** At most `limit` UTF-16 units (never more characters than GitHub counts), ending in a visible note when cut. */
export function limitText(text: string, limit: number): string {
  if (text.length <= limit) return text
  const note = `\n\n${TRUNCATION_NOTE}`
  let kept = text.slice(0, Math.max(0, limit - note.length))
  const fence = openFence(kept)
  // A note inside an open code block would read as code: close the block first.
  if (fence) kept = kept.slice(0, Math.max(0, limit - note.length - fence.length - 1))
  // Do not leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1)
  return `${kept}${fence ? `\n${fence}` : ''}${note}`
}
