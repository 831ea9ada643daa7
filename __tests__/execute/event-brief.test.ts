import { buildEventBrief, commonCut, RECENT_COMMENTS, threadComments, type ThreadComment } from '../../src/execute/event-brief.js'

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
