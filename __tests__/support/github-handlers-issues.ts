// Issues, issue comments, labels and reactions.
import { assertBodyLength, issueOf, notFound, repoOf, text, type Handler, type HandlerContext } from './github-handler-types.js'
import { commentShape, issueLabels, issueShape, labelShape, reactionShape } from './github-shapes.js'
import { WorldRuleError, type WorldComment, type WorldReaction } from './github-world.js'

const getIssue: Handler = (ctx) => ({ status: 200, body: issueShape(ctx.world, issueOf(ctx), ctx.urls) })

const listComments: Handler = (ctx) => {
  const issue = issueOf(ctx)
  const since = text(ctx.params.since)
  const comments = ctx.world.comments
    .filter((c) => c.repo === issue.repo && c.issue_number === issue.number)
    .filter((c) => since === undefined || c.updated_at >= since.replace(/\.\d+Z$/, 'Z'))
  return { status: 200, list: comments.map((c) => commentShape(ctx.world, c, ctx.urls)) }
}

const createComment: Handler = (ctx) => {
  const issue = issueOf(ctx)
  const body = String(ctx.body.body)
  assertBodyLength(body, 'IssueComment')
  const comment = ctx.world.addComment(issue.repo, issue.number, { body, user: ctx.identity })
  return { status: 201, body: commentShape(ctx.world, comment, ctx.urls) }
}

function commentOf(ctx: HandlerContext): WorldComment {
  const repo = repoOf(ctx)
  const id = Number(ctx.params.comment_id)
  const comment = ctx.world.comments.find((c) => c.id === id && c.repo.toLowerCase() === repo.full_name.toLowerCase())
  if (!comment) throw notFound()
  return comment
}

const getComment: Handler = (ctx) => ({ status: 200, body: commentShape(ctx.world, commentOf(ctx), ctx.urls) })

const updateComment: Handler = (ctx) => {
  const comment = commentOf(ctx)
  const body = String(ctx.body.body)
  assertBodyLength(body, 'IssueComment')
  comment.body = body
  comment.updated_at = ctx.world.now()
  return { status: 200, body: commentShape(ctx.world, comment, ctx.urls) }
}

const deleteComment: Handler = (ctx) => {
  ctx.world.deleteComment(commentOf(ctx).id)
  return { status: 204 }
}

function labelNames(body: Record<string, unknown>): string[] {
  const labels = Array.isArray(body.labels) ? body.labels : []
  return labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name)))
}

// GitHub adds to the existing labels, creating repository labels that do not exist yet.
const addLabels: Handler = (ctx) => {
  const issue = issueOf(ctx)
  for (const name of labelNames(ctx.body)) ctx.world.labelIssue(issue, name)
  return { status: 200, body: issueLabels(ctx.world, issue).map((l) => labelShape(l, issue.repo, ctx.urls)) }
}

const removeLabel: Handler = (ctx) => {
  const issue = issueOf(ctx)
  const name = String(ctx.params.name)
  const index = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase())
  if (index < 0) throw notFound('Label does not exist')
  issue.labels.splice(index, 1)
  return { status: 200, body: issueLabels(ctx.world, issue).map((l) => labelShape(l, issue.repo, ctx.urls)) }
}

const listRepoLabels: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const labels = [...repo.labels.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
  return { status: 200, list: labels.map((l) => labelShape(l, repo.full_name, ctx.urls)) }
}

const listIssueLabels: Handler = (ctx) => {
  const issue = issueOf(ctx)
  return { status: 200, list: issueLabels(ctx.world, issue).map((l) => labelShape(l, issue.repo, ctx.urls)) }
}

const createLabel: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const name = String(ctx.body.name)
  if (repo.labels.has(name.toLowerCase())) {
    throw new WorldRuleError(422, {
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }]
    })
  }
  const color = text(ctx.body.color)?.replace(/^#/, '')
  if (color !== undefined && !/^[0-9a-fA-F]{6}$/.test(color)) {
    throw new WorldRuleError(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'invalid', field: 'color' }] })
  }
  const label = ctx.world.addLabel(repo.full_name, name, { color, description: text(ctx.body.description) ?? null })
  return { status: 201, body: labelShape(label, repo.full_name, ctx.urls) }
}

// A second identical reaction from the same user is not an error: GitHub returns the first with 200.
function react(ctx: HandlerContext, subject: WorldReaction['subject']): ReturnType<Handler> {
  const repo = repoOf(ctx)
  const id = Number(ctx.params.comment_id)
  const pool = subject === 'issue_comment' ? ctx.world.comments : ctx.world.reviewComments
  if (!pool.some((c) => c.id === id && c.repo.toLowerCase() === repo.full_name.toLowerCase())) throw notFound()
  const content = String(ctx.body.content)
  const existing = ctx.world.reactions.find((r) => r.subject === subject && r.comment_id === id && r.content === content && r.user.login === ctx.identity.login)
  if (existing) return { status: 200, body: reactionShape(existing, ctx.urls) }
  const reaction: WorldReaction = {
    id: ctx.world.id(),
    repo: repo.full_name,
    subject,
    comment_id: id,
    content,
    user: ctx.identity,
    created_at: ctx.world.now()
  }
  ctx.world.reactions.push(reaction)
  return { status: 201, body: reactionShape(reaction, ctx.urls) }
}

export const issueHandlers: Record<string, Handler> = {
  'issues/get': getIssue,
  'issues/list-comments': listComments,
  'issues/create-comment': createComment,
  'issues/get-comment': getComment,
  'issues/update-comment': updateComment,
  'issues/delete-comment': deleteComment,
  'issues/add-labels': addLabels,
  'issues/remove-label': removeLabel,
  'issues/list-labels-for-repo': listRepoLabels,
  'issues/list-labels-on-issue': listIssueLabels,
  'issues/create-label': createLabel,
  'reactions/create-for-issue-comment': (ctx) => react(ctx, 'issue_comment'),
  'reactions/create-for-pull-request-review-comment': (ctx) => react(ctx, 'review_comment')
}
