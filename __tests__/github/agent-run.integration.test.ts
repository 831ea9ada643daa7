// One agent run end to end through the tools, with a fault injected per scenario: nothing lost,
// nothing written twice, the check run closed, and the exact number of API calls.
import { CheckRunLifecycle } from '../../src/github/check-run-lifecycle.js'
import { createGitHubTools, type GitHubToolContext } from '../../src/github/create-github-tools.js'
import type { FaultSpec } from '../support/github-server.js'
import { addedLines, REPO, startHarness, type Harness } from './harness.js'

const HEAD = 'ddd0000000000000000000000000000000000004'
const CTX: GitHubToolContext = { repo: REPO, number: 9, headSha: HEAD, isPullRequest: true, commentKey: 'pr/reviewer' }
const SECONDARY = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }

const BASE_CALLS = [
  'checks/create',
  'pulls/list-files',
  'pulls/create-review',
  'issues/list-labels-for-repo',
  'issues/add-labels',
  'issues/list-comments',
  'issues/create-comment',
  // Another run may have created the same comment meanwhile: one look for an older copy.
  'issues/list-comments',
  'checks/update'
]

let h: Harness

beforeEach(async () => {
  h = await startHarness()
  h.server.world.addPull(REPO, { number: 9, user: 'alice', head: { sha: HEAD }, files: [{ filename: 'src/lib.ts', patch: addedLines(1, 9) }] })
  h.server.world.addLabel(REPO, 'needs-work')
})

afterEach(async () => {
  expect(h.server.invalidRequests).toEqual([])
  await h.server.close()
})

/** What an agent run does: open the check, review with 10 comments (one outside the diff), label, comment, close. */
async function agentRun(): Promise<{ errors: string[] }> {
  const check = new CheckRunLifecycle(h.publisher, { name: 'github-agent', headSha: HEAD, logger: h.log })
  const tools = Object.fromEntries(
    createGitHubTools(
      CTX,
      h.port,
      { allowApprove: false, createLabels: false, toolNames: ['github_post_review', 'github_add_labels', 'github_post_comment'] },
      h.publisher
    ).map((t) => [t.name, t])
  )
  const errors: string[] = []
  await check.start()
  try {
    const comments = Array.from({ length: 10 }, (_, i) => ({ path: 'src/lib.ts', line: i === 9 ? 50 : i + 1, body: `finding ${i}` }))
    for (const [name, input] of [
      ['github_post_review', { event: 'REQUEST_CHANGES', body: 'Please fix', comments }],
      ['github_add_labels', { labels: ['needs-work'] }],
      ['github_post_comment', { body: 'Review done.' }]
    ] as const) {
      const result = await tools[name]?.run(input)
      if (result?.isError) errors.push(result.content)
    }
  } finally {
    await check.complete(
      errors.length > 0 ? { conclusion: 'failure', title: 'Failed', summary: errors.join('\n') } : { conclusion: 'success', title: 'Reviewed', summary: 'ok' }
    )
  }
  return { errors }
}

function expectNothingLost(): void {
  const world = h.server.world
  expect(world.reviews).toHaveLength(1)
  expect(world.reviews[0]).toMatchObject({ state: 'CHANGES_REQUESTED', commit_id: HEAD })
  expect(world.reviewComments).toHaveLength(9)
  expect(world.reviews[0]?.body).toContain('- `src/lib.ts:50` — finding 9')
  expect(world.issue(REPO, 9)?.labels).toEqual(['needs-work'])
  expect(world.comments).toHaveLength(1)
}

describe('an agent run against a GitHub that misbehaves', () => {
  it.each<[string, FaultSpec | null, string | null]>([
    ['nothing goes wrong', null, null],
    [
      'the review meets a 403 secondary rate limit with retry-after',
      { operationId: 'pulls/create-review', status: 403, headers: { 'retry-after': '5' }, body: SECONDARY },
      'pulls/create-review'
    ],
    ['labelling meets a 429', { operationId: 'issues/add-labels', status: 429 }, 'issues/add-labels'],
    ['the comment meets a 500 once', { operationId: 'issues/create-comment', status: 500 }, 'issues/create-comment'],
    ['listing the files meets a 502 once', { operationId: 'pulls/list-files', status: 502 }, 'pulls/list-files'],
    ['closing the check run meets a 503 once', { operationId: 'checks/update', status: 503 }, 'checks/update']
  ])('loses nothing and writes nothing twice when %s', async (_name, fault, retried) => {
    if (fault) h.server.fail(fault)
    const { errors } = await agentRun()

    expect(errors).toEqual([])
    expectNothingLost()
    const expected = [...BASE_CALLS]
    if (retried) expected.splice(expected.indexOf(retried) + 1, 0, retried)
    expect(h.calls()).toEqual(expected)
    expect(h.server.world.checkRuns).toMatchObject([{ status: 'completed', conclusion: 'success' }])
    expect(h.server.pendingFaults()).toBe(0)
  })

  it('closes the check run as failed when a write is refused for good, and still does the rest', async () => {
    h.server.fail({ operationId: 'pulls/create-review', status: 403 })
    const { errors } = await agentRun()

    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Could not submit review REQUEST_CHANGES on #9 with 9 inline comments: HTTP 403 Resource not accessible by integration/)
    expect(h.server.world.reviews).toHaveLength(0)
    expect(h.server.world.comments).toHaveLength(1)
    expect(h.calls()).toEqual(BASE_CALLS)
    expect(h.server.world.checkRuns).toMatchObject([{ status: 'completed', conclusion: 'failure' }])
  })

  it('records each applied write with its link for the job summary', async () => {
    await agentRun()
    expect(h.publisher.records().map((r) => [r.operation, r.planned, Boolean(r.url)])).toEqual([
      ['create-check-run', false, true],
      ['create-review', false, true],
      ['add-labels', false, false],
      ['create-comment', false, true],
      ['update-check-run', false, true]
    ])
  })
})
