// One converging review around one agent run, on the ports: before the run, read the state from
// the action's summary comment, decide the scope (skip, full, or the delta since the last reviewed
// commit) and carry the earlier findings; during it, drop inline comments that repeat a finding;
// after it, reply to threads the new commits addressed and update the summary comment. The
// decisions are the pure functions of this folder; this file only fetches, sequences and writes.
import type { AgentDef, SourceLocation } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import type { ReviewPromptData } from '../execute/build-agent-context.js'
import type { AgentRunResult } from '../execute/run-agent.js'
import type { AgentReviewSession } from '../execute/run-target.js'
import { atLeast, isPermission, type Permission } from '../shared/permission.js'
import { hasAnyMarker } from '../github/comment-marker.js'
import type { GitHubPort, PullReviewComment } from '../github/github-port.js'
import type { DraftComment, ReviewDraft } from '../github/plan-review.js'
import { wrapPublisher } from '../github/wrap-publisher.js'
import type { Looked, Publisher, WriteOutcome } from '../github/publisher.js'
import { requestFailure } from '../github/request-failure.js'
import type { ChangedFile } from '../github/types.js'
import type { Invocation } from '../route/types.js'
import { addressedReply } from './addressed-reply.js'
import { carryFindings } from './carry-findings.js'
import { dedupeFindings } from './dedupe-findings.js'
import { findingId } from './finding-text.js'
import { nextReviewState } from './next-review-state.js'
import { planReviewScope, reviewTriggerOf, type ReviewScope, type ReviewScopeInput } from './plan-review-scope.js'
import { readReviewConfig, type ReviewConfig, type ReviewConfigLayer } from './review-config.js'
import { reviewPromptContext } from './review-prompt-context.js'
import { renderReviewSummary, type FindingOpinion } from './render-review-summary.js'
import { isDismissal } from './is-dismissal.js'
import { readReviewState, reviewStateKey, type ReadReviewState } from './review-state.js'
import { shortSha } from './short-sha.js'
import type { CompareResult, ReviewFinding, ReviewThread } from './types.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'

export type ReviewSessionStart =
  /** No model call and no write at all (re-run, label change, cap reached). */
  { kind: 'skip'; reason: string } | { kind: 'run'; session: ReviewSession }

/** The session execute runs the agent in (its contract is AgentReviewSession), and the scope behind it. */
export interface ReviewSession extends AgentReviewSession {
  /** The scope as planned, for callers that report it in more detail. */
  scope: Exclude<ReviewScope, { kind: 'skip' }>
}

export interface OpenReviewSessionArgs {
  port: GitHubPort
  publisher: Publisher
  event: EventContext
  agent: AgentDef
  invocation: Invocation
  headSha: string
  number: number
  now: Date
  /** GITHUB_SERVER_URL, for links in the summary comment. */
  serverUrl?: string
  /** GITHUB_RUN_ATTEMPT: a re-run of the same head is a skip. */
  runAttempt?: number
  logger: Logger
  /** `pull_request.base.sha`, recorded in the state; the head is used when it is not known. */
  baseSha?: string
  /** Token budget of the delta's patches; the PR diff's budget (24,000) when absent. */
  maxDiffTokens?: number
  /** Where the trigger's command binding is written, for errors in its `params.review`. */
  commandLocation?: SourceLocation
  /** The state-key input: seals the state written and is required of the state read. Null: trusted by authorship and place only. */
  stateKey?: string | null
  /**
   * A person's repository permission (null when it cannot be read), asked only for replies that
   * read as dismissals. Absent: nobody's "won't fix" dismisses a finding.
   */
  permissionOf?: (login: string) => Promise<Permission | null>
}

const REVIEW_TOOL = 'github_post_review'
const DEFAULT_DIFF_TOKENS = 24_000

/**
 * Who may dismiss a finding: someone with the permission the command that runs the review requires
 * (`params.permission`, `write` by default), and never less than triage, which is what GitHub
 * itself asks to resolve someone else's conversation.
 */
