// Pull requests: the PR itself (JSON or diff), its files, reviews and review comments.
import { assertBodyLength, notFound, pullOf, repoOf, text, unprocessable, type Handler } from './github-handler-types.js'
import { commitShape } from './github-handlers-repos.js'
import { pullFileShape, pullShape, reviewCommentShape, reviewShape } from './github-shapes.js'
import type { ReviewCommentInput, ReviewSeed, WorldIssue } from './github-world.js'

// GitHub lists at most 3,000 files of a pull request.
const MAX_PULL_FILES = 3000

function wantsDiff(accept: string): boolean {
  return /application\/vnd\.github(\.v3)?\.(diff|patch)/.test(accept)
}

function diffText(issue: WorldIssue): string {
  return (issue.pull?.files ?? [])
    .map((f) => {
      const from = f.status === 'added' ? '/dev/null' : `a/${f.previous_filename ?? f.filename}`
      const to = f.status === 'removed' ? '/dev/null' : `b/${f.filename}`
      const header = `diff --git a/${f.previous_filename ?? f.filename} b/${f.filename}\n--- ${from}\n+++ ${to}\n`
      return `${header}${f.patch ?? ''}${f.patch?.endsWith('\n') ? '' : '\n'}`
    })
    .join('')
}

const getPull: Handler = (ctx) => {
  const issue = pullOf(ctx)
  if (wantsDiff(ctx.accept)) {
    return { status: 200, text: diffText(issue), headers: { 'content-type': 'application/vnd.github.diff; charset=utf-8' } }
  }
  return { status: 200, body: pullShape(ctx.world, issue, ctx.urls) }
}

const listFiles: Handler = (ctx) => {
  const issue = pullOf(ctx)
  const files = issue.pull.files.slice(0, MAX_PULL_FILES)
  return { status: 200, list: files.map((f) => pullFileShape(f, issue.repo, issue.pull.head.sha, ctx.urls)) }
}

const listReviews: Handler = (ctx) => {
  const issue = pullOf(ctx)
  // Another user's pending review is invisible, as on GitHub.
  const reviews = ctx.world.reviews.filter(
    (r) => r.repo === issue.repo && r.pull_number === issue.number && (r.state !== 'PENDING' || r.user.login === ctx.identity.login)
  )
  return { status: 200, list: reviews.map((r) => reviewShape(ctx.world, r, ctx.urls)) }
}

function reviewEvent(value: unknown): ReviewSeed['event'] {
  return value === 'APPROVE' || value === 'REQUEST_CHANGES' || value === 'COMMENT' ? value : undefined
}

const createReview: Handler = (ctx) => {
  const issue = pullOf(ctx)
  const event = reviewEvent(ctx.body.event)
  const body = text(ctx.body.body) ?? ''
  const comments = (Array.isArray(ctx.body.comments) ? ctx.body.comments : []) as ReviewCommentInput[]
  const own = issue.user.login.toLowerCase() === ctx.identity.login.toLowerCase()
  if (own && event === 'APPROVE') throw unprocessable(['Can not approve your own pull request'])
  if (own && event === 'REQUEST_CHANGES') throw unprocessable(['Can not request changes on your own pull request'])
  // GitHub requires a body for COMMENT and REQUEST_CHANGES unless inline comments carry the review;
  // the exact wording of its error here is our approximation.
  if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && body.trim() === '' && comments.length === 0) {
    throw unprocessable([`Body can't be blank when the event is ${event}`])
  }
  assertBodyLength(body, 'PullRequestReview')
  for (const c of comments) assertBodyLength(c.body, 'PullRequestReviewComment')
  const pending = ctx.world.reviews.some(
    (r) => r.repo === issue.repo && r.pull_number === issue.number && r.state === 'PENDING' && r.user.login === ctx.identity.login
  )
  if (pending && event === undefined) throw unprocessable(['User can only have one pending review per pull request'])
  const review = ctx.world.addReview(issue.repo, issue.number, {
    user: ctx.identity,
    event,
    body,
    comments,
    commit_id: text(ctx.body.commit_id)
  })
  return { status: 200, body: reviewShape(ctx.world, review, ctx.urls) }
}

// GitHub lists at most 250 commits of a pull request.
const MAX_PULL_COMMITS = 250

const listCommits: Handler = (ctx) => {
  const issue = pullOf(ctx)
  const repo = repoOf(ctx)
  return { status: 200, list: issue.pull.commits.slice(0, MAX_PULL_COMMITS).map((c) => commitShape(repo, c.sha, c.author, c.date, ctx.urls, c.message)) }
}

const listReviewComments: Handler = (ctx) => {
  const issue = pullOf(ctx)
  const since = text(ctx.params.since)
  const comments = ctx.world.reviewComments
    .filter((c) => c.repo === issue.repo && c.pull_number === issue.number)
    .filter((c) => since === undefined || c.updated_at >= since.replace(/\.\d+Z$/, 'Z'))
  const ordered = ctx.params.direction === 'desc' ? [...comments].reverse() : comments
  return { status: 200, list: ordered.map((c) => reviewCommentShape(ctx.world, c, ctx.urls)) }
}

// A reply joins the thread of the comment it answers (replies to replies attach to the root).
const createReply: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const issue = pullOf(ctx)
  const id = Number(ctx.params.comment_id)
  const target = ctx.world.reviewComments.find((c) => c.id === id && c.repo.toLowerCase() === repo.full_name.toLowerCase() && c.pull_number === issue.number)
  if (!target) throw notFound()
  const body = String(ctx.body.body)
  assertBodyLength(body, 'PullRequestReviewComment')
  const root = target.in_reply_to_id ?? target.id
  const at = ctx.world.now()
  const review = ctx.world.addReview(issue.repo, issue.number, { user: ctx.identity, event: 'COMMENT', body: '' })
  // The reply keeps its thread's anchor (path, line, side, diff_hunk).
  const reply = {
    ...target,
    id: ctx.world.id(),
    review_id: review.id,
    body,
    in_reply_to_id: root,
    user: ctx.identity,
    created_at: at,
    updated_at: at
  }
  ctx.world.reviewComments.push(reply)
  return { status: 201, body: reviewCommentShape(ctx.world, reply, ctx.urls) }
}

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': getPull,
  'pulls/list-files': listFiles,
  'pulls/list-commits': listCommits,
  'pulls/list-reviews': listReviews,
  'pulls/create-review': createReview,
  'pulls/list-review-comments': listReviewComments,
  'pulls/create-reply-for-review-comment': createReply
}
