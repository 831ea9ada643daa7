// Runs for the same PR started together, as GitHub starts them when no `concurrency:` group holds
// them back: the bundle is spawned several times at once against one repository whose every answer
// takes a little while, so the runs really overlap. Whatever the overlap, a held request runs once,
// each agent keeps one summary comment per PR, a finding a run can see is not posted again, and
// every run completes its check run and exits 0.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer, type AnthropicStep } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, runAction, type RunResult } from '../support/run-action.js'
import { fixtureEvent, type Payload } from '../support/scenario.js'

const REPO = 'Codertocat/overlap'
const HEAD = 'd'.repeat(40)
const KEY = 'e2e-state-key-0123456789abcdef'
const LATENCY_MS = 15
const added = (lines: number) => `@@ -0,0 +1,${lines} @@\n` + Array.from({ length: lines }, (_, i) => `+line ${i + 1}`).join('\n')

const config = {
  '.github/aof/ops.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: ops}',
    'spec:',
    '  type: GitHub',
    '  config: {github_events: [issue_comment, pull_request]}',
    '  commands:',
    '    /deploy staging: {agent: deployer, params: {require_approval: true}}',
    '    /review: {agent: reviewer}',
    '    pull_request.opened: {agent: reviewer}',
    '    pull_request.synchronize: {agent: reviewer}',
    '---',
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: deployer}',
    'spec:',
    '  model: anthropic:claude-sonnet-5-5',
    '  instructions: Deploy to staging now.',
    '  tools: [github_post_comment]',
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

const node = nodeBinaries()[0]?.path ?? process.execPath

