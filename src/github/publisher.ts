// Every write the agent or the action makes: planned from validated data, recorded, and (unless
// dry-run) sent. Planning lives in the pure plan-* files; this file only sequences and records.

import type { WriteRecord, WriteText } from '../report/types.js'
import { hasMarker, markerBlock, readStateBlock } from './comment-marker.js'
import type { GitHubPort, ReactionContent } from './github-port.js'
import { outgoingText } from './outgoing-text.js'
import { planCheckRunOutput } from './plan-check-run-output.js'
import { planLabels, removalRefusal, type LabelPolicy } from './plan-labels.js'
import { planReview, reviewAttempts, type ReviewDraft } from './plan-review.js'
import { redactDeep, redactSecrets } from '../text/redact-secrets.js'
import { requestFailure } from './request-failure.js'
import { COMMENT_BODY_LIMIT } from './text-limits.js'
import type { CheckConclusion, CheckRunOutput, CheckStatus, ReactionTarget, ReviewRequest, WriteResponse } from './types.js'
import type { Logger } from '../shared/logger.js'

export type WriteOperation =
  | 'create-comment'
  | 'update-comment'
  | 'delete-comment'
  | 'create-review'
  | 'create-label'
  | 'add-labels'
  | 'remove-label'
  | 'create-check-run'
  | 'update-check-run'
  | 'add-reaction'
  | 'reply-review-comment'
  | 'resolve-review-threads'
  | 'dispatch-workflow'

/** A write as it would go on the wire: Octokit route and parameters. */
export interface PlannedWrite {
  operation: WriteOperation
  summary: string
  request: { route: string; params: Record<string, unknown> }
}

export interface AppliedWrite extends PlannedWrite {
  id: number | null
  url: string | null
}

export interface WriteOutcome {
  /** False in dry-run, and when nothing needed writing. */
  sent: boolean
  id: number | null
  url: string | null
  /** What was changed or skipped on the way, in sentences for the model and the summary. */
  notes: string[]
}

export interface LabelOutcome extends WriteOutcome {
  added: string[]
  created: string[]
  dropped: { label: string; reason: string }[]
}

/** A `findOwnComment` the caller made just now (alongside other reads), so the upsert need not look again. */
export interface Looked {
  found: OwnComment | null
}

export interface OwnComment {
  id: number
  body: string
  url: string
  state: unknown
}

export interface PublisherOptions {
  dryRun: boolean
  /** Values redacted to *** in everything posted (tokens, API keys). */
  secrets: readonly string[]
  /**
   * The login the token writes as (github/action-identity), or a lookup of it. Only comments by
   * this login are the action's own; when it resolves to null none are (a comment is created
   * rather than another account's updated, and no state is read).
   */
  botLogin: string | (() => Promise<string | null>)
  logger: Logger
  /** `https://github.com` or the GHES host, for links to what was written without a URL of its own. */
  serverUrl?: string
}

export interface CheckRunStart {
  name: string
  headSha: string
  status: CheckStatus
  conclusion?: CheckConclusion
  output?: CheckRunOutput
}

export interface CheckRunChange {
  status?: CheckStatus
  conclusion?: CheckConclusion
  output?: CheckRunOutput
}

/** A write GitHub refused; the message is fit for a log line or a tool result. */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly status: number | null
  ) {
    super(message)
    this.name = 'PublishError'
  }
}

export interface Publisher {
  readonly dryRun: boolean
  /** Every write attempted or, in dry-run, kept back. */
  readonly planned: readonly PlannedWrite[]
  readonly applied: readonly AppliedWrite[]
  readonly notes: readonly string[]
  /** For the job summary. */
  records(): WriteRecord[]
  createComment(number: number, body: string): Promise<WriteOutcome>
  /**
   * The action's own comment for `key`: updated when a re-run finds it, created otherwise. A run
   * that creates it and then finds an older one (a run started at the same time created it too)
   * writes its text into the oldest and removes its own, so one comment per key remains.
   * `looked`: what a `findOwnComment` the caller made just now found, so it is not asked again.
   */
  upsertComment(number: number, key: string, body: string, state?: unknown, looked?: Looked): Promise<WriteOutcome>
  findOwnComment(number: number, key: string): Promise<OwnComment | null>
  submitReview(number: number, draft: ReviewDraft, options: { headSha: string; allowApprove: boolean }): Promise<WriteOutcome>
  addLabels(number: number, labels: string[], policy: LabelPolicy): Promise<LabelOutcome>
  removeLabel(number: number, label: string, policy: LabelPolicy): Promise<WriteOutcome>
  createCheckRun(run: CheckRunStart): Promise<WriteOutcome>
  /** `checkRunId` is null only for a run created in dry-run. */
  updateCheckRun(checkRunId: number | null, change: CheckRunChange): Promise<WriteOutcome>
  addReaction(commentId: number, target: ReactionTarget, content: ReactionContent): Promise<WriteOutcome>
  /**
   * A reply in the thread of inline review comment `commentId` on PR `number`, with the marker of
   * `key` after it when given. Optional so that wrappers written before it (the fleet's draft
   * publisher) stay valid; createPublisher has it.
   */
  replyToReviewComment?(number: number, commentId: number, body: string, key?: string): Promise<WriteOutcome>
  /** Resolves the review threads these comments opened, only those the action opened (GraphQL); optional like replyToReviewComment. */
  resolveReviewThreads?(number: number, rootCommentIds: readonly number[]): Promise<WriteOutcome & { resolved: number[] }>
  /** `workflow_dispatch` of a repository workflow on `ref`; the outcome's url is the workflow's runs page. */
  dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<WriteOutcome>
}

