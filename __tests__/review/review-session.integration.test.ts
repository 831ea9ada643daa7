// A converging review over a sequence of runs on one pull request, with a real Octokit against the
// local GitHub server. The agent is simulated: it calls the session's publisher as the review tool
// would, then the run "ends" with a fake AgentRunResult. No model is called.
import type { AgentDef } from '../../src/config/types.js'
import type { EventContext } from '../../src/event/types.js'
import type { AgentRunResult, StoppedBy } from '../../src/execute/run-agent.js'
import type { GitHubPort } from '../../src/github/github-port.js'
import type { DraftComment } from '../../src/github/plan-review.js'
import type { Publisher } from '../../src/github/publisher.js'
import { ZERO_USAGE } from '../../src/llm/types.js'
import { openReviewSession, reviewThreads, shouldConverge, type ReviewSession, type ReviewSessionStart } from '../../src/review/review-session.js'
import { readReviewState, reviewStateKey, type ReviewState } from '../../src/review/review-state.js'
import type { Invocation } from '../../src/route/types.js'
import type { FaultSpec } from '../support/github-server.js'
import { pullFile, type PullFileSeed } from '../support/github-world.js'
import { addedLines, REPO, startHarness, type Harness } from '../github/harness.js'
import { insertion } from './builders.js'

const NUMBER = 7
const NOW = new Date('2025-03-10T12:00:00Z')
const head = (digit: number): string => String(digit).repeat(40)
const [H1, H2, H3, H4, H5] = [1, 2, 3, 4, 5].map(head) as [string, string, string, string, string]

const NULL_DEREF = 'Possible null dereference: `user` may be undefined here when the session expired.'
const NULL_DEREF_REWORDED = 'When the session expired, `user` can be undefined here: a possible null dereference.'
const UNHANDLED = 'The promise returned by `save()` is not awaited, so a failed save goes unnoticed.'

const APP = 'src/app.ts'
const UTIL = 'src/util.ts'
/** Inserts two lines after line 10 of src/app.ts: line 20 becomes line 22. */
const INSERT_AT_10 = insertion(10, 2)
/** Replaces line 20 of src/app.ts. */
const REPLACE_20 = '@@ -18,5 +18,5 @@\n line 18\n line 19\n-line 20\n+line 20, fixed\n line 21\n line 22'

function reviewer(review?: unknown): AgentDef {
  return {
    name: 'reviewer',
    instructions: 'Review the pull request.',
    tools: [{ name: 'github_post_review', enabled: true, config: {} }],
    maxIterations: 10,
    extra: review === undefined ? {} : { review },
    location: { file: '.github/aof/reviewer.yaml', line: 1 }
  }
}

function prEvent(action: string, sha: string, over: Partial<EventContext> = {}): EventContext {
  return {
    name: 'pull_request',
    action,
    repository: REPO,
    sender: { login: 'alice', id: 1, type: 'User' },
    branch: 'main',
    headSha: sha,
    number: NUMBER,
    isPullRequest: true,
    text: null,
    commentId: null,
    commentCreatedAt: null,
    defaultBranch: null,
    baseSha: null,
    fromFork: false,
    metadata: {},
    ...over
  }
}

const INVOCATION: Invocation = { via: 'event-action', key: 'pull_request', args: '', target: { kind: 'agent', name: 'reviewer' }, params: {} }

function result(stoppedBy: StoppedBy = 'end'): AgentRunResult {
  return { finalText: '', stoppedBy, truncated: false, turns: 1, usage: ZERO_USAGE, perTurn: [], toolCalls: [], estimatedCostUsd: null, messages: [] }
}

let h: Harness
/** Logins whose permission the session asked for, in order. */
const permissionLookups: string[] = []

beforeEach(async () => {
  h = await startHarness()
  h.server.world.addPull(REPO, { number: NUMBER, user: 'alice', head: { sha: H1 }, base: { sha: head(9) }, files: prFiles(40) })
})

afterEach(async () => {
  expect(h.server.invalidRequests).toEqual([])
  await h.server.close()
})

/** The PR's diff: src/app.ts all added (lines 1..appLines), src/util.ts all added (1..10). */
function prFiles(appLines: number): ReturnType<typeof pullFile>[] {
  return [pullFile({ filename: APP, status: 'added', patch: addedLines(1, appLines) }), pullFile({ filename: UTIL, status: 'added', patch: addedLines(1, 10) })]
}