describe('overlapping runs for one PR, through dist/index.js', () => {
  let github: GitHubServer
  let anthropic: AnthropicServer
  let pullNumber = 10

  beforeAll(async () => {
    github = await startGitHubServer({ latencyMs: LATENCY_MS })
    anthropic = await startAnthropicServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    for (const [path, text] of Object.entries(config)) github.world.setFile(REPO, 'master', path, text)
    for (const [login, permission] of [
      ['alice', 'write'],
      ['bob', 'write'],
      ['charlie', 'write'],
      ['dave', 'write'],
      ['reader-rita', 'read']
    ] as const) {
      github.world.setPermission(REPO, login, permission)
    }
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })
  beforeEach(() => {
    github.reset()
  })

  function newPull(): number {
    const number = ++pullNumber
    github.world.addPull(REPO, {
      number,
      user: 'alice',
      head: { ref: `feature-${number}`, sha: HEAD },
      base: { ref: 'master' },
      files: [{ filename: 'src/app.ts', status: 'added', patch: added(10) }]
    })
    return number
  }

  const withRepo = (payload: Payload): Payload => ({ ...payload, repository: { ...payload.repository, full_name: REPO, name: 'overlap' } })

  /** The comment is on the PR before its run starts, as on GitHub. */
  function comment(number: number, body: string, login: string): Payload {
    const written = github.world.addComment(REPO, number, { body, user: login })
    const payload = fixtureEvent('issue_comment.created.on-pull-request.derived.json')
    payload.issue.number = number
    payload.comment.id = written.id
    payload.comment.body = body
    payload.comment.user = { ...payload.comment.user, login, type: 'User' }
    payload.comment.created_at = written.created_at
    payload.sender = { ...payload.sender, login, type: 'User' }
    return withRepo(payload)
  }

  function pullEvent(number: number, action: string): Payload {
    const payload = fixtureEvent('pull_request.opened.json')
    payload.action = action
    payload.number = number
    payload.pull_request.number = number
    payload.pull_request.head.sha = HEAD
    return withRepo(payload)
  }

  function run(eventName: string, payload: Payload): Promise<RunResult> {
    return runAction({
      node,
      eventName,
      payload,
      apiUrl: github.url,
      repository: REPO,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'state-key': KEY },
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
  }

  const isDeploy = (body: any): boolean => JSON.stringify(body?.system ?? '').includes('Deploy to staging')
  const lastHasToolResult = (body: any): boolean => JSON.stringify(body?.messages?.at(-1) ?? null).includes('tool_result')

  /**
   * The deployer answers at once. Each reviewer submits the same finding, the k-th one k steps
   * later (so a later run can see an earlier review before it posts), and all of them then end
   * together (so their summary comments are written at the same moment).
   */
  function scriptModel(): void {
    let reviews = 0
    const endAt = Date.now() + 4000
    anthropic.answerWith((body): AnthropicStep => {
      if (isDeploy(body)) return { content: [{ type: 'text', text: 'Deployed.' }] }
      if (lastHasToolResult(body)) return { content: [{ type: 'text', text: 'Done.' }], delayMs: Math.max(0, endAt - Date.now()) }
      const k = reviews++
      return {
        content: [{ type: 'tool_use', name: 'github_post_review', input: { event: 'COMMENT', body: 'Findings below.', comments: [SQL] } }],
        delayMs: k * 400
      }
    })
  }

  const commentsOn = (number: number) => github.world.comments.filter((c) => c.repo === REPO && c.issue_number === number)
  const summaries = (number: number) => commentsOn(number).filter((c) => c.body.includes('github-agent:review-summary:reviewer'))
  const findingsOn = (number: number) =>
    github.world.reviewComments.filter((c) => c.repo === REPO && c.pull_number === number && c.body.includes('parameterised'))
  const deployCalls = () => anthropic.requests.filter((r) => isDeploy(r.body)).length
  const checkRuns = () => github.world.checkRuns.filter((c) => c.repo === REPO && c.head_sha === HEAD)

  function expectAllFinished(results: RunResult[]): void {
    expect(results.map((r) => ({ exit: r.exitCode, log: r.exitCode === 0 ? '' : r.stdout }))).toEqual(results.map(() => ({ exit: 0, log: '' })))
    expect(github.invalidRequests).toEqual([])
    expect(checkRuns().filter((c) => c.status !== 'completed')).toEqual([])
  }

  it('carries out a held request once when two approvers answer at once, and an earlier stranger does not block them', async () => {
    scriptModel()
    const number = newPull()
    const asked = await run('issue_comment', comment(number, '/deploy staging', 'alice'))
    expect(asked.outputs['approval-id']).toMatch(/^[0-9a-f]{8}$/)
    const before = deployCalls()

    const answers = [comment(number, '/approve', 'reader-rita'), comment(number, '/approve', 'bob'), comment(number, '/approve', 'charlie')]
    const results = await Promise.all(answers.map((payload) => run('issue_comment', payload)))

    expectAllFinished(results)
    expect({ deploys: deployCalls() - before, approvedBy: results.map((r) => r.outputs['approved-by'] ?? '') }).toEqual({
      deploys: 1,
      approvedBy: ['', 'bob', '']
    })
    // Charlie's run sees either bob's earlier answer or the request bob's run already carried out.
    expect(results[2]?.summary).toMatch(/already answered by @bob|no pending approval request/)
  })

  it('keeps one summary comment and posts a finding once when opened and synchronize run together', async () => {
    scriptModel()
    const number = newPull()
    const results = await Promise.all([run('pull_request', pullEvent(number, 'opened')), run('pull_request', pullEvent(number, 'synchronize'))])

    expectAllFinished(results)
    expect({ summaries: summaries(number).length, findings: findingsOn(number).length }).toEqual({ summaries: 1, findings: 1 })
    // Whether two runs created a copy of the summary at the same moment depends on the machine's
    // timing; every copy that was created, and only those, was folded away again.
    expect(github.countOf('issues/delete-comment')).toBe(github.countOf('issues/create-comment') - 1)
  })

  it('keeps one summary comment and posts a finding once when five /review run together', async () => {
    scriptModel()
    const number = newPull()
    const payloads = ['alice', 'bob', 'charlie', 'dave', 'alice'].map((login) => comment(number, '/review', login))
    const results = await Promise.all(payloads.map((payload) => run('issue_comment', payload)))

    expectAllFinished(results)
    expect({ summaries: summaries(number).length, findings: findingsOn(number).length }).toEqual({ summaries: 1, findings: 1 })
    // Whether two runs created a copy of the summary at the same moment depends on the machine's
    // timing; every copy that was created, and only those, was folded away again.
    expect(github.countOf('issues/delete-comment')).toBe(github.countOf('issues/create-comment') - 1)
  })
})
