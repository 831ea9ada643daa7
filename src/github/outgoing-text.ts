import { neutralizeHtmlComments } from './markdown-escape.js'
import { neutralizeMentions } from './neutralize-mentions.js'
import { redactSecrets } from '../text/redact-secrets.js'
import { limitText } from './text-limits.js'

/**
 * Every text the action posts passes here: secrets out first (a secret may contain `@`), then
 * HTML comments (so no copied text can carry a marker), then mentions, then the size cut last so
 * the result stays within GitHub's limit.
 */
export function outgoingText(text: string, secrets: readonly string[], limit: number): string {
  return limitText(neutralizeMentions(neutralizeHtmlComments(redactSecrets(text, secrets))), limit)
}