/** A push: the PR now has head `sha`; `delta` is what compare(from...sha) answers (none: 404, a force-push). */
function push(sha: string, from: string, delta: PullFileSeed[] | null, appLines = 42): void {
  const pull = h.server.world.issue(REPO, NUMBER)?.pull
  if (!pull) throw new Error('no pull request')
  pull.head.sha = sha
  pull.files = prFiles(appLines)
  if (delta) h.server.world.setCompare(REPO, from, sha, delta)
}

interface Run {
  start: ReviewSessionStart
  port: GitHubPort
  publisher: Publisher
  /** Operation ids of this run's requests, in order. */
  calls(): string[]
}

/** A new job: fresh Octokit, port and publisher; recorded requests start empty. */
async function open(
  event: EventContext,
  options: { agent?: AgentDef; runAttempt?: number; dryRun?: boolean; invocation?: Invocation; faults?: FaultSpec[] } = {}
): Promise<Run> {
  h.server.reset()
  for (const fault of options.faults ?? []) h.server.fail(fault)
  const { port, publisher } = h.rerun({ dryRun: options.dryRun ?? false })
  const start = await openReviewSession({
    port,
    publisher,
    event,
    agent: options.agent ?? reviewer(),
    invocation: options.invocation ?? INVOCATION,
    headSha: event.headSha as string,
    number: NUMBER,
    now: NOW,
    baseSha: head(9),
    serverUrl: h.server.origin,
    ...(options.runAttempt !== undefined ? { runAttempt: options.runAttempt } : {}),
    logger: h.log,
    // alice maintains the repository; everyone else only reads it.
    permissionOf: async (login) => {
      permissionLookups.push(login)
      return login === 'alice' ? 'write' : 'read'
    }
  })
  return { start, port, publisher, calls: () => h.calls() }
}

function sessionOf(run: Run): ReviewSession {
  if (run.start.kind !== 'run') throw new Error(`expected a review to run, got a skip: ${run.start.reason}`)
  return run.start.session
}

/** What the review tool does with the agent's comments; then the run ends. */
async function agentReviews(session: ReviewSession, sha: string, comments: DraftComment[], stoppedBy: StoppedBy = 'end') {
  const outcome = comments.length
    ? await session.publisher.submitReview(NUMBER, { event: 'COMMENT', body: 'Review', comments }, { headSha: sha, allowApprove: false })
    : null
  await session.finish(result(stoppedBy))
  return outcome
}

function summaryComments() {
  return h.server.world.comments.filter((c) => c.body.includes('github-agent:review-summary:reviewer'))
}

function storedState(): ReviewState | null {
  const body = summaryComments()[0]?.body ?? null
  return readReviewState(body, reviewStateKey('reviewer'), null).state
}

function sentComments(): { path: string; line: number; body: string }[] {
  const request = h.server.requests.find((r) => r.operationId === 'pulls/create-review')
  return (request?.body as { comments: { path: string; line: number; body: string }[] } | undefined)?.comments ?? []
}

/** Run 1 of every sequence: the PR is opened and the agent posts NULL_DEREF on src/app.ts:20. */
async function firstReview(): Promise<Run> {
  const run = await open(prEvent('opened', H1))
  await agentReviews(sessionOf(run), H1, [{ path: APP, line: 20, body: NULL_DEREF }])
  return run
}