export function dismissPermission(invocation: Pick<Invocation, 'params'>): Permission {
  const declared = invocation.params.permission
  const required = isPermission(declared) ? declared : 'write'
  return atLeast(required, 'triage') ? required : 'triage'
}

const REVIEWED_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review'])

/**
 * Before the config is read: is this the kind of event a review runs on (a PR opened or pushed
 * to)? Then the PR's files and the review state can be read while the config is. A guess that only
 * decides when two reads start.
 */
export function mayOpenReviewSession(event: EventContext): boolean {
  const onPull = event.name === 'pull_request' || event.name === 'pull_request_target'
  return onPull && event.number !== null && event.headSha !== null && REVIEWED_ACTIONS.has(event.action ?? '')
}

/** A converging review applies to an agent that posts reviews, on a pull request with a known head. */
export function shouldConverge(agent: AgentDef, event: EventContext): boolean {
  return event.isPullRequest && event.number !== null && event.headSha !== null && agent.tools.some((t) => t.name === REVIEW_TOOL && t.enabled)
}

function failure(error: unknown): string {
  const f = requestFailure(error)
  return `${f.status ? `HTTP ${f.status} ` : ''}${f.message}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The agent's `review:` then the command's `params.review`; errors were mostly caught at load, the rest are logged. */
function reviewConfigOf(args: OpenReviewSessionArgs): ReviewConfig {
  const { agent, invocation } = args
  const layers: ReviewConfigLayer[] = [{ value: agent.extra.review, file: agent.location.file, line: agent.location.line, field: 'spec.review' }]
  if (invocation.params.review !== undefined) {
    const where = args.commandLocation ?? { file: '', line: 0 }
    layers.push({ value: invocation.params.review, file: where.file, line: where.line, field: `commands["${invocation.key ?? ''}"].params.review` })
  }
  const { config, diagnostics } = readReviewConfig(layers)
  for (const d of diagnostics) args.logger.warning(`${d.file ? `${d.file}:${d.line}: ` : ''}${d.message}`)
  return config
}

/** The compare only matters when the plan without it asks for it: never on a skip, a first review or a cap. */
function needsCompare(scope: ReviewScope): boolean {
  return scope.kind === 'full' && (scope.code === 'no-compare' || scope.code === 'mode-full')
}

async function fetchCompare(args: OpenReviewSessionArgs, since: string): Promise<CompareResult | null> {
  try {
    return await args.port.compareCommits(since, args.headSha)
  } catch (error) {
    args.logger.warning(`Could not compare ${shortSha(since)}...${shortSha(args.headSha)} (${failure(error)}); reviewing everything.`)
    return null
  }
}

/** The PR's own paths (new and old names), so base-branch files merged in are not reviewed. */
async function prFilePaths(args: OpenReviewSessionArgs): Promise<string[] | undefined> {
  try {
    const files = await args.port.listPullRequestFiles(args.number)
    return files.flatMap((f) => (f.previousFilename ? [f.filename, f.previousFilename] : [f.filename]))
  } catch (error) {
    args.logger.warning(`Could not list the files of #${args.number} (${failure(error)}); every file of the delta is reviewed.`)
    return undefined
  }
}

/** REST has no "resolved"; replies come by in_reply_to_id; a Bot or a github-agent marker is the action. */
export function reviewThreads(comments: readonly PullReviewComment[]): ReviewThread[] {
  return comments
    .filter((c) => c.inReplyToId === null)
    .map((root) => ({
      commentId: root.id,
      ...(root.line === null ? { outdated: true } : {}),
      replies: comments
        .filter((c) => c.inReplyToId === root.id)
        .map((c) => ({ author: c.author, body: c.body, fromAction: c.authorType === 'Bot' || hasAnyMarker(c.body) }))
    }))
}

