import type { Tool } from '../../shared/tool.js'
import type { Publisher } from '../publisher.js'
import { describeOutcome } from './describe-outcome.js'
import { requireNumber, type GitHubToolContext } from './tool-context.js'
import { ok, readString, runTool } from './tool-input.js'

/**
 * The first comment of a run updates the agent's own comment from an earlier run (found by its
 * marker); further comments in the same run get keys of their own, so they are re-run safe too.
 */
export function postCommentTool(ctx: GitHubToolContext, publisher: Publisher): Tool {
  let count = 0
  return {
    name: 'github_post_comment',
    description: 'Post a comment (Markdown) on the issue or pull request this run is about. A re-run replaces the earlier comment instead of adding another.',
    inputSchema: {
      type: 'object',
      properties: { body: { type: 'string', description: 'Comment text, Markdown.' } },
      required: ['body']
    },
    run: (input) =>
      runTool(async () => {
        const number = requireNumber(ctx)
        const body = readString(input, 'body', true)
        count += 1
        const key = `${ctx.commentKey ?? 'agent'}${count === 1 ? '' : `#${count}`}`
        const outcome = await publisher.upsertComment(number, key, body)
        return ok(describeOutcome(`comment on #${number}`, outcome, publisher.dryRun))
      })
  }
}
