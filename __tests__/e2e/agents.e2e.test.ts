// The seed's examples run end to end: the bundle, the local GitHub API, and a local model API
// spoken to by the real Anthropic and Gemini SDKs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, anthropicFaults, type AnthropicServer } from '../support/anthropic-server.js'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { exampleConfigFiles, exampleEvent, serveExampleConfig } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
const PATCH = '@@ -1,3 +1,5 @@\n # Hello-World\n+const password = "hunter2"\n+eval(userInput)\n line three\n line four'

const anthropicReviewer = {
  '.github/aof/trigger.yaml':
    'apiVersion: aof.dev/v1\nkind: Trigger\nmetadata: {name: pr-review}\nspec:\n  type: GitHub\n  config: {github_events: [pull_request]}\n  default_agent: code-reviewer\n',
  '.github/aof/agent.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: code-reviewer}',
    'spec:',
    '  model: anthropic:claude-sonnet-5-5',
    '  instructions: Review PR #{{ metadata.pr_number }} in {{ metadata.repo_full_name }}.',
    '  max_iterations: 4',
    '  tools: [github_post_review, github_post_comment]',
    ''
  ].join('\n')
}

/** The log without the `::add-mask::` commands, which are how the runner learns what to hide. */
function unmasked(log: string): string {
  return log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}

const review = {
  event: 'REQUEST_CHANGES',
  body: 'Two problems.',
  comments: [
    { path: 'README.md', line: 2, body: 'A password in source.' },
    { path: 'README.md', line: 3, body: 'eval of user input.' }
  ]
}

