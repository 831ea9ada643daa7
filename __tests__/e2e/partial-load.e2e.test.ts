// Loading as AOF loads, through the bundle: what cannot load is a warning and is skipped, the rest
// runs; an event routed to what was skipped fails with the reason on its file and line. And `${VAR}`
// in an agent's instructions stays text: a secret never reaches the model.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { exampleEvent, fixtureEvent } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'

/** AOF's own pattern (config/github-triggers.yaml + flows/github/pr-review.yaml): a Script flow, which cannot run in a job. */
const files = {
  '.github/aof/triggers/pr.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: pr-bot}',
    'spec:',
    '  type: GitHub',
    '  commands:',
    '    pull_request.opened:',
    '      flow: github-pr-review',
    '    /hello:',
    '      agent: greeter',
    '    /walk:',
    '      flow: walk-through',
    ''
  ].join('\n'),
  '.github/aof/flows/pr-review.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: AgentFlow',
    'metadata: {name: github-pr-review}',
    'spec:',
    '  nodes:',
    '    - id: run-review',
    '      type: Script',
    '      config:',
    '        scriptConfig: {command: ./scripts/flow-pr-review.sh}',
    '  connections:',
    '    - {from: start, to: run-review}',
    ''
  ].join('\n'),
  '.github/aof/flows/unrelated.yaml': [
    'apiVersion: v1alpha1',
    'kind: AgentFlow',
    'metadata: {name: nightly}',
    'spec:',
    '  nodes:',
    '    - id: sleep',
    '      type: Wait',
    "      config: {duration: '1h'}",
    ''
  ].join('\n'),
  '.github/aof/flows/walk.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: AgentFlow',
    'metadata: {name: walk-through}',
    'spec:',
    '  nodes:',
    '    - {id: greet, type: Agent, config: {agent: greeter, input: Walk through the change.}}',
    '  connections:',
    '    - {from: start, to: greet}',
    ''
  ].join('\n'),
  '.github/aof/agents/greeter.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: greeter}',
    'spec:',
    '  model: anthropic:claude-sonnet-4-5',
    '  max_iterations: 1',
    '  system_prompt: |',
    '    Say hello. Run `gh pr view` with ${GITHUB_TOKEN} and ${PAGER_KEY}; never print them.',
    ''
  ].join('\n')
}

describe.each(nodeBinaries())('partial loading through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })
  beforeEach(() => github.reset())

  it('runs a command whose agent loaded, next to flows that did not: warnings on their files and lines, no error', async () => {
    github.world.addPull(REPO, { number: 7, head: { ref: 'feature', sha: 'a'.repeat(40) }, base: { ref: 'master' } })
    const payload = fixtureEvent('issue_comment.created.on-pull-request.derived.json')
    payload.issue.number = 7
    payload.comment.body = '/hello'
    github.world.setPermission(REPO, String(payload.sender.login), 'write')
    const before = anthropic.requests.length
    anthropic.script([{ content: [{ type: 'text', text: 'Hello.' }] }])
    const token = 'ghs_partialLoadSecret0000000000000000000'
    const result = await runAction({
      node,
      eventName: 'issue_comment',
      payload,
      apiUrl: github.url,
      token,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'config-ref': 'workspace', 'dry-run': 'true' },
      workspaceFiles: files,
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_AGENT_TIME_SCALE: '0.001', GITHUB_TOKEN: token, PAGER_KEY: 'pager-secret-value' }
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'agent:greeter', conclusion: 'success' })
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([])
    // AOF never checks apiVersion: `v1alpha1` loads, with a notice.
    expect(result.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'notice', properties: expect.objectContaining({ file: '.github/aof/flows/unrelated.yaml', line: '1' }) })
      ])
    )
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => `${a.properties.file}:${a.properties.line} ${a.message}`)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\.github\/aof\/flows\/pr-review\.yaml:7 node 'run-review' cannot run in a job: Script nodes .*; flow 'github-pr-review' is skipped$/
        ),
        expect.stringMatching(/^\.github\/aof\/flows\/unrelated\.yaml:7 node 'sleep' cannot run in a job: Wait nodes .*; flow 'nightly' is skipped$/),
        expect.stringMatching(
          /^\.github\/aof\/triggers\/pr\.yaml:8 command pull_request\.opened → flow 'github-pr-review' did not load .*; an event routed to command pull_request\.opened fails$/
        )
      ])
    )
    // The system prompt is the agent's text as written: ${GITHUB_TOKEN} stays text, its value never goes to the model.
    const request = anthropic.requests[before]
    expect(request).toBeDefined()
    const system = JSON.stringify(request?.body.system)
    expect(system).toContain('${GITHUB_TOKEN} and ${PAGER_KEY}')
    const sent = JSON.stringify(request?.body)
    expect(sent).not.toContain(token)
    expect(sent).not.toContain('pager-secret-value')
  })

  it('fails the run an event routes to a flow that did not load, with the reason as an error on its file and line', async () => {
    const payload = exampleEvent('auto-review', 'pull_request.opened.json')
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload,
      apiUrl: github.url,
      inputs: { 'config-ref': 'workspace', 'dry-run': 'true' },
      workspaceFiles: files
    })

    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'flow:github-pr-review', conclusion: 'failure' })
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          properties: expect.objectContaining({ file: '.github/aof/flows/pr-review.yaml', line: '7' }),
          message: expect.stringContaining("node 'run-review' cannot run in a job")
        })
      ])
    )
    // The flow nobody routed to stays a warning.
    expect(errors.some((a) => a.properties.file === '.github/aof/flows/unrelated.yaml')).toBe(false)
    expect(result.summary).toContain("flow 'github-pr-review' did not load: node 'run-review' cannot run in a job")
    expect(result.summary).toContain('.github/aof/flows/pr-review.yaml:7')
    expect(github.writes()).toEqual([])
  })

  it('dry-runs a flow without a model key as it dry-runs an agent: exit 0, saying dry-run', async () => {
    github.world.addPull(REPO, { number: 8, head: { ref: 'feature', sha: 'a'.repeat(40) }, base: { ref: 'master' } })
    const payload = fixtureEvent('issue_comment.created.on-pull-request.derived.json')
    payload.issue.number = 8
    payload.comment.body = '/walk'
    github.world.setPermission(REPO, String(payload.sender.login), 'write')
    const result = await runAction({
      node,
      eventName: 'issue_comment',
      payload,
      apiUrl: github.url,
      inputs: { 'config-ref': 'workspace', 'dry-run': 'true' },
      workspaceFiles: files
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'flow:walk-through', conclusion: 'success' })
    expect(JSON.parse(result.outputs.targets ?? '[]')).toEqual([expect.objectContaining({ target: 'flow:walk-through', status: 'dry-run' })])
    expect(result.summary).toContain('## github-agent (dry-run)')
    expect(result.stdout).toContain('flow:walk-through/greet: dry-run without a model key')
  })
})