describe('a converging review over a sequence of runs', () => {
  it('reviews everything when the pull request is opened and records the state in one summary comment', async () => {
    const run = await open(prEvent('opened', H1))
    const session = sessionOf(run)
    expect(session.describe).toBe('full: first review: the pull request was opened')
    expect(session.diff).toBeNull()
    expect(session.review).toEqual({ kind: 'full', since_commit: null, open_findings: [], dismissed_findings: [] })

    await agentReviews(session, H1, [{ path: APP, line: 20, body: NULL_DEREF }])

    expect(run.calls()).toEqual([
      'issues/list-comments', // open: the summary comment (none yet)
      'pulls/list-review-comments', // right before posting: findings a concurrent review posted
      'pulls/list-files', // the review tool: anchors
      'pulls/create-review',
      'pulls/list-review-comments', // finish: the new comment's id
      'issues/list-comments', // upsert
      'issues/create-comment',
      'issues/list-comments' // an older copy a concurrent run created
    ])
    const [posted] = h.server.world.reviewComments
    expect(storedState()).toMatchObject({
      headSha: H1,
      baseSha: head(9),
      findings: [{ path: APP, line: 20, status: 'open', commentId: posted?.id }],
      reviews: [NOW.toISOString()]
    })
    expect(summaryComments()).toHaveLength(1)
    expect(summaryComments()[0]?.body).toContain('Reviewed up to [`1111111`]')
    expect(summaryComments()[0]?.body).toContain('**1** open finding · **0** resolved')
  })

  it('does not post a finding that a review running at the same time posted after this one started', async () => {
    const run = await open(prEvent('opened', H1))
    h.server.world.addReview(REPO, NUMBER, {
      user: 'github-actions[bot]',
      event: 'COMMENT',
      commit_id: H1,
      comments: [{ path: APP, line: 20, body: NULL_DEREF }]
    })

    const outcome = await agentReviews(sessionOf(run), H1, [{ path: APP, line: 20, body: NULL_DEREF }])

    expect(h.server.countOf('pulls/create-review')).toBe(0)
    expect(outcome?.notes).toContain('1 inline comment repeated findings already on this pull request and was not posted again.')
    expect(h.server.world.reviewComments.filter((c) => c.body === NULL_DEREF)).toHaveLength(1)
  })

  it('reviews only the delta of a push touching one file, and does not post a finding again 2 lines lower', async () => {
    await firstReview()
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])

    const run = await open(prEvent('synchronize', H2))
    const session = sessionOf(run)
    expect(session.describe).toBe('incremental since 1111111: 1 file')
    expect(session.diff?.files.map((f) => [f.path, f.patch])).toEqual([[APP, INSERT_AT_10]])
    expect(session.diff?.omitted).toEqual([])
    expect(session.instructions).toContain('only the changes made since 1111111')
    expect(session.review.open_findings).toEqual([{ path: APP, line: 22, side: 'RIGHT', summary: NULL_DEREF, lines_changed_since_last_review: false }])

    const outcome = await agentReviews(session, H2, [
      { path: APP, line: 22, body: NULL_DEREF_REWORDED },
      { path: APP, line: 11, body: UNHANDLED }
    ])

    expect(sentComments()).toEqual([{ path: APP, line: 11, side: 'RIGHT', body: UNHANDLED }])
    expect(outcome?.notes).toContain('1 inline comment repeated findings already on this pull request and was not posted again.')
    expect(run.calls()).toEqual([
      'issues/list-comments',
      'repos/compare-commits',
      'pulls/list-files', // the PR's own paths (cached: the review tool reuses it)
      'pulls/list-review-comments', // threads of the open findings
      'pulls/list-review-comments', // right before posting
      'pulls/create-review',
      'pulls/list-review-comments',
      'issues/list-comments',
      'issues/update-comment'
    ])
    expect(h.server.world.reviewComments.filter((c) => c.body === NULL_DEREF || c.body === NULL_DEREF_REWORDED)).toHaveLength(1)
    expect(storedState()?.findings.map((f) => [f.line, f.status])).toEqual([
      [22, 'open'],
      [11, 'open']
    ])
    expect(summaryComments()[0]?.body).toContain('**2** open findings')
    expect(summaryComments()[0]?.body).toContain('1 new finding posted, 1 repeat of earlier findings not posted')
  })

  it.each<[string, string, number | undefined]>([
    ['a re-run of the workflow', 'synchronize', 2],
    ['a label change', 'labeled', undefined],
    ['an edit of the title', 'edited', undefined]
  ])('skips %s with no new commits: no compare, no model, no write', async (_what, action, runAttempt) => {
    await firstReview()
    const run = await open(prEvent(action, H1), { ...(runAttempt !== undefined ? { runAttempt } : {}) })

    expect(run.start).toEqual({ kind: 'skip', reason: expect.stringContaining('no new commits since the last reviewed commit 1111111') })
    expect(run.calls()).toEqual(['issues/list-comments'])
    expect(h.server.writes()).toEqual([])
  })

  it('falls back to a full review with a note when a force-push lost the last reviewed commit (compare 404)', async () => {
    await firstReview()
    push(H3, H1, null)

    const run = await open(prEvent('synchronize', H3))
    const session = sessionOf(run)
    expect(session.describe).toBe('full: force-push or rebase: the last reviewed commit 1111111 is no longer in the branch; reviewing everything')
    expect(session.diff).toBeNull()
    expect(session.instructions).toContain('This review covers the whole pull request (force-push or rebase')
    expect(h.server.requests.find((r) => r.operationId === 'repos/compare-commits')?.status).toBe(404)

    // The model repeats its earlier finding on the rewritten branch: still not posted twice.
    await agentReviews(session, H3, [{ path: APP, line: 20, body: NULL_DEREF }])

    expect(run.calls()).toEqual([
      'issues/list-comments',
      'repos/compare-commits',
      'pulls/list-review-comments',
      'issues/list-comments',
      'issues/update-comment'
    ])
    expect(summaryComments()[0]?.body).toContain('**This run:** full review: force-push or rebase')
    expect(storedState()?.headSha).toBe(H3)
  })

  it('skips once the cap of reviews per day is reached, without comparing', async () => {
    const agent = reviewer({ max_reviews_per_day: 2 })
    const first = await open(prEvent('opened', H1), { agent })
    await agentReviews(sessionOf(first), H1, [])
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])
    await agentReviews(sessionOf(await open(prEvent('synchronize', H2), { agent })), H2, [])
    push(H4, H2, [{ filename: UTIL, patch: insertion(5, 1) }])

    const run = await open(prEvent('synchronize', H4), { agent })

    expect(run.start).toEqual({ kind: 'skip', reason: expect.stringContaining('the cap of 2 reviews per pull request per day is reached') })
    expect(run.calls()).toEqual(['issues/list-comments'])
    expect(h.server.writes()).toEqual([])
  })

  it("lets a trigger command raise the cap above the agent's", async () => {
    const agent = reviewer({ max_reviews_per_day: 1 })
    await agentReviews(sessionOf(await open(prEvent('opened', H1), { agent })), H1, [])
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])
    const invocation: Invocation = { ...INVOCATION, params: { review: { max_reviews_per_day: 5 } } }

    expect((await open(prEvent('synchronize', H2), { agent, invocation })).start.kind).toBe('run')
  })
})

