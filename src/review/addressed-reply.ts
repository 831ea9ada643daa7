// The reply the action leaves in a thread whose lines the new commits changed. Worded as an
// observation (the lines changed and the review no longer flags them), never as a verdict. Pure.
import { shortSha } from './short-sha.js'

/** `resolving`: the action also resolves the thread (GraphQL resolveReviewThread). */
export function addressedReply(headSha: string, resolving: boolean): string {
  const seen = `The lines of this finding changed in \`${shortSha(headSha)}\` and the review no longer flags them, so it looks addressed.`
  return resolving ? `${seen} Resolving this thread; unresolve it if the problem is still there.` : `${seen} Resolve this thread if you agree.`
}
