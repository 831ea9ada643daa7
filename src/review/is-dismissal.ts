// Does a person's reply in a review thread tell the action to let the finding go? Pure.
import { htmlCommentSpans, replaceSpans } from '../text/html-comment-spans.js'

// Whole phrases only, so "fix the dismissal logic" or "wont" alone does not silence a finding.
const DISMISSAL = /(^|[^a-z])(won'?t[\s-]?fix|wontfix|by[\s-]design|not a bug|false positive|dismiss(ed)?|ignore this)([^a-z]|$)/i

export function isDismissal(reply: string): boolean {
  // Only what GitHub shows counts: a "won't fix" inside an HTML comment was never said to anyone.
  const own = replaceSpans(reply, htmlCommentSpans(reply, true), () => ' ')
    .split('\n')
    // A quote of the finding ("> …if this is by design…") is not the person's answer.
    .filter((line) => !line.trimStart().startsWith('>'))
    .join(' ')
    // Curly apostrophes are what phones and macOS type.
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
  return DISMISSAL.test(own)
}
