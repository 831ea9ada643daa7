// The write path through the bundle: re-runs, dry-run, faults, and how many calls a run makes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { secondaryRateLimit, startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { fixtureEvent, type Payload } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const HEAD = 'c'.repeat(40)
// Ten added lines (2–11) in one hunk: anchors for ten inline comments.
const PATCH = '@@ -1,2 +1,12 @@\n line one\n' + Array.from({ length: 10 }, (_, i) => `+added ${i + 2}`).join('\n') + '\n line twelve'

const config = {
  '.github/aof/trigger.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: bot}',
    'spec:',
    '  type: GitHub',
    '  config: {github_events: [issue_comment, pull_request]}',
    '  commands:',
    '    pull_request.opened: {agent: reviewer}',
    '    /status: {agent: reporter}',
    ''
  ].join('\n'),
  '.github/aof/agents.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: reviewer}',
    'spec:',
    '  model: anthropic:claude-sonnet-5-5',
    '  instructions: Review.',
    '  tools: [github_post_review]',
    '---',
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: reporter}',
    'spec:',
    '  model: anthropic:claude-sonnet-5-5',
    '  instructions: Report status in one comment.',
    '  tools: [github_post_comment]',
    ''
  ].join('\n')
}

const FINDINGS = [
  'SQL built by string concatenation',
  'token written to the log',
  'missing null check on user',
  'retry loop never sleeps',
  'timezone dropped from the date',
  'off-by-one in the page count',
  'error swallowed without a trace',
  'regex has catastrophic backtracking',
  'file handle never closed',
  'magic number 86400 deserves a name'
]
const tenComments = FINDINGS.map((body, i) => ({ path: 'src/app.ts', line: i + 2, body }))

