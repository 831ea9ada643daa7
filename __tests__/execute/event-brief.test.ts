import {
  buildEventBrief,
  CI_LOG_TAIL_CHARS,
  CI_LOG_TAIL_LINES,
  commonCut,
  logTail,
  RECENT_COMMENTS,
  REVIEW_THREAD_SHOWN,
  reviewThreadComments,
  threadComments,
  type CiJob,
  type ThreadComment
} from '../../src/execute/event-brief.js'
import type { PullReviewComment } from '../../src/github/github-port.js'

function comment(id: number, body: string, extra: Partial<ThreadComment> = {}): ThreadComment {
  return { id, author: 'ann', createdAt: `2026-01-0${(id % 9) + 1}T00:00:00Z`, body, byThisAction: false, ...extra }
}

describe('commonCut', () => {
  it.each([
    { lengths: [10, 20], max: 100, expected: null },
    { lengths: [10, 100, 100], max: 110, expected: 50 },
    { lengths: [10, 1000], max: 110, expected: 100 },
    { lengths: [300, 300, 300], max: 300, expected: 100 }
  ])('cuts $lengths to fit $max at $expected, shorter texts whole', ({ lengths, max, expected }) => {
    expect(commonCut(lengths, max)).toBe(expected)
  })
})

describe('buildEventBrief', () => {
  it('removes what GitHub hides from prose and marks it in code', () => {
    const brief = buildEventBrief({ comment: { body: 'see <!-- obey me -->this\u200B', diff_hunk: '@@ -1 +1 @@\n+<!-- x -->' } }, null)
    expect(brief).toEqual({ comment: { body: 'see this', diff_hunk: '@@ -1 +1 @@\n+[hidden HTML comment: 10 characters not shown]' } })
  })

  it('adds the thread without the event’s own comment, marking the action’s comments', () => {
    const brief = buildEventBrief({ comment: { body: 'now' } }, [comment(1, 'first'), comment(2, 'ours', { byThisAction: true }), comment(3, 'now')], {
      excludeCommentId: 3
    })
    expect(brief?.recent_comments).toEqual([
      { author: 'ann', time: '2026-01-02T00:00:00Z', text: 'first' },
      { author: 'ann', time: '2026-01-03T00:00:00Z', by_this_action: true, text: 'ours' }
    ])
    expect(brief?.note).toBeUndefined()
  })

  it('keeps only the most recent comments and says so', () => {
    const thread = Array.from({ length: RECENT_COMMENTS + 5 }, (_, i) => comment(i + 1, `c${i + 1}`))
    const brief = buildEventBrief(null, thread)
    expect(brief?.recent_comments).toHaveLength(RECENT_COMMENTS)
    expect(JSON.stringify(brief?.recent_comments)).toContain(`c${RECENT_COMMENTS + 5}`)
    expect(JSON.stringify(brief?.recent_comments)).not.toContain('"c5"')
    expect(brief?.note).toContain(`the ${RECENT_COMMENTS} most recent of the thread's ${RECENT_COMMENTS + 5} other comments`)
  })

  it('cuts the longest texts to one length to fit the budget, says the rule, and leaves short texts whole', () => {
    const brief = buildEventBrief({ issue: { title: 'Short title', body: 'x'.repeat(10_000) } }, [comment(1, 'y'.repeat(10_000))], { maxTokens: 1_000 })
    const text = JSON.stringify(brief)
    expect(text).toContain('Short title')
    expect(text).toMatch(/characters cut\]/)
    expect(text.length).toBeLessThan(1_000 * 4 + 600)
    expect(brief?.note).toMatch(/longest texts are cut to their first [\d,]+ characters/)
  })

  it('is null when the event has nothing to read', () => {
    expect(buildEventBrief(null, [])).toBeNull()
  })

  it('marks the action’s own comments by its login, case-insensitively', () => {
    const marked = threadComments(
      [
        { id: 1, body: 'a', author: 'GitHub-Actions[bot]', authorType: 'Bot', createdAt: 't', htmlUrl: 'u' },
        { id: 2, body: 'b', author: 'ann', authorType: 'User', createdAt: 't', htmlUrl: 'u' }
      ],
      'github-actions[bot]'
    )
    expect(marked.map((c) => c.byThisAction)).toEqual([true, false])
  })
})

describe('buildAgentContext with a brief', () => {
  it('gives the subject and drops the unbudgeted copies of the comment and review bodies from the metadata', async () => {
    const { buildAgentContext } = await import('../../src/execute/build-agent-context.js')
    const { buildEventContext } = await import('../../src/event/build-event-context.js')
    const event = buildEventContext('issue_comment', {
      action: 'created',
      comment: { id: 5, body: 'long text', user: { login: 'ann' } },
      issue: { number: 1, title: 'T' },
      repository: { full_name: 'o/r' }
    })
    const brief = buildEventBrief(event.subject ?? null, null)
    const context = buildAgentContext(event, { via: 'default', key: null, args: '', params: {}, target: null } as never, event.metadata, null, brief)
    expect(context.subject).toEqual({ comment: { author: 'ann', body: 'long text' }, issue: { number: 1, title: 'T' } })
    expect(context.metadata).not.toHaveProperty('comment_body')
    expect(event.metadata.comment_body).toBe('long text')
  })
})

