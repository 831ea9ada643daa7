// The hidden marker that makes the action's own comment findable on a re-run, with optional state
// (e.g. a pending approval) in a second HTML comment right after it.

const STATE_PREFIX = 'github-agent-state:'

/** Keys go inside an HTML comment: nothing that could end it, no spaces. */
export function normalizeMarkerKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_.:/#@+=-]/g, '_').replace(/-{2,}/g, '-')
}

export function commentMarker(key: string): string {
  return `<!-- github-agent:${normalizeMarkerKey(key)} -->`
}

function stateComment(key: string, state: unknown): string {
  // `<`, `>` and `&` only occur inside JSON strings, where \u escapes keep the value and the comment closed.
  const json = JSON.stringify(state).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `<!-- ${STATE_PREFIX}${normalizeMarkerKey(key)} ${json} -->`
}

/** The marker block appended to a body: marker, then state when given. */
export function markerBlock(key: string, state?: unknown): string {
  return state === undefined ? commentMarker(key) : `${commentMarker(key)}\n${stateComment(key, state)}`
}

export function hasMarker(body: string, key: string): boolean {
  return body.includes(commentMarker(key))
}

/**
 * The first state stored with the marker anywhere in the body, or undefined when there is none or
 * it does not parse. Never for state that is obeyed: that is read with readStateBlock.
 */
export function readMarkerState(body: string, key: string): unknown {
  const prefix = `<!-- ${STATE_PREFIX}${normalizeMarkerKey(key)} `
  const start = body.indexOf(prefix)
  if (start === -1) return undefined
  const end = body.indexOf(' -->', start + prefix.length)
  if (end === -1) return undefined
  try {
    return JSON.parse(body.slice(start + prefix.length, end)) as unknown
  } catch {
    return undefined
  }
}

/** Does the body carry any github-agent marker, i.e. did the action write it? */
export function hasAnyMarker(body: string): boolean {
  return body.includes('<!-- github-agent:')
}

export type StateBlock = { ok: true; state: unknown } | { ok: false; reason: string }

/**
 * The state under `key`, read only from its fixed place: the marker then the state comment are the
 * last thing in the body (trailing whitespace aside), and the body holds no other state block. The
 * action always writes it so; anything else (a second block, a block in the middle, text after it)
 * came from somewhere else and is refused, with the reason.
 */
export function readStateBlock(body: string, key: string): StateBlock {
  const occurrences = body.split(STATE_PREFIX).length - 1
  if (occurrences === 0) return { ok: false, reason: 'the comment carries no state' }
  if (occurrences > 1) return { ok: false, reason: `the comment carries ${occurrences} state blocks where the action writes one; refusing all of them` }
  const text = body.trimEnd()
  const opening = `${commentMarker(key)}\n<!-- ${STATE_PREFIX}${normalizeMarkerKey(key)} `
  const start = text.lastIndexOf(opening)
  const closing = ' -->'
  if (start === -1 || !text.endsWith(closing) || text.indexOf(closing, start + opening.length) !== text.length - closing.length) {
    return { ok: false, reason: 'its state is not at the end of the comment, where the action writes it; refusing it' }
  }
  try {
    return { ok: true, state: JSON.parse(text.slice(start + opening.length, text.length - closing.length)) as unknown }
  } catch {
    return { ok: false, reason: 'its state is not JSON' }
  }
}
