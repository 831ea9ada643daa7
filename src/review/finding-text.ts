// How two findings are compared: a fixed-length one-line summary, content-word tokens, a stable
// id, and token Jaccard similarity. Pure; node:crypto only hashes.
import { createHash } from 'node:crypto'

/** Characters of a comment kept in the state; both sides of a comparison are cut the same way. */
export const SUMMARY_LENGTH = 240

/**
 * Two findings mean the same when at least 60% of their combined content words are shared (token
 * Jaccard). An LLM restating its own finding mostly reorders the same nouns and identifiers
 * ("The promise returned by `save()` is not awaited, so a failed save goes unnoticed" vs "Await
 * the promise returned by `save()`; otherwise a failed save goes unnoticed": 0.78), while another
 * finding on the same line shares few ("`user` may be undefined" vs "check `user` before calling
 * `user.name`": 0.22). A looser paraphrase (0.5) is posted again: lower thresholds start merging
 * distinct findings about the same identifier, and the prompt already lists the open findings.
 */
export const SIMILARITY_THRESHOLD = 0.6

// Function words carry no meaning for "is this the same finding" and would inflate both sides.
const STOPWORDS = new Set(
  'a an and are as at be been but by can could do does for from has have here if in into is it its may might must of on or should so that the their then there this to was we were will with would you your'.split(
    ' '
  )
)

/** The comment on one line, markdown noise and hidden HTML removed, cut to SUMMARY_LENGTH. */
export function summarizeFinding(body: string): string {
  const line = body
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/```[a-z]*\n?/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return line.length <= SUMMARY_LENGTH ? line : `${line.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…`
}

/** Crude English endings off (awaited/awaits → await), so a change of tense or number is no change of meaning. */
function stem(word: string): string {
  const cut = /^(.{3,}?)(ing|ed|es|s)$/.exec(word)
  return cut?.[1] ?? word
}

/** Content words in order: lower case, letters/digits/underscore runs, no stopwords, no 1-letter words, stemmed. */
export function findingTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[a-z0-9_]+/g) ?? []
  )
    .filter((t) => t.length > 1 && !STOPWORDS.has(t))
    .map(stem)
}

/** sha256 of path and the summary's tokens: equal for the same text however it is spaced or punctuated. */
export function findingId(path: string, body: string): string {
  return createHash('sha256')
    .update(`${path}\n${findingTokens(summarizeFinding(body)).join(' ')}`)
    .digest('hex')
    .slice(0, 16)
}

/** Token Jaccard of two texts' summaries; 0 when either has no content words. */
export function findingSimilarity(a: string, b: string): number {
  const left = new Set(findingTokens(summarizeFinding(a)))
  const right = new Set(findingTokens(summarizeFinding(b)))
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const t of left) if (right.has(t)) shared++
  return shared / (left.size + right.size - shared)
}