/** Marks each reply that reads as a dismissal with whether its author may dismiss; one lookup per author. */
async function withDismissRights(args: OpenReviewSessionArgs, threads: ReviewThread[]): Promise<ReviewThread[]> {
  const needed = dismissPermission(args.invocation)
  const known = new Map<string, Promise<boolean>>()
  const may = (login: string): Promise<boolean> => {
    const key = login.toLowerCase()
    let pending = known.get(key)
    if (!pending) {
      pending = args.permissionOf
        ? args.permissionOf(login).then(
            (p) => p !== null && atLeast(p, needed),
            () => false
          )
        : Promise.resolve(false)
      known.set(key, pending)
    }
    return pending
  }
  return Promise.all(
    threads.map(async (thread) => ({
      ...thread,
      replies: await Promise.all(
        thread.replies.map(async (r) => (!r.fromAction && r.author !== null && isDismissal(r.body) ? { ...r, mayDismiss: await may(r.author) } : r))
      )
    }))
  )
}

async function fetchThreads(args: OpenReviewSessionArgs, prior: readonly ReviewFinding[]): Promise<ReviewThread[]> {
  // Threads only tell about open findings with a comment: without one there is nothing to read.
  if (!prior.some((f) => f.status === 'open' && f.commentId !== null)) return []
  try {
    return await withDismissRights(args, reviewThreads(await args.port.listReviewComments(args.number)))
  } catch (error) {
    args.logger.warning(`Could not list the review comments of #${args.number} (${failure(error)}); replies to earlier findings are not read.`)
    return []
  }
}

async function readState(args: OpenReviewSessionArgs, key: string): Promise<ReadReviewState> {
  // findOwnComment only returns a comment written by the action's own login.
  const own = await args.publisher.findOwnComment(args.number, key)
  return own ? readReviewState(own.body, key, args.stateKey ?? null) : { state: null, note: null }
}

async function planScope(args: OpenReviewSessionArgs, read: ReadReviewState, config: ReviewConfig): Promise<ReviewScope> {
  const { event, invocation } = args
  const viaCommand = invocation.via === 'command' || invocation.via === 'mention'
  const input: ReviewScopeInput = {
    state: read.state,
    stateNote: read.note,
    headSha: args.headSha,
    trigger: reviewTriggerOf(event.action, { ...(args.runAttempt !== undefined ? { runAttempt: args.runAttempt } : {}), viaCommand }),
    compare: null,
    config,
    now: args.now
  }
  const first = planReviewScope(input)
  if (!read.state || !needsCompare(first)) return first
  const compare = await fetchCompare(args, read.state.headSha)
  const forward = compare?.found === true && compare.status === 'ahead' && config.mode === 'incremental'
  const prFiles = forward ? await prFilePaths(args) : undefined
  return planReviewScope({ ...input, compare, ...(prFiles ? { prFiles } : {}) })
}

function describeScope(scope: Exclude<ReviewScope, { kind: 'skip' }>): string {
  if (scope.kind === 'incremental') return `incremental since ${shortSha(scope.sinceSha)}: ${plural(scope.files.length, 'file')}`
  return `full: ${scope.reason}`
}

/** When the state cannot be read, review as the agent always did and leave the summary comment alone. */
function withoutState(publisher: Publisher, reason: string): ReviewSessionStart {
  const review: ReviewPromptData = { kind: 'full', since_commit: null, open_findings: [], dismissed_findings: [] }
  const scope = { kind: 'full' as const, code: 'no-compare' as const, reason, deltaFiles: null }
  return { kind: 'run', session: { instructions: '', diff: null, review, publisher, finish: async () => {}, describe: `full: ${reason}`, dropped: [], scope } }
}

/**
 * Call before anything writes (the check run included): a skip must leave the PR untouched. Reads
 * only what the decision needs (the summary comment; the compare, the PR's files and the review
 * comments only when the plan depends on them). Does not throw: a read that fails degrades to a
 * full review, logged as a warning.
 */