describe('the failed jobs of a CI run', () => {
  const job = (name: string, conclusion: string, log: string | null, steps: [string, string][] = []): CiJob => ({
    name,
    conclusion,
    url: null,
    steps: steps.map(([n, c], i) => ({ number: i + 1, name: n, conclusion: c })),
    logTail: log
  })

  it('keeps the last lines of a log, timestamps dropped', () => {
    const log = ['2026-01-01T00:00:00.0000000Z one', '2026-01-01T00:00:01.1234567Z two', 'three', ''].join('\n')
    expect(logTail(log, 2, 1000)).toEqual({ text: 'two\nthree', cut: true })
    expect(logTail(log, 10, 1000)).toEqual({ text: 'one\ntwo\nthree', cut: false })
    expect(logTail('abcdef', 10, 3)).toEqual({ text: 'def', cut: true })
  })

  it('shows only failed jobs, their failed steps and log tails, hidden text marked as code', () => {
    const brief = buildEventBrief({ workflow_run: { conclusion: 'failure' } }, null, {
      ciFailure: [
        job('lint', 'success', null, [['eslint', 'success']]),
        job('test', 'failure', 'ok\nFAIL a.test.ts <!-- obey -->', [
          ['checkout', 'success'],
          ['npm test', 'failure']
        ])
      ]
    })
    expect(brief?.ci_failure).toEqual({
      failed_jobs: [
        { name: 'test', conclusion: 'failure', failed_steps: ['npm test'], log_tail: 'ok\nFAIL a.test.ts [hidden HTML comment: 13 characters not shown]' }
      ]
    })
  })

  it('keeps every tail within its share of the budget and says so', () => {
    const long = Array.from({ length: 500 }, (_, i) => `line ${i} <!-- hid --> ${'x'.repeat(200)}`).join('\n')
    const brief = buildEventBrief(null, null, { ciFailure: [job('a', 'failure', long), job('b', 'timed_out', long)] })
    const ci = brief?.ci_failure as { failed_jobs: { log_tail: string }[]; note: string }
    for (const j of ci.failed_jobs) {
      expect(j.log_tail.length).toBeLessThanOrEqual(CI_LOG_TAIL_CHARS / 2)
      expect(j.log_tail.endsWith(`line 499 [hidden HTML comment: 12 characters not shown] ${'x'.repeat(200)}`)).toBe(true)
    }
    expect(ci.note).toContain(`last ${CI_LOG_TAIL_LINES} lines`)
  })

  it('gives nothing when no job failed', () => {
    expect(buildEventBrief(null, null, { ciFailure: [job('a', 'success', 'fine')] })).toBeNull()
  })
})

describe('reviewThreadComments', () => {
  const at = (n: number) => `2026-01-01T00:00:0${n}Z`
  const rc = (id: number, inReplyToId: number | null, t: number, author = 'ann'): PullReviewComment => ({
    id,
    reviewId: 1,
    inReplyToId,
    path: 'a.ts',
    line: 1,
    originalLine: 1,
    side: 'RIGHT',
    body: `c${id}`,
    author,
    authorType: 'User',
    createdAt: at(t)
  })

  it('gives the earlier comments of the thread, following a chain of replies, oldest first', () => {
    const comments = [rc(1, null, 1), rc(2, 1, 2, 'github-actions[bot]'), rc(3, 2, 3), rc(9, null, 3), rc(4, 1, 4), rc(5, 1, 5)]
    const thread = reviewThreadComments(comments, 4, 1, 'github-actions[bot]')
    expect(thread.map((c) => [c.id, c.byThisAction])).toEqual([
      [1, false],
      [2, true],
      [3, false]
    ])
  })

  it('leaves out comments written after it in the same second', () => {
    expect(reviewThreadComments([rc(1, null, 1), rc(7, 1, 2), rc(6, 1, 2)], 6, 1, null).map((c) => c.id)).toEqual([1])
  })

  it("uses the event's in_reply_to_id when the listing does not hold the event's comment yet", () => {
    expect(reviewThreadComments([rc(1, null, 1), rc(2, 1, 2)], 99, 1, null).map((c) => c.id)).toEqual([1, 2])
  })

  it('is empty for a comment that starts a thread, and survives a reply cycle', () => {
    expect(reviewThreadComments([rc(1, null, 1)], 1, null, null)).toEqual([])
    expect(reviewThreadComments([rc(1, 2, 1), rc(2, 1, 2), rc(3, 1, 3)], 3, 1, null).map((c) => c.id)).toEqual([1, 2])
  })

  it('shows the most recent replies of a long thread and says so', () => {
    const thread = Array.from({ length: REVIEW_THREAD_SHOWN + 5 }, (_, i) => comment(i + 1, `r${i + 1}`))
    const brief = buildEventBrief({ comment: { body: 'x' } }, null, { reviewThread: thread })
    expect((brief?.review_thread as unknown[]).length).toBe(REVIEW_THREAD_SHOWN)
    expect(brief?.note).toContain(`review_thread holds the ${REVIEW_THREAD_SHOWN} most recent of its ${REVIEW_THREAD_SHOWN + 5} earlier comments.`)
  })
})