describe('earlier findings', () => {
  it('resolves the thread of a finding whose line the push changed, replies in it, and counts it as resolved', async () => {
    await firstReview()
    const root = h.server.world.reviewComments[0]
    push(H2, H1, [{ filename: APP, patch: REPLACE_20 }], 40)

    const run = await open(prEvent('synchronize', H2))
    const session = sessionOf(run)
    expect(session.review.open_findings).toEqual([expect.objectContaining({ line: 20, lines_changed_since_last_review: true })])
    await agentReviews(session, H2, [])

    const calls = run.calls()
    expect(calls.slice(0, 4)).toEqual(['issues/list-comments', 'repos/compare-commits', 'pulls/list-files', 'pulls/list-review-comments'])
    // At the end, the summary comment is looked up while the thread is resolved and answered; then it is written.
    expect(calls.slice(4, -1).sort()).toEqual([
      'graphql/repository',
      'graphql/resolveReviewThread',
      'issues/list-comments',
      'pulls/create-reply-for-review-comment'
    ])
    expect(calls.indexOf('graphql/resolveReviewThread')).toBeLessThan(calls.indexOf('pulls/create-reply-for-review-comment'))
    expect(calls.at(-1)).toBe('issues/update-comment')
    expect(h.server.world.resolvedThreads.has(root?.id ?? -1)).toBe(true)
    const reply = h.server.world.reviewComments.at(-1)
    expect(reply?.in_reply_to_id).toBe(root?.id)
    expect(reply?.body).toContain('The lines of this finding changed in `2222222`')
    expect(reply?.body).toContain('Resolving this thread')
    expect(reply?.body).toContain('<!-- github-agent:review-reply:reviewer -->')
    expect(storedState()?.findings[0]?.status).toBe('addressed')
    expect(summaryComments()[0]?.body).toContain('**0** open findings · **1** resolved')
  })

  it('keeps a finding open when the agent reports it again on its changed line', async () => {
    await firstReview()
    push(H2, H1, [{ filename: APP, patch: REPLACE_20 }], 40)

    const run = await open(prEvent('synchronize', H2))
    await agentReviews(sessionOf(run), H2, [{ path: APP, line: 20, body: NULL_DEREF }])

    expect(run.calls()).not.toContain('pulls/create-reply-for-review-comment')
    expect(run.calls()).not.toContain('pulls/create-review')
    expect(storedState()?.findings.map((f) => f.status)).toEqual(['open'])
  })

  it('stays quiet on a thread a person answered "won\'t fix", and never posts that finding again', async () => {
    await firstReview()
    const root = h.server.world.reviewComments[0]
    if (!root) throw new Error('no review comment')
    h.server.world.reviewComments.push({
      ...root,
      id: h.server.world.id(),
      in_reply_to_id: root.id,
      body: "Won't fix: legacy callers rely on this.",
      user: h.server.world.addUser('alice')
    })
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])

    const run = await open(prEvent('synchronize', H2))
    const session = sessionOf(run)
    expect(session.review.open_findings).toEqual([])
    expect(session.review.dismissed_findings).toEqual([expect.objectContaining({ path: APP, line: 22 })])
    await agentReviews(session, H2, [{ path: APP, line: 22, body: NULL_DEREF }])

    expect(run.calls()).not.toContain('pulls/create-review')
    expect(run.calls()).not.toContain('pulls/create-reply-for-review-comment')
    expect(storedState()?.findings.map((f) => f.status)).toEqual(['dismissed'])
  })

  it('keeps the finding open when a reader answers "won\'t fix", and shows their opinion in the summary', async () => {
    await firstReview()
    const root = h.server.world.reviewComments[0]
    if (!root) throw new Error('no review comment')
    const reply = (login: string, body: string) =>
      h.server.world.reviewComments.push({ ...root, id: h.server.world.id(), in_reply_to_id: root.id, body, user: h.server.world.addUser(login) })
    reply('drive-by', "Won't fix.")
    reply('drive-by', 'This is a false positive, really.')
    reply('bystander', 'Good catch, thanks.')
    permissionLookups.length = 0
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])

    const run = await open(prEvent('synchronize', H2))
    const session = sessionOf(run)
    expect(session.review.dismissed_findings).toEqual([])
    expect(session.review.open_findings).toEqual([expect.objectContaining({ path: APP, line: 22 })])
    await agentReviews(session, H2, [])

    expect(storedState()?.findings.map((f) => f.status)).toEqual(['open'])
    const summary = h.server.world.comments.find((c) => c.body.includes('Opinions, not dismissals'))?.body ?? ''
    expect(summary).toMatch(/drive-by on `src\/app.ts:22`: “Won't fix.”/)
    // Asked once for the one author whose replies read as dismissals; never for the others.
    expect(permissionLookups).toEqual(['drive-by'])
  })

  it('reads replies by in_reply_to_id, with the action known by its Bot account or its marker', () => {
    const base = { reviewId: 1, path: APP, line: 20, originalLine: 20, side: 'RIGHT' as const, createdAt: '' }
    const threads = reviewThreads([
      { ...base, id: 1, inReplyToId: null, body: 'finding', author: 'github-actions[bot]', authorType: 'Bot' },
      { ...base, id: 2, inReplyToId: 1, body: 'by design', author: 'alice', authorType: 'User' },
      { ...base, id: 3, inReplyToId: 1, body: 'looks addressed <!-- github-agent:review-reply:reviewer -->', author: 'a-pat-user', authorType: 'User' },
      { ...base, id: 4, inReplyToId: null, line: null, body: 'another finding', author: 'github-actions[bot]', authorType: 'Bot' }
    ])
    expect(threads).toEqual([
      {
        commentId: 1,
        replies: [
          { author: 'alice', body: 'by design', fromAction: false },
          { author: 'a-pat-user', body: 'looks addressed <!-- github-agent:review-reply:reviewer -->', fromAction: true }
        ]
      },
      { commentId: 4, outdated: true, replies: [] }
    ])
  })
})