export async function openReviewSession(args: OpenReviewSessionArgs): Promise<ReviewSessionStart> {
  const key = reviewStateKey(args.agent.name)
  let read: ReadReviewState
  try {
    read = await readState(args, key)
  } catch (error) {
    const reason = `the review summary comment could not be read (${failure(error)}); earlier findings are not known in this run`
    args.logger.warning(`Review of #${args.number}: ${reason}.`)
    return withoutState(args.publisher, reason)
  }
  const scope = await planScope(args, read, reviewConfigOf(args))
  if (scope.kind === 'skip') return { kind: 'skip', reason: scope.reason }

  const prior = read.state?.findings ?? []
  const threads = await fetchThreads(args, prior)
  const delta = scope.deltaFiles
  const carried = carryFindings({ prior, threads, delta })
  const prompt = reviewPromptContext({ scope, carried, maxDiffTokens: args.maxDiffTokens ?? DEFAULT_DIFF_TOKENS })
  // What the end of the review reads (the posted comments' ids, the summary comment) is read as soon
  // as a review is posted, while the model takes its next turn; a later review reads it again.
  let early: EarlyReads | null = null
  const publishing = convergingPublisher(
    args.publisher,
    { prior, threads, delta },
    () => postedBefore(args),
    () => {
      early = startEarlyReads(args)
    }
  )
  const finish = (result: AgentRunResult | null): Promise<void> =>
    finishReview(args, { read, scope, prior, threads, delta, publishing, opinions: opinionsOf(carried, args), early }, result).catch((error: unknown) => {
      args.logger.warning(`Could not record the review of #${args.number}: ${errorMessage(error)}`)
    })
  return {
    kind: 'run',
    session: {
      instructions: prompt.instructions,
      diff: prompt.diff,
      review: prompt.review,
      publisher: publishing.publisher,
      finish,
      describe: describeScope(scope),
      dropped: publishing.dropped,
      scope
    }
  }
}

/** What every dedupe of this run compares against: the earlier findings, their threads and the delta. */
interface DedupeBase {
  prior: readonly ReviewFinding[]
  threads: readonly ReviewThread[]
  delta: readonly ChangedFile[] | null
}

interface ConvergingPublisher {
  publisher: Publisher
  /** Inline comments of every review the agent submitted without error, in order (repeats included). */
  proposed: DraftComment[]
  /** Those passed on to GitHub (or, in dry-run, recorded). */
  posted: DraftComment[]
  /** Ids of the reviews GitHub created: their comments are this run's findings. */
  reviewIds: number[]
  /** Each inline comment not posted, with where it is and why, for the job summary. */
  dropped: string[]
}

const WHY_DROPPED = {
  prior: 'repeats a finding already on this pull request',
  run: 'repeats a comment an earlier review of this run posted',
  concurrent: 'another run posted the same finding meanwhile'
} as const

function droppedLine(comment: DraftComment, why: keyof typeof WHY_DROPPED): string {
  return `${comment.path}:${comment.line} ${WHY_DROPPED[why]}`
}

/**
 * Each submitReview posts only what is not already posted: the findings of earlier runs, the
 * comments of this run's earlier reviews, and (re-read just before posting) those a run at the same
 * time posted. The comments of one review are never weighed against each other: the agent meant
 * each, and short ones on nearby lines look alike without being the same.
 */
function convergingPublisher(
  inner: Publisher,
  base: DedupeBase,
  onThePull: () => Promise<PullReviewComment[]>,
  afterPost: () => void = () => {}
): ConvergingPublisher {
  const state = { proposed: [] as DraftComment[], posted: [] as DraftComment[], reviewIds: [] as number[], dropped: [] as string[] }

  async function submitReview(number: number, draft: ReviewDraft, options: { headSha: string; allowApprove: boolean }): Promise<WriteOutcome> {
    const mine = draft.comments.map((c) => ({ ...c }))
    const deduped = dedupeFindings({ ...base, posted: state.posted, proposed: mine })
    const dropped = deduped.repeats.map((r) => droppedLine(r.comment, r.of.status === 'new' ? 'run' : 'prior'))
    const unseen = deduped.post
    // A review running at the same time may have posted the same finding since this run started.
    const listed = unseen.length > 0 ? await onThePull() : []
    const fresh = unseen.filter((c) => {
      const meanwhile = listed.some((l) => l.inReplyToId === null && sameFinding(l, c))
      if (meanwhile) dropped.push(droppedLine(c, 'concurrent'))
      return !meanwhile
    })
    const repeated = mine.length - fresh.length
    const note = repeated
      ? [`${plural(repeated, 'inline comment')} repeated findings already on this pull request and ${repeated === 1 ? 'was' : 'were'} not posted again.`]
      : []
    // A comment-only review whose every inline comment is a repeat says nothing new: not posted.
    if (mine.length > 0 && fresh.length === 0 && draft.event === 'COMMENT') {
      state.proposed.push(...mine)
      state.dropped.push(...dropped)
      return { sent: false, id: null, url: null, notes: [...note, 'No review was posted: there was nothing new in it.'] }
    }
    const outcome = await inner.submitReview(number, { ...draft, comments: fresh }, options)
    state.proposed.push(...mine)
    state.posted.push(...fresh)
    state.dropped.push(...dropped)
    if (outcome.sent && outcome.id !== null) {
      state.reviewIds.push(outcome.id)
      afterPost()
    }
    return { ...outcome, notes: [...outcome.notes, ...note] }
  }

  const publisher = wrapPublisher(inner, { submitReview })
  return { publisher, ...state }
}