describe.each(nodeBinaries())('writes through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer
  let commandCommentId: number

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    for (const [path, text] of Object.entries(config)) github.world.setFile(REPO, 'master', path, text)
    github.world.addPull(REPO, { number: 2, head: { ref: 'changes', sha: HEAD }, base: { ref: 'master' }, files: [{ filename: 'src/app.ts', patch: PATCH }] })
    github.world.setPermission(REPO, 'Codertocat', 'admin')
    commandCommentId = github.world.addComment(REPO, 2, { body: '/status', user: 'Codertocat' }).id
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })
  beforeEach(() => github.reset())

  let nextPull = 10
  /** A new PR per test: reviews converge per PR and head, so a reused one would be skipped as reviewed. */
  function prOpened(): Payload {
    const number = nextPull++
    const head = number.toString(16).padStart(40, 'c')
    github.world.addPull(REPO, {
      number,
      head: { ref: `changes-${number}`, sha: head },
      base: { ref: 'master' },
      files: [{ filename: 'src/app.ts', patch: PATCH }]
    })
    const payload = fixtureEvent('pull_request.opened.json')
    payload.number = number
    payload.pull_request.number = number
    payload.pull_request.head.sha = head
    return payload
  }

  function statusComment(): Payload {
    const payload = fixtureEvent('issue_comment.created.on-pull-request.derived.json')
    payload.issue.number = 2
    payload.comment.body = '/status'
    payload.comment.id = commandCommentId
    return payload
  }

  function run(eventName: string, payload: Payload, inputs: Record<string, string> = {}) {
    return runAction({
      node,
      eventName,
      payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, ...inputs },
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
  }

  function reviewTurns(comments: unknown[]) {
    anthropic.script([
      { content: [{ type: 'tool_use', name: 'github_post_review', input: { event: 'COMMENT', body: 'Ten findings.', comments } }] },
      { content: [{ type: 'text', text: 'Done.' }] }
    ])
  }

  it('posts a review with 10 inline comments as one create-review request, in a first-review run of exactly 11 API calls', async () => {
    reviewTurns(tenComments)
    const result = await run('pull_request', prOpened())

    expect(result.exitCode).toBe(0)
    expect(github.countOf('pulls/create-review')).toBe(1)
    expect((github.requests.find((r) => r.operationId === 'pulls/create-review')?.body as { comments: unknown[] }).comments).toHaveLength(10)
    // config: one GraphQL query for the folder with its files; the review state (the action's summary comment);
    // check run; the diff; findings a concurrent review posted; the review; the posted comments' ids;
    // the summary comment, and a look for an older copy a concurrent run created; check run done.
    // Reads that do not wait for each other go together (the review state with the diff, the check
    // run with the first model call), so they are compared in no particular order.
    expect(github.requests.map((r) => r.operationId).sort()).toEqual(
      [
        'graphql/repository',
        'issues/list-comments',
        'checks/create',
        'pulls/list-files',
        'pulls/list-review-comments',
        'pulls/create-review',
        'pulls/list-review-comments',
        'issues/list-comments',
        'issues/create-comment',
        'issues/list-comments',
        'checks/update'
      ].sort()
    )
    expect(github.invalidRequests).toEqual([])
  })

  it('moves an inline comment outside the diff into the review body instead of sending a request GitHub would refuse', async () => {
    reviewTurns([
      { path: 'src/app.ts', line: 2, body: 'in the diff' },
      { path: 'src/app.ts', line: 40, body: 'far outside the diff' }
    ])
    const result = await run('pull_request', prOpened())

    expect(result.exitCode).toBe(0)
    const sent = github.requests.filter((r) => r.operationId === 'pulls/create-review')
    expect(sent.map((r) => r.status)).toEqual([200])
    const body = sent[0]?.body as { body: string; comments: { line: number }[] }
    expect(body.comments.map((c) => c.line)).toEqual([2])
    expect(body.body).toContain('far outside the diff')
  })

  it('rides out a secondary rate limit and a 500 with retries, and still writes each thing once', async () => {
    github.fail(secondaryRateLimit('pulls/create-review', { retryAfter: 1 }))
    github.fail({ operationId: 'checks/update', status: 500 })
    reviewTurns(tenComments)
    const result = await run('pull_request', prOpened())

    expect(result.exitCode).toBe(0)
    expect(github.requests.filter((r) => r.operationId === 'pulls/create-review').map((r) => r.status)).toEqual([403, 200])
    expect(github.requests.filter((r) => r.operationId === 'checks/update').map((r) => r.status)).toEqual([500, 200])
    expect(github.world.checkRuns.at(-1)).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(result.stdout).toMatch(/secondary rate limit/i)
  })

  it('updates its own comment on a re-run instead of adding a second one, and recreates it when someone deleted it', async () => {
    const say = (text: string) =>
      anthropic.script([{ content: [{ type: 'tool_use', name: 'github_post_comment', input: { body: text } }] }, { content: [{ type: 'text', text: 'ok' }] }])
    say('Status: green.')
    await run('issue_comment', statusComment())
    say('Status: still green.')
    await run('issue_comment', statusComment())

    const ops = github.requests.map((r) => r.operationId)
    expect(ops.filter((o) => o === 'issues/create-comment')).toHaveLength(1)
    expect(ops.filter((o) => o === 'issues/update-comment')).toHaveLength(1)
    const own = github.world.comments.filter((c) => c.body.includes('Status:'))
    expect(own).toHaveLength(1)
    expect(own[0]?.body).toContain('Status: still green.')
    expect(github.countOf('reactions/create-for-issue-comment')).toBe(2)

    // Deleted between the listing and the update: GitHub answers the update with 404.
    github.reset()
    github.fail({ operationId: 'issues/update-comment', status: 404 })
    say('Status: back.')
    const result = await run('issue_comment', statusComment())
    expect(result.exitCode).toBe(0)
    expect(github.pendingFaults()).toBe(0)
    // GitHub answers 200 to a reaction that is already there (the earlier runs added it).
    expect(github.writes().map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'reactions/create-for-issue-comment 200',
      'checks/create 201',
      'issues/update-comment 404',
      'issues/create-comment 201',
      // The 404 was only a fault: the comment is still there, so the new copy is folded into it.
      'issues/update-comment 200',
      'issues/delete-comment 204',
      'checks/update 200'
    ])
    expect(github.world.comments.filter((c) => c.body.includes('Status:')).map((c) => c.body.split('\n')[0])).toEqual(['Status: back.'])
    expect(result.summary).not.toContain('failed')
  })

  it('makes zero write requests in dry-run and lists every write it would have made', async () => {
    reviewTurns(tenComments)
    const result = await run('pull_request', prOpened(), { 'dry-run': 'true' })

    expect(result.exitCode).toBe(0)
    expect(github.writes()).toEqual([])
    expect(result.summary).toContain('Writes it would have made (dry-run)')
    expect(result.summary).toMatch(/create-check-run/)
    expect(result.summary).toMatch(/submit review COMMENT on #\d+ with 10 inline comments/)
    expect(result.outputs.writes).toBe('4')
  })

  it('shows in dry-run the body of the review and of each inline comment it would have posted, collapsed, escaped and redacted', async () => {
    anthropic.script([
      {
        content: [
          {
            type: 'tool_use',
            name: 'github_post_review',
            input: {
              event: 'COMMENT',
              body: 'Overall <b>fine</b> & tidy.',
              comments: [{ path: 'src/app.ts', line: 3, body: `Key ${anthropic.apiKey} leaked <img src=x onerror=alert(1)>` }]
            }
          }
        ]
      },
      { content: [{ type: 'text', text: 'Done.' }] }
    ])
    const result = await run('pull_request', prOpened(), { 'dry-run': 'true' })

    expect(result.exitCode).toBe(0)
    expect(github.writes()).toEqual([])
    expect(result.summary).toMatch(/<details><summary>[^<]*review[^<]*<\/summary>[\s\S]*Overall &lt;b&gt;fine&lt;\/b&gt; &amp; tidy\.[\s\S]*<\/details>/)
    expect(result.summary).toMatch(/<details><summary>[^<]*src\/app\.ts:3[^<]*<\/summary>[\s\S]*leaked &lt;img src=x onerror=alert\(1\)&gt;[\s\S]*<\/details>/)
    expect(result.summary).not.toContain(anthropic.apiKey)
    expect(result.summary).not.toContain('<img')
  })
})
