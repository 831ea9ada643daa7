import { planReview, reviewAttempts, type DraftComment, type ReviewDraft } from '../../src/github/plan-review.js'
import type { ReviewRequest } from '../../src/github/types.js'
import type { ChangedFile } from '../../src/github/types.js'

const Z = '\u200b'
const files: ChangedFile[] = [
  { filename: 'src/app.ts', status: 'modified', additions: 3, deletions: 1, changes: 4, patch: '@@ -1,4 +1,6 @@\n a\n-b\n+B\n+C\n+D\n c\n d' },
  { filename: 'img.png', status: 'added', additions: 0, deletions: 0, changes: 0 }
]
const options = { headSha: 'a'.repeat(40), allowApprove: false, secrets: ['sk-secret-value'] }
const draft = (d: Partial<ReviewDraft>): ReviewDraft => ({ event: 'COMMENT', body: 'Looks fine.', comments: [], ...d })
const comment = (c: Partial<DraftComment>): DraftComment => ({ path: 'src/app.ts', line: 2, body: 'nit', ...c })

describe('planReview', () => {
  it('makes one request pinned to the head SHA with every anchored comment', () => {
    const comments = Array.from({ length: 10 }, (_, i) => comment({ line: 1 + (i % 6), body: `note ${i}` }))
    const plan = planReview(draft({ comments }), files, options)
    expect(plan.request.commit_id).toBe(options.headSha)
    expect(plan.request.comments).toHaveLength(10)
    expect(plan.request.comments[0]).toEqual({ path: 'src/app.ts', line: 1, side: 'RIGHT', body: 'note 0' })
    expect(plan.notes).toEqual([])
  })

  it('moves a comment outside the diff into the body instead of failing the review', () => {
    const plan = planReview(draft({ comments: [comment({ line: 40, body: 'old bug here' }), comment({ line: 3 })] }), files, options)
    expect(plan.request.comments).toEqual([{ path: 'src/app.ts', line: 3, side: 'RIGHT', body: 'nit' }])
    expect(plan.request.body).toBe('Looks fine.\n\n**Comments on lines outside the diff:**\n- `src/app.ts:40` — old bug here')
    expect(plan.notes).toEqual(['Inline comment moved into the review body: line 40 (RIGHT) is outside the diff of src/app.ts.'])
  })

  it('moves a comment on a binary file and a range crossing the diff edge into the body', () => {
    const plan = planReview(draft({ comments: [comment({ path: 'img.png', line: 1 }), comment({ start_line: 5, line: 9 })] }), files, options)
    expect(plan.request.comments).toEqual([])
    expect(plan.request.body).toContain('- `img.png:1` — nit')
    expect(plan.request.body).toContain('- `src/app.ts:5-9` — nit')
  })

  it('keeps a valid multi-line range with start_side', () => {
    const plan = planReview(draft({ comments: [comment({ start_line: 2, line: 4 })] }), files, options)
    expect(plan.request.comments).toEqual([{ path: 'src/app.ts', start_line: 2, start_side: 'RIGHT', line: 4, side: 'RIGHT', body: 'nit' }])
  })

  it('sends a range of one line as a plain comment', () => {
    const plan = planReview(draft({ comments: [comment({ start_line: 3, line: 3 })] }), files, options)
    expect(plan.request.comments[0]).not.toHaveProperty('start_line')
  })

  it('downgrades APPROVE to COMMENT with a note when the agent may not approve', () => {
    const plan = planReview(draft({ event: 'APPROVE', body: 'LGTM' }), files, options)
    expect(plan.request.event).toBe('COMMENT')
    expect(plan.request.body).toMatch(/^LGTM\n\n_The agent approved this pull request, but its configuration does not allow approvals/)
    expect(plan.notes).toHaveLength(1)
  })

  it('keeps APPROVE when the agent allows it', () => {
    expect(planReview(draft({ event: 'APPROVE', body: '' }), files, { ...options, allowApprove: true }).request).toMatchObject({ event: 'APPROVE', body: '' })
  })

  it('gives COMMENT and REQUEST_CHANGES a body, which GitHub requires', () => {
    expect(planReview(draft({ event: 'REQUEST_CHANGES', body: '  ' }), files, options).request.body).toBe('Review by github-agent.')
  })

  it('neutralises mentions and redacts secrets in the body, moved and inline comments', () => {
    const plan = planReview(
      draft({ body: '@alice key sk-secret-value', comments: [comment({ body: 'ask @bob' }), comment({ line: 99, body: '@carol sk-secret-value' })] }),
      files,
      options
    )
    expect(plan.request.body).toContain(`@${Z}alice key ***`)
    expect(plan.request.body).toContain(`@${Z}carol ***`)
    expect(plan.request.comments[0]?.body).toBe(`ask @${Z}bob`)
    expect(JSON.stringify(plan.request)).not.toContain('sk-secret-value')
  })

  it("cuts an oversized body to GitHub's limit", () => {
    const plan = planReview(draft({ body: 'x'.repeat(70_000) }), files, options)
    expect(plan.request.body.length).toBeLessThanOrEqual(65_536)
    expect(plan.request.body).toMatch(/…\(truncated\)$/)
  })
})

describe('reviewAttempts', () => {
  const request = (r: Partial<ReviewRequest>): ReviewRequest => ({ commit_id: 'c', event: 'COMMENT', body: 'B', comments: [], ...r })
  const inline = { path: 'a.ts', line: 3, side: 'RIGHT' as const, body: 'look @here' }

  it('sends a plain COMMENT review once, with nothing to fall back to', () => {
    expect(reviewAttempts(request({}), [])).toEqual([{ request: request({}), why: '' }])
  })

  it('falls back from an approval to a comment, then to a body without inline anchors', () => {
    const attempts = reviewAttempts(request({ event: 'APPROVE', comments: [inline] }), [])
    expect(attempts.map((a) => [a.request.event, a.request.comments.length])).toEqual([
      ['APPROVE', 1],
      ['COMMENT', 1],
      ['COMMENT', 0]
    ])
    expect(attempts[2]?.request.body).toBe(
      `B\n\n_GitHub did not accept a review with APPROVE; posted as a comment instead._\n\n**Comments on lines outside the diff:**\n- \`a.ts:3\` — look @${Z}here`
    )
  })

  it('folds the inline comments of a COMMENT review into its body as the only fallback', () => {
    const attempts = reviewAttempts(request({ comments: [inline] }), [])
    expect(attempts).toHaveLength(2)
    expect(attempts[1]?.why).toBe('GitHub did not accept the inline comments; they were moved into the review body.')
  })
})