function sameFinding(listed: PullReviewComment, comment: DraftComment): boolean {
  if (listed.path !== comment.path || (listed.side ?? 'RIGHT') !== (comment.side ?? 'RIGHT')) return false
  if ((listed.line ?? listed.originalLine) !== comment.line) return false
  // The posted body went through redaction and mention neutralising: compare by content words.
  return listed.body === comment.body || findingId(comment.path, listed.body) === findingId(comment.path, comment.body)
}

/** The PR's review comments as they are now; none when they cannot be read (the review is posted as planned). */
async function postedBefore(args: OpenReviewSessionArgs): Promise<PullReviewComment[]> {
  try {
    return await args.port.listReviewComments(args.number)
  } catch (error) {
    args.logger.warning(`Could not list the review comments of #${args.number} (${failure(error)}); findings posted meanwhile by another run are not checked.`)
    return []
  }
}

/** The review comment id of each posted comment; null when it went into the review body or was not found. */
interface EarlyReads {
  /** The PR's review comments, listed after the last review was posted. */
  listed: Promise<PullReviewComment[]>
  /** The summary comment as it was then; undefined when it could not be read. */
  summary: Promise<Looked | undefined>
}

function startEarlyReads(args: OpenReviewSessionArgs): EarlyReads {
  const listed = args.port.listReviewComments(args.number)
  // Whoever awaits it sees a failure; until then it must not count as unhandled.
  listed.catch(() => {})
  return { listed, summary: lookSummary(args) }
}

function lookSummary(args: OpenReviewSessionArgs): Promise<Looked | undefined> {
  return args.publisher.findOwnComment(args.number, reviewStateKey(args.agent.name)).then(
    (found) => ({ found }),
    () => undefined
  )
}

async function postedIds(args: OpenReviewSessionArgs, publishing: ConvergingPublisher, early: EarlyReads | null): Promise<(number | null)[]> {
  const none = publishing.posted.map(() => null)
  if (publishing.posted.length === 0 || publishing.reviewIds.length === 0) return none
  let listed: PullReviewComment[]
  try {
    listed = await (early?.listed ?? args.port.listReviewComments(args.number))
  } catch (error) {
    args.logger.warning(`Could not list the review comments of #${args.number} (${failure(error)}); the new findings are remembered without their threads.`)
    return none
  }
  const reviews = new Set(publishing.reviewIds)
  const pool = listed.filter((c) => c.inReplyToId === null && c.reviewId !== null && reviews.has(c.reviewId))
  const claimed = new Set<number>()
  return publishing.posted.map((comment) => {
    const hit = pool.find((c) => !claimed.has(c.id) && sameFinding(c, comment))
    if (!hit) return null
    claimed.add(hit.id)
    return hit.id
  })
}

/** Resolves the addressed findings' threads in one go; the comment ids resolved (none when it cannot). */
async function resolveAddressed(args: OpenReviewSessionArgs, commentIds: readonly number[]): Promise<Set<number>> {
  const resolve = args.publisher.resolveReviewThreads
  if (!resolve || commentIds.length === 0) return new Set()
  try {
    const outcome = await resolve.call(args.publisher, args.number, commentIds)
    return new Set(outcome.resolved)
  } catch (error) {
    args.logger.warning(`Could not resolve the review threads of addressed findings on #${args.number}: ${errorMessage(error)}`)
    return new Set()
  }
}

