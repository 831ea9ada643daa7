// A PR over several pushes: the reviewer sees only what changed, repeats nothing, and a re-run costs nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { pullFile } from '../support/github-world.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { fixtureEvent, type Payload } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const NUMBER = 5
const A = 'a1'.repeat(20)
const B = 'b2'.repeat(20)
const C = 'c3'.repeat(20)
const added = (from: number, to: number) =>
  `@@ -0,0 +${from},${to - from + 1} @@\n` + Array.from({ length: to - from + 1 }, (_, i) => `+line ${from + i}`).join('\n')

const config = {
  '.github/aof/review.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: pr-review}',
    'spec:',
    '  type: GitHub',
    '  config: {github_events: [pull_request]}',
    '  default_agent: reviewer',
    '---',
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: reviewer}',
    'spec:',
    '  model: anthropic:claude-sonnet-5-5',
    '  instructions: Review the pull request.',
    '  tools: [github_post_review]',
    ''
  ].join('\n')
}

const SQL = { path: 'src/app.ts', line: 3, body: 'SQL built by string concatenation: use a parameterised query.' }
const LOG = { path: 'src/util.ts', line: 7, body: 'The token is written to the log.' }

describe.each(nodeBinaries())('converging reviews through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    for (const [path, text] of Object.entries(config)) github.world.setFile(REPO, 'master', path, text)
    github.world.addPull(REPO, {
      number: NUMBER,
      head: { ref: 'feature', sha: A },
      base: { ref: 'master' },
      files: [
        { filename: 'src/app.ts', status: 'added', patch: added(1, 10) },
        { filename: 'src/util.ts', status: 'added', patch: added(1, 5) }
      ]
    })
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })

  function event(action: string, head: string, number = NUMBER): Payload {
    const payload = fixtureEvent('pull_request.opened.json')
    payload.action = action
    payload.number = number
    payload.pull_request.number = number
    payload.pull_request.head.sha = head
    return payload
  }

  function push(head: string, files: { filename: string; status: 'added' | 'modified'; patch: string }[]): void {
    const pull = github.world.issues.find((i) => i.repo === REPO && i.number === NUMBER)?.pull
    if (!pull) throw new Error('PR missing')
    pull.head.sha = head
    pull.files = files.map(pullFile)
  }

  async function run(action: string, head: string, attempt = '1', number = NUMBER) {
    github.reset()
    const calls = anthropic.requests.length
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload: event(action, head, number),
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey },
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_RUN_ATTEMPT: attempt, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
    expect({ exit: result.exitCode, log: result.exitCode === 0 ? '' : result.stdout }).toEqual({ exit: 0, log: '' })
    expect(github.invalidRequests).toEqual([])
    return { result, modelCalls: anthropic.requests.length - calls, firstPrompt: JSON.stringify(anthropic.requests[calls]?.body.messages[0] ?? null) }
  }

  const reviewWith = (comments: unknown[]) =>
    anthropic.script([
      { content: [{ type: 'tool_use', name: 'github_post_review', input: { event: 'COMMENT', body: 'Findings below.', comments } }] },
      { content: [{ type: 'text', text: 'Done.' }] }
    ])

  const posted = () =>
    github.requests
      .filter((r) => r.operationId === 'pulls/create-review')
      .flatMap((r) => (r.body as { comments: { body: string }[] }).comments.map((c) => c.body))

  it('reviews once, then only the delta, never twice the same finding, nothing on a re-run, everything after a force-push', async () => {
    // 1. Opened: a full review.
    reviewWith([SQL])
    const first = await run('opened', A)
    expect(first.modelCalls).toBe(2)
    expect(posted()).toEqual([SQL.body])
    expect(github.countOf('issues/create-comment')).toBe(1) // the summary comment

    // 2. A push touching src/util.ts only: the model sees that file's delta; it repeats the old finding and adds one.
    push(B, [
      { filename: 'src/app.ts', status: 'added', patch: added(1, 10) },
      { filename: 'src/util.ts', status: 'added', patch: added(1, 8) }
    ])
    github.world.setCompare(REPO, A, B, [{ filename: 'src/util.ts', status: 'modified', patch: '@@ -5,0 +6,3 @@\n+line 6\n+line 7\n+line 8' }])
    reviewWith([SQL, LOG])
    const second = await run('synchronize', B)
    expect(second.modelCalls).toBe(2)
    expect(second.firstPrompt).toContain('src/util.ts')
    expect(second.firstPrompt).toContain('+line 7')
    expect(second.firstPrompt).not.toContain('+line 9')
    expect(posted()).toEqual([LOG.body])
    expect(second.result.summary).toContain('not posted: src/app.ts:3 repeats a finding already on this pull request')
    expect(github.countOf('issues/update-comment')).toBe(1)
    expect(github.countOf('issues/create-comment')).toBe(0)

    // 3. A re-run of the same push: no model call, no write.
    const rerun = await run('synchronize', B, '2')
    expect(rerun.modelCalls).toBe(0)
    expect(github.writes()).toEqual([])
    expect(rerun.result.summary).toMatch(/review skipped/)

    // 4. A force-push: the last reviewed commit is gone, so everything is reviewed again, with a note.
    push(C, [
      { filename: 'src/app.ts', status: 'added', patch: added(1, 10) },
      { filename: 'src/util.ts', status: 'added', patch: added(1, 8) }
    ])
    reviewWith([SQL])
    const forced = await run('synchronize', C)
    expect(forced.modelCalls).toBe(2)
    expect(forced.result.summary).toMatch(/force-push or rebase/)
    expect(posted()).toEqual([])
  })

  it('posts every distinct inline comment of one review, however short and close together', async () => {
    const number = NUMBER + 1
    github.world.addPull(REPO, {
      number,
      head: { ref: 'checks', sha: A },
      base: { ref: 'master' },
      files: [{ filename: 'src/checks.ts', status: 'added', patch: added(1, 20) }]
    })
    const checks = Array.from({ length: 10 }, (_, i) => ({ path: 'src/checks.ts', line: i + 1, body: `Check n = ${i + 1}` }))
    reviewWith(checks)
    const { result } = await run('opened', A, '1', number)
    expect(posted()).toEqual(checks.map((c) => c.body))
    expect(result.summary).not.toContain('not posted')
  })

  it('resolves the thread of a finding the next push fixed, and says so in it', async () => {
    const number = NUMBER + 2
    const [first, fixed] = ['d4'.repeat(20), 'e5'.repeat(20)]
    github.world.addPull(REPO, {
      number,
      head: { ref: 'fix', sha: first },
      base: { ref: 'master' },
      files: [{ filename: 'src/app.ts', status: 'added', patch: added(1, 10) }]
    })
    reviewWith([SQL])
    await run('opened', first, '1', number)
    const root = github.world.reviewComments.find((c) => c.pull_number === number && c.in_reply_to_id === null)
    expect(root?.body).toContain(SQL.body)
    expect(github.world.resolvedThreads.has(root?.id ?? -1)).toBe(false)

    // The push rewrites line 3; the reviewer finds nothing more.
    const pull = github.world.issue(REPO, number)?.pull
    if (!pull) throw new Error('PR missing')
    pull.head.sha = fixed
    pull.files = [pullFile({ filename: 'src/app.ts', status: 'added', patch: added(1, 10).replace('+line 3', '+line 3, parameterised') })]
    github.world.setCompare(REPO, first, fixed, [{ filename: 'src/app.ts', status: 'modified', patch: '@@ -3 +3 @@\n-line 3\n+line 3, parameterised' }])
    anthropic.script([{ content: [{ type: 'text', text: 'Nothing new.' }] }])
    const second = await run('synchronize', fixed, '1', number)

    expect(second.modelCalls).toBe(1)
    // GraphQL: the PR's threads, then one mutation resolving the addressed ones; both validated against GitHub's schema.
    const graphql = github.graphqlRequests()
    expect(graphql.map((r) => r.operationId)).toEqual(['graphql/repository', 'graphql/repository', 'graphql/resolveReviewThread'])
    expect(github.world.resolvedThreads.get(root?.id ?? -1)?.login).toBe('github-actions[bot]')
    const reply = github.world.reviewComments.find((c) => c.in_reply_to_id === root?.id)
    expect(reply?.body).toContain('so it looks addressed. Resolving this thread; unresolve it if the problem is still there.')
    expect(second.result.summary).toMatch(/resolve the review threads of comments \d+ on #7/)
  })
})