describe('what a run leaves behind', () => {
  it('does not advance the reviewed head when the agent did not finish', async () => {
    await firstReview()
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])
    const failed = await open(prEvent('synchronize', H2))
    await agentReviews(sessionOf(failed), H2, [], 'budget')
    expect(failed.calls()).toEqual(['issues/list-comments', 'repos/compare-commits', 'pulls/list-files', 'pulls/list-review-comments'])

    push(H5, H1, [{ filename: APP, patch: INSERT_AT_10 }])
    const next = await open(prEvent('synchronize', H5))
    expect(sessionOf(next).describe).toBe('incremental since 1111111: 1 file')
    expect(h.server.requests.find((r) => r.operationId === 'repos/compare-commits')?.path).toBe(`/repos/${REPO}/compare/${H1}...${H5}`)
  })

  it('writes nothing in dry-run, and plans the resolution, the reply and the summary update', async () => {
    await firstReview()
    push(H2, H1, [{ filename: APP, patch: REPLACE_20 }], 40)

    const run = await open(prEvent('synchronize', H2), { dryRun: true })
    await agentReviews(sessionOf(run), H2, [{ path: APP, line: 11, body: UNHANDLED }])

    expect(h.server.writes()).toEqual([])
    expect(run.publisher.planned.map((p) => p.operation)).toEqual(['create-review', 'resolve-review-threads', 'reply-review-comment', 'update-comment'])
    expect(storedState()?.headSha).toBe(H1)
  })

  it('posts a finding once even when the agent submits two reviews in one run', async () => {
    const run = await open(prEvent('opened', H1))
    const session = sessionOf(run)
    await session.publisher.submitReview(
      NUMBER,
      { event: 'COMMENT', body: 'First', comments: [{ path: APP, line: 20, body: NULL_DEREF }] },
      { headSha: H1, allowApprove: false }
    )
    const second = await session.publisher.submitReview(
      NUMBER,
      { event: 'COMMENT', body: 'Second', comments: [{ path: APP, line: 21, body: NULL_DEREF_REWORDED }] },
      { headSha: H1, allowApprove: false }
    )
    await session.finish(result())

    expect(second.sent).toBe(false)
    expect(second.notes).toContain('No review was posted: there was nothing new in it.')
    expect(h.server.countOf('pulls/create-review')).toBe(1)
    expect(storedState()?.findings).toHaveLength(1)
    expect(session.dropped).toEqual([`${APP}:21 repeats a comment an earlier review of this run posted`])
  })

  it('remembers a finding that went into the review body (outside the diff) without a thread', async () => {
    const run = await open(prEvent('opened', H1))
    await agentReviews(sessionOf(run), H1, [{ path: 'README.md', line: 3, body: 'The setup steps are out of date.' }])

    expect(h.server.world.reviewComments).toEqual([])
    expect(storedState()?.findings).toEqual([expect.objectContaining({ path: 'README.md', line: 3, status: 'open', commentId: null })])
  })
})