/**
 * Each addressed thread is resolved (all in one request), then gets a reply saying why; a failed
 * reply is logged and the rest go on. A thread that could not be resolved is left to people.
 */
async function replyToAddressed(args: OpenReviewSessionArgs, addressed: readonly ReviewFinding[]): Promise<void> {
  const reply = args.publisher.replyToReviewComment
  const threads = addressed.filter((f) => f.commentId !== null)
  if (threads.length === 0) return
  if (!reply) {
    args.logger.info(
      `Review of #${args.number}: this publisher cannot reply in review threads; ${plural(threads.length, 'addressed finding')} left without a reply.`
    )
    return
  }
  const resolved = await resolveAddressed(
    args,
    threads.map((f) => f.commentId as number)
  )
  // The marker lets a later run tell the action's replies from a person's, whatever token wrote them.
  await Promise.all(
    threads.map(async (finding) => {
      const body = addressedReply(args.headSha, resolved.has(finding.commentId as number))
      try {
        await reply.call(args.publisher, args.number, finding.commentId as number, body, `review-reply:${args.agent.name}`)
      } catch (error) {
        args.logger.warning(`Could not reply to review comment ${finding.commentId} on #${args.number}: ${errorMessage(error)}`)
      }
    })
  )
}

function opinionsOf(carried: ReturnType<typeof carryFindings>, args: OpenReviewSessionArgs): FindingOpinion[] {
  const needs = dismissPermission(args.invocation)
  return carried.opinions.flatMap(({ index, author, reply }) => {
    const finding = carried.findings[index]
    return finding ? [{ author, path: finding.path, line: finding.line, reply, needs }] : []
  })
}

interface SessionData extends DedupeBase {
  /** Reads started when the last review was posted; null when none was. */
  early: EarlyReads | null
  read: ReadReviewState
  opinions: FindingOpinion[]
  scope: Exclude<ReviewScope, { kind: 'skip' }>
  publishing: ConvergingPublisher
}

async function finishReview(args: OpenReviewSessionArgs, data: SessionData, result: AgentRunResult | null): Promise<void> {
  if (!result || result.stoppedBy !== 'end') {
    const kept = data.read.state ? `kept at ${shortSha(data.read.state.headSha)}` : 'not written'
    args.logger.info(`Review state of #${args.number} ${kept}: the agent did not finish (${result?.stoppedBy ?? 'not run'}).`)
    return
  }
  const { publishing } = data
  const final = dedupeFindings({ prior: data.prior, threads: data.threads, delta: data.delta, proposed: publishing.proposed })
  const summaryKey = reviewStateKey(args.agent.name)
  // None of these waits for another: the posted comments' ids, the addressed threads' replies, and
  // the summary comment (read when the last review was posted, or now). A summary comment another
  // run created meanwhile is still found: the upsert folds a copy into the oldest.
  const [ids, , looked] = await Promise.all([
    postedIds(args, publishing, data.early),
    replyToAddressed(args, final.addressed),
    data.early?.summary ?? lookSummary(args)
  ])
  const state = nextReviewState(data.read.state, {
    headSha: args.headSha,
    baseSha: args.baseSha ?? data.read.state?.baseSha ?? args.headSha,
    now: args.now,
    findings: final.findings,
    posted: publishing.posted.map((comment, i) => ({ comment, commentId: ids[i] ?? null }))
  })
  const summary = renderReviewSummary({
    agentName: args.agent.name,
    repository: args.port.repository,
    prNumber: args.number,
    ...(args.serverUrl ? { serverUrl: args.serverUrl } : {}),
    state,
    scope: data.scope,
    run: { posted: publishing.posted.length, repeats: publishing.dropped.length, addressed: final.addressed.length },
    stateNote: data.read.note,
    stateKey: args.stateKey ?? null,
    opinions: data.opinions
  })
  await args.publisher.upsertComment(args.number, summary.key, summary.body, summary.state, summary.key === summaryKey ? looked : undefined)
}