const REPO_ROUTE = '/repos/{owner}/{repo}'

const POSTS_TEXT: ReadonlySet<WriteOperation> = new Set(['create-comment', 'update-comment', 'create-review', 'reply-review-comment'])

/** What a write would post for people to read, from its (already redacted) request. */
function textsOf(p: PlannedWrite): WriteText[] {
  if (!POSTS_TEXT.has(p.operation)) return []
  const { body, comments } = p.request.params
  const texts: WriteText[] = typeof body === 'string' && body !== '' ? [{ label: p.summary, body }] : []
  if (!Array.isArray(comments)) return texts
  for (const c of comments as { path?: unknown; line?: unknown; body?: unknown }[]) {
    if (typeof c.body === 'string') texts.push({ label: `inline comment on ${String(c.path)}:${String(c.line)}`, body: c.body })
  }
  return texts
}

function reviewSummary(number: number, r: ReviewRequest): string {
  return `submit review ${r.event} on #${number} with ${r.comments.length} inline comment${r.comments.length === 1 ? '' : 's'}`
}

/**
 * The port with every write's arguments redacted: label names, check-run names, annotation paths,
 * bodies, whatever a caller passes. The texts are also cleaned where they are planned; this is the
 * net under all of them, so a field added later cannot be forgotten.
 */
function redactingPort(port: GitHubPort, secrets: readonly string[]): GitHubPort {
  const r = <T>(value: T): T => redactDeep(value, secrets)
  return {
    ...port,
    createIssueComment: (number, body) => port.createIssueComment(number, r(body)),
    updateIssueComment: (commentId, body) => port.updateIssueComment(commentId, r(body)),
    createReview: (number, review) => port.createReview(number, r(review)),
    addLabels: (number, labels) => port.addLabels(number, r(labels)),
    removeLabel: (number, label) => port.removeLabel(number, r(label)),
    createLabel: (name) => port.createLabel(r(name)),
    createCheckRun: (run) => port.createCheckRun(r(run)),
    updateCheckRun: (checkRunId, update) => port.updateCheckRun(checkRunId, r(update)),
    createReviewCommentReply: (number, commentId, body) => port.createReviewCommentReply(number, commentId, r(body))
  }
}