describe('when GitHub does not answer', () => {
  it('reviews everything when the last reviewed commit cannot be compared (not a 404)', async () => {
    await firstReview()
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])

    const run = await open(prEvent('synchronize', H2), { faults: [{ operationId: 'repos/compare-commits', status: 403 }] })

    expect(sessionOf(run).describe).toBe('full: the changes since the last reviewed commit 1111111 could not be compared; reviewing everything')
    expect(h.log.lines).toContainEqual(
      expect.stringMatching(/^warning: Could not compare 1111111\.\.\.2222222 \(HTTP 403 Resource not accessible by integration.*\); reviewing everything\.$/)
    )
  })

  it('still reviews when the summary comment cannot be read, and then leaves it alone', async () => {
    await firstReview()
    push(H2, H1, [{ filename: APP, patch: INSERT_AT_10 }])

    const run = await open(prEvent('synchronize', H2), { faults: [{ operationId: 'issues/list-comments', status: 403 }] })
    const session = sessionOf(run)
    expect(session.describe).toMatch(/^full: the review summary comment could not be read \(HTTP 403 .*\); earlier findings are not known in this run$/)
    await agentReviews(session, H2, [{ path: APP, line: 11, body: UNHANDLED }])

    expect(run.calls()).toEqual(['issues/list-comments', 'pulls/list-files', 'pulls/create-review'])
    expect(storedState()?.headSha).toBe(H1)
  })
})

describe('shouldConverge', () => {
  it.each<[string, boolean, AgentDef, EventContext]>([
    ['an agent that posts reviews, on a pull request event', true, reviewer(), prEvent('synchronize', H1)],
    ['an agent that posts reviews, on a comment on a pull request', true, reviewer(), prEvent('created', H1, { name: 'issue_comment' })],
    [
      'an agent without github_post_review',
      false,
      { ...reviewer(), tools: [{ name: 'github_post_comment', enabled: true, config: {} }] },
      prEvent('synchronize', H1)
    ],
    [
      'an agent whose github_post_review is disabled',
      false,
      { ...reviewer(), tools: [{ name: 'github_post_review', enabled: false, config: {} }] },
      prEvent('synchronize', H1)
    ],
    ['an issue', false, reviewer(), prEvent('opened', H1, { name: 'issues', isPullRequest: false, headSha: null })],
    ['a pull request whose head is not known', false, reviewer(), prEvent('created', H1, { name: 'issue_comment', headSha: null })]
  ])('%s: %p', (_what, expected, agent, event) => {
    expect(shouldConverge(agent, event)).toBe(expected)
  })
})
