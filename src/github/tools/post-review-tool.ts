import type { Tool } from '../../shared/tool.js'
import type { DraftComment } from '../plan-review.js'
import type { Publisher } from '../publisher.js'
import type { ReviewEvent } from '../types.js'
import { describeOutcome } from './describe-outcome.js'
import { requireHeadSha, requirePullRequest, type AgentWritePolicy, type GitHubToolContext } from './tool-context.js'
import { ok, readEnum, readInteger, readObjectList, readString, runTool, ToolInputError } from './tool-input.js'
import { errorMessage } from '../../shared/errors.js'

const EVENTS = ['APPROVE', 'REQUEST_CHANGES', 'COMMENT'] as const
const SIDES = ['LEFT', 'RIGHT'] as const

function readComment(raw: Record<string, unknown>, i: number): DraftComment {
  try {
    const line = readInteger(raw, 'line')
    if (line === undefined) throw new ToolInputError("'line' is required (the last line the comment is about)")
    const comment: DraftComment = { path: readString(raw, 'path', true), line, body: readString(raw, 'body', true) }
    const startLine = readInteger(raw, 'start_line')
    const side = readEnum(raw, 'side', SIDES)
    if (startLine !== undefined) comment.start_line = startLine
    if (side !== undefined) comment.side = side
    return comment
  } catch (error) {
    throw new ToolInputError(`comments[${i}]: ${errorMessage(error)}`)
  }
}

export function postReviewTool(ctx: GitHubToolContext, publisher: Publisher, policy: AgentWritePolicy): Tool {
  return {
    name: 'github_post_review',
    description:
      'Submit one review of the pull request: a verdict, a summary body and optional inline comments on lines of the diff ' +
      '(new-file line numbers with side RIGHT, removed lines with side LEFT). Comments outside the diff are kept in the body.' +
      (policy.allowApprove ? '' : ' APPROVE is not enabled for this agent and is posted as COMMENT.'),
    inputSchema: {
      type: 'object',
      properties: {
        event: { type: 'string', enum: [...EVENTS], description: 'The verdict.' },
        body: { type: 'string', description: 'Review summary, Markdown.' },
        comments: {
          type: 'array',
          description: 'Inline comments.',
          items: {
            type: 'object',
            properties: {
              path: { type: 'string', description: 'File path as in the diff.' },
              line: { type: 'integer', description: 'Line (last line of a range) in the file on that side.' },
              start_line: { type: 'integer', description: 'First line of a multi-line range.' },
              side: { type: 'string', enum: [...SIDES], description: 'RIGHT (default): the new file; LEFT: removed lines.' },
              body: { type: 'string', description: 'Comment text, Markdown.' }
            },
            required: ['path', 'line', 'body']
          }
        }
      },
      required: ['event', 'body']
    },
    run: (input) =>
      runTool(async () => {
        const number = requirePullRequest(ctx)
        const headSha = requireHeadSha(ctx)
        const event: ReviewEvent = readEnum(input, 'event', EVENTS) ?? 'COMMENT'
        const body = readString(input, 'body') ?? ''
        const comments = readObjectList(input, 'comments').map(readComment)
        const outcome = await publisher.submitReview(number, { event, body, comments }, { headSha, allowApprove: policy.allowApprove })
        return ok(describeOutcome(`review of #${number}`, outcome, publisher.dryRun))
      })
  }
}