export function createPublisher(unredactedPort: GitHubPort, options: PublisherOptions): Publisher {
  const port = redactingPort(unredactedPort, options.secrets)
  const [owner, repo] = port.repository.split('/')
  const planned: PlannedWrite[] = []
  const applied: AppliedWrite[] = []
  const notes: string[] = []
  // Comments this run already wrote per marker key, so a second upsert needs no listing.
  const ownComments = new Map<string, number>()
  const { logger, secrets } = options

  // What is recorded (and shown in the job summary) is redacted like what is sent.
  function plan(operation: WriteOperation, summary: string, route: string, params: Record<string, unknown>): PlannedWrite {
    return {
      operation,
      summary: redactSecrets(summary, secrets),
      request: { route: route.replace('{REPO}', REPO_ROUTE), params: redactDeep({ owner, repo, ...params }, secrets) }
    }
  }

  /** `tolerate`: errors the caller handles itself (not noted as failures). */
  async function write(p: PlannedWrite, send: () => Promise<WriteResponse>, tolerate: (status: number | null) => boolean = () => false): Promise<WriteOutcome> {
    planned.push(p)
    if (options.dryRun) {
      logger.info(`Dry run: would ${p.summary}`)
      return { sent: false, id: null, url: null, notes: [] }
    }
    try {
      const response = await send()
      applied.push({ ...p, ...response })
      logger.info(`GitHub: ${p.summary}${response.url ? ` (${response.url})` : ''}`)
      return { sent: true, ...response, notes: [] }
    } catch (error) {
      const failure = requestFailure(error)
      if (tolerate(failure.status)) throw error
      const message = `Could not ${p.summary}: ${failure.status ? `HTTP ${failure.status} ` : ''}${redactSecrets(failure.message, secrets)}`
      notes.push(message)
      throw new PublishError(message, failure.status)
    }
  }

  async function ownLogin(): Promise<string | null> {
    return typeof options.botLogin === 'string' ? options.botLogin : options.botLogin()
  }

  async function findOwnComment(number: number, key: string): Promise<OwnComment | null> {
    const comments = await port.listIssueComments(number)
    const login = (await ownLogin())?.toLowerCase()
    // A person (or another bot) quoting the marker must not make the action overwrite their comment.
    const mine = login === undefined ? undefined : comments.find((c) => hasMarker(c.body, key) && c.author?.toLowerCase() === login)
    if (!mine) return null
    const block = readStateBlock(mine.body, key)
    return { id: mine.id, body: mine.body, url: mine.htmlUrl, state: block.ok ? block.state : undefined }
  }

  function createComment(number: number, body: string): Promise<WriteOutcome> {
    const text = outgoingText(body, secrets, COMMENT_BODY_LIMIT)
    const p = plan('create-comment', `comment on #${number}`, 'POST {REPO}/issues/{issue_number}/comments', { issue_number: number, body: text })
    return write(p, () => port.createIssueComment(number, text))
  }

  function markedBody(key: string, body: string, state: unknown): string {
    const block = redactSecrets(markerBlock(key, state), secrets)
    return `${outgoingText(body, secrets, Math.max(0, COMMENT_BODY_LIMIT - block.length - 2))}\n\n${block}`
  }

  async function upsertComment(number: number, key: string, body: string, state?: unknown, looked?: Looked): Promise<WriteOutcome> {
    const text = markedBody(key, body, state)
    const cacheKey = `${number}\u0000${key}`
    let existingId = ownComments.get(cacheKey) ?? null
    if (existingId === null) {
      const found = looked ? looked.found : await findOwnComment(number, key)
      if (found && found.body === text) return { sent: false, id: found.id, url: found.url, notes: ['The comment already says this; nothing to update.'] }
      existingId = found?.id ?? null
    }
    if (existingId !== null) {
      const id = existingId
      const p = plan('update-comment', `update comment ${id} on #${number}`, 'PATCH {REPO}/issues/comments/{comment_id}', { comment_id: id, body: text })
      try {
        const outcome = await write(
          p,
          () => port.updateIssueComment(id, text),
          (status) => status === 404
        )
        if (outcome.id !== null) ownComments.set(cacheKey, outcome.id)
        return outcome
      } catch (error) {
        if (requestFailure(error).status !== 404) throw error
        // Deleted since we found it: post it again rather than lose it.
        logger.info(`GitHub: comment ${id} is gone (404); creating a new one`)
        ownComments.delete(cacheKey)
      }
    }
    const p = plan('create-comment', `comment on #${number}`, 'POST {REPO}/issues/{issue_number}/comments', { issue_number: number, body: text })
    const outcome = await foldIntoOldest(number, key, text, await write(p, () => port.createIssueComment(number, text)))
    if (outcome.id !== null) ownComments.set(cacheKey, outcome.id)
    return outcome
  }

  /**
   * Every run that creates a key's comment checks afterwards for an older one; only the copies
   * that are not the oldest move, so runs doing this at the same time end with the oldest alone.
   * A fold that fails leaves this run's copy in place: a duplicate is better than a lost summary.
   */
  async function foldIntoOldest(number: number, key: string, text: string, created: WriteOutcome): Promise<WriteOutcome> {
    if (created.id === null) return created
    const mine = created.id
    let oldest: OwnComment | null
    try {
      oldest = await findOwnComment(number, key)
    } catch (error) {
      logger.warning(`Could not check #${number} for another copy of comment ${mine}: ${redactSecrets(requestFailure(error).message, secrets)}`)
      return created
    }
    if (!oldest || oldest.id === mine) return created
    const target = oldest.id
    const update = plan('update-comment', `update comment ${target} on #${number}`, 'PATCH {REPO}/issues/comments/{comment_id}', {
      comment_id: target,
      body: text
    })
    let updated: WriteOutcome
    try {
      updated = await write(update, () => port.updateIssueComment(target, text))
    } catch {
      return created
    }
    const remove = plan('delete-comment', `delete duplicate comment ${mine} on #${number}`, 'DELETE {REPO}/issues/comments/{comment_id}', { comment_id: mine })
    try {
      await write(remove, async () => {
        await port.deleteIssueComment(mine)
        return { id: null, url: null }
      })
    } catch {
      // Noted by write(); the older copy already holds this run's text.
    }
    const note = `Another run created this comment at the same time; the older copy ${target} holds this run's text and this run's copy ${mine} was removed.`
    logger.info(note)
    return { ...updated, notes: [note] }
  }

  async function submitReview(number: number, draft: ReviewDraft, review: { headSha: string; allowApprove: boolean }): Promise<WriteOutcome> {
    const files = await port.listPullRequestFiles(number)
    const reviewPlan = planReview(draft, files, { headSha: review.headSha, allowApprove: review.allowApprove, secrets })
    notes.push(...reviewPlan.notes)
    const attempts = reviewAttempts(reviewPlan.request, secrets)
    const outcomeNotes = [...reviewPlan.notes]
    for (const [i, attempt] of attempts.entries()) {
      if (attempt.why) {
        notes.push(attempt.why)
        outcomeNotes.push(attempt.why)
      }
      const r = attempt.request
      const p = plan('create-review', reviewSummary(number, r), 'POST {REPO}/pulls/{pull_number}/reviews', { pull_number: number, ...r })
      const isLast = i === attempts.length - 1
      try {
        const outcome = await write(
          p,
          () => port.createReview(number, r),
          (status) => status === 422 && !isLast
        )
        return { ...outcome, notes: outcomeNotes }
      } catch (error) {
        if (isLast || requestFailure(error).status !== 422) throw error
        logger.warning(`GitHub refused the review (422): ${redactSecrets(requestFailure(error).message, secrets)}`)
      }
    }
    throw new Error('unreachable: the last review attempt either returns or throws')
  }

  async function addLabels(number: number, labels: string[], policy: LabelPolicy): Promise<LabelOutcome> {
    const labelPlan = planLabels(labels, await port.listRepoLabels(), policy)
    const dropNotes = labelPlan.dropped.map((d) => `Label '${d.label}' was not applied: ${d.reason}.`)
    notes.push(...dropNotes)
    for (const name of labelPlan.create) {
      await write(plan('create-label', `create label '${name}'`, 'POST {REPO}/labels', { name, color: 'ededed' }), () => port.createLabel(name))
    }
    const base = { added: labelPlan.add, created: labelPlan.create, dropped: labelPlan.dropped }
    if (labelPlan.add.length === 0) return { sent: false, id: null, url: null, notes: dropNotes, ...base }
    const p = plan(
      'add-labels',
      `add label${labelPlan.add.length === 1 ? '' : 's'} ${labelPlan.add.map((l) => `'${l}'`).join(', ')} to #${number}`,
      'POST {REPO}/issues/{issue_number}/labels',
      {
        issue_number: number,
        labels: labelPlan.add
      }
    )
    const outcome = await write(p, () => port.addLabels(number, labelPlan.add))
    return { ...outcome, notes: dropNotes, ...base }
  }

  async function removeLabel(number: number, label: string, policy: LabelPolicy): Promise<WriteOutcome> {
    const refusal = removalRefusal(label, policy)
    if (refusal) {
      const note = `Label '${label}' was not removed: ${refusal}.`
      notes.push(note)
      return { sent: false, id: null, url: null, notes: [note] }
    }
    let wasSet = true
    const p = plan('remove-label', `remove label '${label}' from #${number}`, 'DELETE {REPO}/issues/{issue_number}/labels/{name}', {
      issue_number: number,
      name: label
    })
    const outcome = await write(p, async () => {
      wasSet = await port.removeLabel(number, label)
      return { id: null, url: null }
    })
    return wasSet ? outcome : { ...outcome, sent: false, notes: [`Label '${label}' was not set on #${number}.`] }
  }

  async function sendAnnotationBatches(id: number | null, more: CheckRunOutput[], name: string): Promise<void> {
    for (const output of more) {
      const p = plan(
        'update-check-run',
        `add ${output.annotations?.length ?? 0} annotations to check run '${name}'`,
        'PATCH {REPO}/check-runs/{check_run_id}',
        { check_run_id: id, output }
      )
      await write(p, () => port.updateCheckRun(id as number, { output }))
    }
  }

  async function createCheckRun(run: CheckRunStart): Promise<WriteOutcome> {
    const batches = run.output ? planCheckRunOutput(run.output, secrets) : null
    const body = {
      name: run.name,
      head_sha: run.headSha,
      status: run.status,
      ...(run.conclusion ? { conclusion: run.conclusion, status: 'completed' as const } : {}),
      ...(batches ? { output: batches.first } : {})
    }
    const p = plan('create-check-run', `create check run '${run.name}' (${body.conclusion ?? body.status})`, 'POST {REPO}/check-runs', body)
    const outcome = await write(p, () => port.createCheckRun(body))
    await sendAnnotationBatches(outcome.id, batches?.more ?? [], run.name)
    return outcome
  }

  async function updateCheckRun(checkRunId: number | null, change: CheckRunChange): Promise<WriteOutcome> {
    if (checkRunId === null && !options.dryRun) throw new PublishError('No check run to update: it was never created', null)
    const batches = change.output ? planCheckRunOutput(change.output, secrets) : null
    const body = {
      ...(change.status ? { status: change.status } : {}),
      ...(change.conclusion ? { conclusion: change.conclusion, status: 'completed' as const } : {}),
      ...(batches ? { output: batches.first } : {})
    }
    const state = body.conclusion ?? body.status ?? 'output'
    const p = plan('update-check-run', `update check run ${checkRunId ?? '(dry run)'} (${state})`, 'PATCH {REPO}/check-runs/{check_run_id}', {
      check_run_id: checkRunId,
      ...body
    })
    const outcome = await write(p, () => port.updateCheckRun(checkRunId as number, body))
    await sendAnnotationBatches(checkRunId, batches?.more ?? [], String(checkRunId))
    return outcome
  }

  function addReaction(commentId: number, target: ReactionTarget, content: ReactionContent): Promise<WriteOutcome> {
    const route = target === 'issue' ? 'POST {REPO}/issues/comments/{comment_id}/reactions' : 'POST {REPO}/pulls/comments/{comment_id}/reactions'
    const p = plan('add-reaction', `react ${content} to comment ${commentId}`, route, { comment_id: commentId, content })
    return write(p, () => port.addReaction(commentId, target, content))
  }

  function replyToReviewComment(number: number, commentId: number, body: string, key?: string): Promise<WriteOutcome> {
    const text = key === undefined ? outgoingText(body, secrets, COMMENT_BODY_LIMIT) : markedBody(key, body, undefined)
    const p = plan(
      'reply-review-comment',
      `reply to review comment ${commentId} on #${number}`,
      'POST {REPO}/pulls/{pull_number}/comments/{comment_id}/replies',
      {
        pull_number: number,
        comment_id: commentId,
        body: text
      }
    )
    return write(p, () => port.createReviewCommentReply(number, commentId, text))
  }

  async function resolveReviewThreads(number: number, rootCommentIds: readonly number[]): Promise<WriteOutcome & { resolved: number[] }> {
    const ids = [...rootCommentIds]
    const p = plan('resolve-review-threads', `resolve the review threads of comments ${ids.join(', ')} on #${number}`, 'POST /graphql resolveReviewThread', {
      pull_number: number,
      comment_ids: ids
    })
    let resolved: number[] = []
    const outcome = await write(p, async () => {
      // Only threads the action opened: the ids come from its state, which a writer can edit.
      const login = await ownLogin()
      if (login === null) throw new Error('the login github-token writes as is not known, so its own threads cannot be told apart')
      resolved = await port.resolveReviewThreads(number, ids, login)
      return { id: null, url: null }
    })
    return { ...outcome, resolved }
  }

  async function dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<WriteOutcome> {
    const summary = `dispatch workflow ${workflow} on ${ref} with ${redactSecrets(JSON.stringify(inputs), secrets)}`
    const p = plan('dispatch-workflow', summary, 'POST {REPO}/actions/workflows/{workflow_id}/dispatches', { workflow_id: workflow, ref, inputs })
    const url = `${options.serverUrl ?? 'https://github.com'}/${port.repository}/actions/workflows/${encodeURIComponent(workflow)}`
    return write(p, async () => {
      await port.dispatchWorkflow(workflow, ref, inputs)
      return { id: null, url }
    })
  }

  return {
    dryRun: options.dryRun,
    planned,
    applied,
    notes,
    records() {
      if (options.dryRun) return planned.map((p) => ({ operation: p.operation, summary: p.summary, planned: true, texts: textsOf(p) }))
      return applied.map((a) => ({ operation: a.operation, summary: a.summary, planned: false, ...(a.url ? { url: a.url } : {}) }))
    },
    createComment,
    upsertComment,
    findOwnComment,
    submitReview,
    addLabels,
    removeLabel,
    createCheckRun,
    updateCheckRun,
    addReaction,
    replyToReviewComment,
    resolveReviewThreads,
    dispatchWorkflow
  }
}
