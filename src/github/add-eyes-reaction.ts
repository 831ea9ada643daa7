import type { Publisher } from './publisher.js'
import type { GitHubLogger, ReactionTarget } from './types.js'

/**
 * 👀 on the comment that carried the command, so its author sees it was picked up. A reaction is a
 * courtesy: failing to add one is logged, never fatal. Goes through the publisher, so dry-run holds.
 */
export async function addEyesReaction(publisher: Publisher, commentId: number, target: ReactionTarget, logger: GitHubLogger): Promise<boolean> {
  try {
    const outcome = await publisher.addReaction(commentId, target, 'eyes')
    return outcome.sent
  } catch (error) {
    logger.warning(`Could not react to comment ${commentId}: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}