describe.each(nodeBinaries())('agents through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer
  let gemini: GeminiServer

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    gemini = await startGeminiServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    serveExampleConfig(github, REPO, 'master', 'auto-review')
    github.world.addPull(REPO, {
      number: 2,
      head: { ref: 'changes', sha: HEAD },
      base: { ref: 'master' },
      files: [{ filename: 'README.md', status: 'modified', patch: PATCH }]
    })
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close(), gemini.close()])
  })
  beforeEach(() => github.reset())

  let nextPull = 10
  /** The example's pull_request.opened on a PR of its own: reviews converge per PR and head. */
  function freshPr(): { payload: ReturnType<typeof exampleEvent>; head: string } {
    const number = nextPull++
    const head = number.toString(16).padStart(40, 'e')
    github.world.addPull(REPO, {
      number,
      head: { ref: `changes-${number}`, sha: head },
      base: { ref: 'master' },
      files: [{ filename: 'README.md', status: 'modified', patch: PATCH }]
    })
    const payload = exampleEvent('auto-review', 'pull_request.opened.json')
    payload.number = number
    payload.pull_request.number = number
    payload.pull_request.head.sha = head
    return { payload, head }
  }

  function env(): Record<string, string> {
    return { ANTHROPIC_BASE_URL: anthropic.url, GOOGLE_GEMINI_BASE_URL: gemini.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
  }

  it('auto-review with Gemini: one review on the head SHA with its inline comments, and a check run that closes as success', async () => {
    gemini.script([{ parts: [{ functionCall: { name: 'github_post_review', args: review } }] }, { parts: [{ text: 'Reviewed.' }] }])
    const { payload, head: HEAD } = freshPr()
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload,
      apiUrl: github.url,
      inputs: { 'google-api-key': gemini.apiKey },
      env: env()
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'agent:code-reviewer', conclusion: 'success' })
    expect(Number(result.outputs['input-tokens'])).toBeGreaterThan(0)
    const reviews = github.requests.filter((r) => r.operationId === 'pulls/create-review')
    expect(reviews).toHaveLength(1)
    expect(reviews[0]?.body).toMatchObject({
      commit_id: HEAD,
      event: 'REQUEST_CHANGES',
      comments: [expect.objectContaining({ line: 2 }), expect.objectContaining({ line: 3 })]
    })
    expect(github.countOf('checks/create')).toBe(1)
    expect(github.world.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'success' })
    const first = gemini.requests[0]?.body
    expect(JSON.stringify(first.systemInstruction)).toContain(`Review PR #${payload.number} in Codertocat/Hello-World.`)
    expect(first.tools[0].functionDeclarations.map((f: { name: string }) => f.name).sort()).toEqual(['github_post_comment', 'github_post_review'])
    expect(JSON.stringify(first.contents[0])).toContain('eval(userInput)')
    expect(github.invalidRequests).toEqual([])
    expect(gemini.invalidRequests()).toEqual([])
    expect(result.stdout).toContain(`::add-mask::${gemini.apiKey}`)
    expect(unmasked(result.stdout + result.stderr)).not.toContain(gemini.apiKey)
  })

  it('auto-review with Anthropic through the same path; the key never appears in the logs', async () => {
    anthropic.script([{ content: [{ type: 'tool_use', name: 'github_post_review', input: review }] }, { content: [{ type: 'text', text: 'Reviewed.' }] }])
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload: freshPr().payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'config-ref': 'workspace' },
      workspaceFiles: anthropicReviewer,
      env: env()
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs.conclusion).toBe('success')
    expect(github.countOf('pulls/create-review')).toBe(1)
    const second = anthropic.requests[1]?.body
    expect(second.messages.at(-1).content[0]).toMatchObject({ type: 'tool_result' })
    expect(anthropic.invalidRequests()).toEqual([])
    expect(unmasked(result.stdout + result.stderr)).not.toContain(anthropic.apiKey)
  })

  it('auto-label: the issue-triager adds allowed labels, creating the missing ones, and drops others', async () => {
    github.world.addIssue(REPO, { number: 1, title: 'Spelling error in the README file' })
    github.world.addLabel(REPO, 'bug')
    serveExampleConfig(github, REPO, 'master', 'auto-label')
    gemini.script([
      { parts: [{ functionCall: { name: 'github_add_labels', args: { labels: ['bug', 'priority:low', 'wontfix-me'] } } }] },
      { parts: [{ text: 'Labelled.' }] }
    ])
    const payload = exampleEvent('auto-label', 'issues.opened.json')
    const result = await runAction({
      node,
      eventName: 'issues',
      payload,
      apiUrl: github.url,
      repository: payload.repository.full_name,
      inputs: { 'google-api-key': gemini.apiKey, 'config-ref': 'workspace' },
      workspaceFiles: exampleConfigFiles('auto-label'),
      env: env()
    })

    expect(result.exitCode).toBe(0)
    const added = github.requests.filter((r) => r.operationId === 'issues/add-labels')
    expect(added).toHaveLength(1)
    expect(added[0]?.body).toEqual({ labels: ['bug', 'priority:low'] })
    expect(github.countOf('issues/create-label')).toBe(1)
    expect(github.countOf('checks/create')).toBe(0)
  })

  it('stops at the run budget, publishes what it had with a note, and closes the check run neutral', async () => {
    anthropic.script([
      {
        content: [
          { type: 'text', text: 'Found a hard-coded password; still checking.' },
          { type: 'tool_use', name: 'github_get_pull_request_files', input: {} }
        ]
      }
    ])
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload: freshPr().payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'config-ref': 'workspace', 'max-turns': '1' },
      workspaceFiles: anthropicReviewer,
      env: env()
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs.conclusion).toBe('neutral')
    expect(github.world.checkRuns.at(-1)).toMatchObject({ status: 'completed', conclusion: 'neutral' })
    const comments = github.requests.filter((r) => r.operationId === 'issues/create-comment')
    expect(comments).toHaveLength(1)
    expect((comments[0]?.body as { body: string }).body).toContain('Found a hard-coded password')
    expect(result.summary).toContain('budget')
  })

  it('ends a model outage with a failed check run and one clear error, never a stack trace', async () => {
    anthropic.script([anthropicFaults.serverError(), anthropicFaults.serverError(), anthropicFaults.serverError(), anthropicFaults.serverError()])
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload: freshPr().payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'config-ref': 'workspace' },
      workspaceFiles: anthropicReviewer,
      env: env()
    })

    expect(result.exitCode).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    expect(github.world.checkRuns.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(result.annotations.filter((a) => a.level === 'error')).toHaveLength(1)
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    expect(anthropic.remaining()).toBe(0)
  })

  it('gives an agent whose YAML names no model the action input model', async () => {
    anthropic.script([{ content: [{ type: 'tool_use', name: 'github_post_review', input: review }] }, { content: [{ type: 'text', text: 'Reviewed.' }] }])
    const modelless = {
      ...anthropicReviewer,
      '.github/aof/agent.yaml': anthropicReviewer['.github/aof/agent.yaml'].replace('  model: anthropic:claude-sonnet-5-5\n', '')
    }
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload: freshPr().payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'config-ref': 'workspace', model: 'anthropic:claude-haiku-5-5' },
      workspaceFiles: modelless,
      env: env()
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs.conclusion).toBe('success')
    expect(anthropic.requests.at(-1)?.body.model).toBe('claude-haiku-5-5')
  })
})
