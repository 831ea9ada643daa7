import type { Publisher } from './publisher.js'
import type { ReactionTarget } from './types.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'

/**
 * 👀 on the comment that carried the command, so its author sees it was picked up. A reaction is a
 * courtesy: failing to add one is logged, never fatal. Goes through the publisher, so dry-run holds.
 */
export async function addEyesReaction(publisher: Publisher, commentId: number, target: ReactionTarget, logger: Logger): Promise<boolean> {
  try {
    const outcome = await publisher.addReaction(commentId, target, 'eyes')
    return outcome.sent
  } catch (error) {
    logger.warning(`Could not react to comment ${commentId}: ${errorMessage(error)}`)
    return false
  }
}
