// The reference's backend Trigger end to end: /deploy staging runs its flow; /deploy production
// waits for an approver across runs; a fleet publishes one merged review; a condition skips a branch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { exampleConfigFiles, exampleEvent, type Payload } from '../support/scenario.js'

const REPO = 'myorg/api-server'
const HEAD = 'd'.repeat(40)
const PATCH = '@@ -1,2 +1,3 @@\n a\n+b\n c'

describe.each(nodeBinaries())('fleets, flows and approvals through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer
  let gemini: GeminiServer

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    gemini = await startGeminiServer()
    github.world.addRepo(REPO, { default_branch: 'main' })
    for (const [path, text] of Object.entries(exampleConfigFiles('per-team'))) github.world.setFile(REPO, 'main', path, text)
    github.world.addPull(REPO, {
      number: 1,
      user: 'alice',
      head: { ref: 'feature', sha: HEAD },
      base: { ref: 'main' },
      files: [{ filename: 'src/app.ts', patch: PATCH }]
    })
    for (const [login, permission] of [
      ['alice', 'write'],
      ['bob', 'write'],
      ['mallory', 'read']
    ] as const)
      github.world.setPermission(REPO, login, permission)
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close(), gemini.close()])
  })
  beforeEach(() => github.reset())

  function comment(body: string, login: string): Payload {
    const payload = exampleEvent('per-team', 'issue_comment.created.api-server-deploy-staging.json')
    payload.comment.body = body
    payload.comment.user = { ...payload.comment.user, login, type: 'User' }
    payload.sender = { ...payload.sender, login, type: 'User' }
    payload.comment.created_at = new Date().toISOString()
    return payload
  }

  function run(eventName: string, payload: Payload) {
    return runAction({
      node,
      eventName,
      payload,
      apiUrl: github.url,
      repository: REPO,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'google-api-key': gemini.apiKey, 'state-key': 'e2e-state-key-0123456789abcdef' },
      env: { ANTHROPIC_BASE_URL: anthropic.url, GOOGLE_GEMINI_BASE_URL: gemini.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
  }

  function bodies(operationId: string): string[] {
    return github.requests.filter((r) => r.operationId === operationId).map((r) => (r.body as { body: string }).body)
  }

  it('runs /deploy staging straight through: the plan agent, the deploy workflow dispatched, the reply posted', async () => {
    anthropic.script([{ content: [{ type: 'text', text: 'Plan: ship it to staging.' }] }])
    const result = await run('issue_comment', comment('/deploy staging', 'alice'))

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'flow:deploy-backend-staging', flow: 'completed', conclusion: 'success' })
    expect(JSON.parse(result.outputs['node-results'] ?? '{}')).toMatchObject({
      plan: { status: 'completed' },
      deploy: { status: 'completed' },
      reply: { status: 'completed' }
    })
    const dispatch = github.requests.find((r) => r.operationId === 'actions/create-workflow-dispatch')
    expect(dispatch?.body).toEqual({ ref: 'main', inputs: { environment: 'staging', sha: HEAD } })
    expect(bodies('issues/create-comment')).toEqual([expect.stringContaining(`Staging deploy of ${HEAD} started by alice.`)])
    expect(github.invalidRequests).toEqual([])
  })

  it('holds /deploy production for approval across runs: the requester and a reader cannot approve, a second writer can', async () => {
    const asked = await run('issue_comment', comment('/deploy production', 'alice'))
    expect(asked.exitCode).toBe(0)
    expect(asked.outputs).toMatchObject({ target: 'flow:deploy-backend-prod', conclusion: 'neutral' })
    expect(asked.outputs['approval-id']).toMatch(/^[0-9a-f]{8}$/)
    expect(anthropic.remaining()).toBe(0)
    expect(github.countOf('actions/create-workflow-dispatch')).toBe(0)
    expect(bodies('issues/create-comment')).toEqual([expect.stringContaining('/approve')])

    const self = await run('issue_comment', comment('/approve', 'alice'))
    expect(self.exitCode).toBe(0)
    expect(JSON.parse(self.outputs.targets ?? '[]')).toEqual([expect.objectContaining({ status: 'refused' })])
    const reader = await run('issue_comment', comment('/approve', 'mallory'))
    expect(JSON.parse(reader.outputs.targets ?? '[]')).toEqual([expect.objectContaining({ status: 'refused' })])
    expect(github.countOf('actions/create-workflow-dispatch')).toBe(0)

    // bob approves the command; the flow runs its plan and stops at its own Approval node.
    anthropic.script([{ content: [{ type: 'text', text: 'Plan: production, 1 file.' }] }])
    const approved = await run('issue_comment', comment('/approve', 'bob'))
    expect(approved.exitCode).toBe(0)
    expect(approved.outputs).toMatchObject({ 'approved-by': 'bob', flow: 'paused', 'flow-node': 'approve' })
    expect(github.countOf('actions/create-workflow-dispatch')).toBe(0)

    // The node's approval, answered by bob: the deploy starts.
    const deployed = await run('issue_comment', comment('/approve', 'bob'))
    expect(deployed.outputs).toMatchObject({ 'approved-by': 'bob', flow: 'completed' })
    const dispatch = github.requests.find((r) => r.operationId === 'actions/create-workflow-dispatch')
    expect(dispatch?.body).toEqual({ ref: 'main', inputs: { environment: 'production', sha: HEAD } })
  })

  it('refuses an approval after a new push, and says why', async () => {
    await run('issue_comment', comment('/deploy production', 'alice'))
    const pull = github.world.issues.find((i) => i.repo === REPO && i.number === 1)?.pull
    if (!pull) throw new Error('PR #1 missing from the world')
    pull.head.sha = 'e'.repeat(40)
    try {
      const result = await run('issue_comment', comment('/approve', 'bob'))
      expect(JSON.parse(result.outputs.targets ?? '[]')).toEqual([expect.objectContaining({ status: 'refused' })])
      expect(result.summary).toMatch(/head/i)
      expect(github.countOf('actions/create-workflow-dispatch')).toBe(0)
    } finally {
      pull.head.sha = HEAD
      await run('issue_comment', comment('/deny', 'alice'))
    }
  })

  it('publishes a fleet as one merged review, whatever each member drafted', async () => {
    anthropic.script([
      {
        content: [
          {
            type: 'tool_use',
            name: 'github_post_review',
            input: { event: 'COMMENT', body: 'Security: fine.', comments: [{ path: 'src/app.ts', line: 2, body: 'validate b' }] }
          }
        ]
      },
      { content: [{ type: 'text', text: 'done' }] }
    ])
    gemini.script([
      {
        parts: [
          {
            functionCall: {
              name: 'github_post_review',
              args: { event: 'REQUEST_CHANGES', body: 'Quality: name b better.', comments: [{ path: 'src/app.ts', line: 2, body: 'rename b' }] }
            }
          }
        ]
      },
      { parts: [{ text: 'done' }] }
    ])
    const payload = exampleEvent('per-team', 'pull_request.opened.api-server.json')
    payload.pull_request.head.sha = HEAD
    payload.pull_request.number = 1
    const result = await run('pull_request', payload)

    expect(result.exitCode).toBe(0)
    expect(result.outputs.target).toBe('fleet:backend-review-fleet')
    const reviews = github.requests.filter((r) => r.operationId === 'pulls/create-review')
    expect(reviews).toHaveLength(1)
    const review = reviews[0]?.body as { event: string; body: string; comments: unknown[] }
    expect(review.event).toBe('REQUEST_CHANGES')
    expect(review.body).toContain('Security: fine.')
    expect(review.body).toContain('Quality: name b better.')
    expect(review.comments).toHaveLength(2)
  })

  it('skips the branch a Conditional node rules out', async () => {
    const files = {
      '.github/aof/notify.yaml': [
        'apiVersion: aof.dev/v1',
        'kind: Trigger',
        'metadata: {name: notify}',
        'spec:',
        '  type: GitHub',
        '  commands:',
        '    /notify: {flow: notify, params: {environment: staging}}',
        '---',
        'apiVersion: aof.dev/v1',
        'kind: AgentFlow',
        'metadata: {name: notify}',
        'spec:',
        '  nodes:',
        '    - {id: check, type: Conditional, config: {condition: "{{ params.environment }} == \'production\'"}}',
        '    - {id: production, type: Response, config: {message: "Production path taken."}}',
        '    - {id: other, type: Response, config: {message: "Not production: {{ params.environment }}."}}',
        '  connections:',
        '    - {from: start, to: check}',
        '    - {from: check, to: production, when: "true"}',
        '    - {from: check, to: other, when: "false"}',
        ''
      ].join('\n')
    }
    const result = await runAction({
      node,
      eventName: 'issue_comment',
      payload: comment('/notify', 'alice'),
      apiUrl: github.url,
      repository: REPO,
      inputs: { 'config-ref': 'workspace' },
      workspaceFiles: files
    })

    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['node-results'] ?? '{}')).toMatchObject({
      check: { status: 'completed', output: { result: false } },
      production: { status: 'skipped' },
      other: { status: 'completed' }
    })
    expect(bodies('issues/create-comment')).toEqual([expect.stringContaining('Not production: staging.')])
  })
})
