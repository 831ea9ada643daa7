// Limits through the bundle: how much one model answer can write, which labels an agent may touch,
// which permission a command can demand, how custom roles rank, and which branch's config judges.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer, type ScriptBlock } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, runAction } from '../support/run-action.js'
import { fixtureEvent, type Payload } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const HEAD = 'd'.repeat(40)
const MODEL = 'anthropic:claude-sonnet-5-5'

function agent(name: string, tools: string[], extra: string[] = []): string {
  return [
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    `metadata: {name: ${name}}`,
    'spec:',
    `  model: ${MODEL}`,
    '  instructions: Do what the command says.',
    `  tools: [${tools.join(', ')}]`,
    ...extra.map((line) => `  ${line}`),
    ''
  ].join('\n')
}

const TRIGGER = [
  'apiVersion: aof.dev/v1',
  'kind: Trigger',
  'metadata: {name: ops}',
  'spec:',
  '  type: GitHub',
  '  config: {github_events: [issue_comment]}',
  '  commands:',
  '    /chatter: {agent: chatter}',
  '    /chatter-capped: {agent: chatter-capped}',
  '    /tidy: {agent: labeller}',
  '    /tidy-listed: {agent: listed-labeller}',
  '    /triage: {agent: chatter, params: {permission: triage}}',
  '    /release: {agent: chatter, params: {permission: maintain}}',
  ''
].join('\n')

const config: Record<string, string> = {
  '.github/aof/triggers/ops.yaml': TRIGGER,
  '.github/aof/agents/chatter.yaml': agent('chatter', ['github_post_comment']),
  '.github/aof/agents/chatter-capped.yaml': agent('chatter-capped', ['github_post_comment'], ['max_writes: 2', 'max_tool_calls_per_turn: 3']),
  '.github/aof/agents/labeller.yaml': agent('labeller', ['github_add_labels', 'github_remove_label']),
  '.github/aof/agents/listed-labeller.yaml': agent('listed-labeller', ['github_add_labels', 'github_remove_label'], ['allowed_labels: [do-not-merge, triaged]'])
}

/** A Trigger elsewhere in the config that starts work when a PR is labelled. */
const LABEL_GATE = [
  'apiVersion: aof.dev/v1',
  'kind: Trigger',
  'metadata: {name: on-label}',
  'spec:',
  '  type: GitHub',
  '  config: {github_events: [pull_request_target], actions: [labeled]}',
  '  default_agent: chatter',
  ''
].join('\n')

describe.each(nodeBinaries())('limits through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer

  function serveConfig(ref: string, files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) github.world.setFile(REPO, ref, path, text)
  }

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    serveConfig('master', config)
    github.world.addPull(REPO, { number: 7, head: { ref: 'feature', sha: HEAD }, base: { ref: 'master' }, labels: ['do-not-merge'] })
    for (const label of ['do-not-merge', 'safe-to-test', 'triaged', 'bug']) github.world.addLabel(REPO, label)
    github.world.setPermission(REPO, 'maintainer-mia', 'maintain')
    github.world.setCustomRole(REPO, 'auditor-ada', 'security-auditor', 'triage')
    github.world.setCustomRole(REPO, 'release-rex', 'release-manager', 'maintain')
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })
  beforeEach(() => github.reset())

  function comment(body: string, login = 'maintainer-mia', number = 7): Payload {
    const payload = fixtureEvent('issue_comment.created.on-pull-request.derived.json')
    payload.issue.number = number
    payload.comment.body = body
    payload.comment.user = { ...payload.comment.user, login, type: 'User' }
    payload.sender = { ...payload.sender, login, type: 'User' }
    return payload
  }

  async function run(payload: Payload, eventName = 'issue_comment') {
    const before = anthropic.requests.length
    const result = await runAction({
      node,
      eventName,
      payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey },
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
    return { ...result, modelCalls: anthropic.requests.length - before }
  }

  /** The tool results the action sent back for the model's first answer. */
  function toolResults(): { content: unknown; is_error?: boolean }[] {
    const last = anthropic.requests.at(-1)?.body.messages.at(-1) as { content: { content: unknown; is_error?: boolean }[] } | undefined
    return last?.content ?? []
  }

  const comments = (n: number): ScriptBlock[] =>
    Array.from({ length: n }, (_, i) => ({ type: 'tool_use', name: 'github_post_comment', input: { body: `Comment ${i + 1}` } }))

  describe('caps on tool calls', () => {
    it('answers at most max_tool_calls_per_turn (default 20) of 60 comments in one model answer, and writes at most max_writes (default 10)', async () => {
      anthropic.script([{ content: comments(60) }, { content: [{ type: 'text', text: 'Done.' }] }])
      const result = await run(comment('/chatter'))

      expect(result.exitCode).toBe(0)
      expect(github.countOf('issues/create-comment') + github.countOf('issues/update-comment')).toBe(10)
      const results = toolResults()
      expect(results).toHaveLength(60)
      expect(results.filter((r) => r.is_error)).toHaveLength(50)
      expect(JSON.stringify(results.slice(10, 20))).toContain('max_writes')
      expect(JSON.stringify(results.slice(20))).toContain('max_tool_calls_per_turn')
      expect(result.summary).toMatch(/refused 50 tool calls/)
    }, 60_000)

    it('honours max_writes and max_tool_calls_per_turn set in the agent YAML', async () => {
      anthropic.script([{ content: comments(5) }, { content: comments(1) }, { content: [{ type: 'text', text: 'Done.' }] }])
      const result = await run(comment('/chatter-capped'))

      expect(result.exitCode).toBe(0)
      expect(github.countOf('issues/create-comment') + github.countOf('issues/update-comment')).toBe(2)
      expect(result.summary).toMatch(/refused 4 tool calls/)
      expect(result.summary).toContain('max_writes 2')
      expect(result.summary).toContain('max_tool_calls_per_turn 3')
    })
  })

  describe('labels without allowed_labels', () => {
    it('refuses to remove a label when the agent has no allowed_labels', async () => {
      anthropic.script([
        { content: [{ type: 'tool_use', name: 'github_remove_label', input: { label: 'do-not-merge' } }] },
        { content: [{ type: 'text', text: 'Done.' }] }
      ])
      const result = await run(comment('/tidy'))

      expect(result.exitCode).toBe(0)
      expect(github.countOf('issues/remove-label')).toBe(0)
      expect(JSON.stringify(toolResults())).toContain('allowed_labels')
      expect(result.summary).toContain("Label 'do-not-merge' was not removed")
    })

    it('refuses to add a label when a Trigger in the config starts work on labeled events', async () => {
      serveConfig('master', { '.github/aof/triggers/on-label.yaml': LABEL_GATE })
      try {
        anthropic.script([
          { content: [{ type: 'tool_use', name: 'github_add_labels', input: { labels: ['safe-to-test'] } }] },
          { content: [{ type: 'text', text: 'Done.' }] }
        ])
        const result = await run(comment('/tidy'))

        expect(result.exitCode).toBe(0)
        expect(github.countOf('issues/add-labels')).toBe(0)
        expect(result.summary).toContain("Label 'safe-to-test' was not applied")
        expect(result.summary).toContain("Trigger 'on-label'")
      } finally {
        github.world.repo(REPO)?.files.get('master')?.delete('.github/aof/triggers/on-label.yaml')
      }
    })

    it('still adds an existing label when no Trigger reacts to labels', async () => {
      anthropic.script([
        { content: [{ type: 'tool_use', name: 'github_add_labels', input: { labels: ['bug'] } }] },
        { content: [{ type: 'text', text: 'Done.' }] }
      ])
      const result = await run(comment('/tidy'))

      expect(result.exitCode).toBe(0)
      expect(github.countOf('issues/add-labels')).toBe(1)
    })

    it('with allowed_labels removes and adds exactly the labels listed, and nothing else', async () => {
      serveConfig('master', { '.github/aof/triggers/on-label.yaml': LABEL_GATE })
      try {
        anthropic.script([
          {
            content: [
              { type: 'tool_use', name: 'github_remove_label', input: { label: 'do-not-merge' } },
              { type: 'tool_use', name: 'github_add_labels', input: { labels: ['triaged', 'safe-to-test'] } }
            ]
          },
          { content: [{ type: 'text', text: 'Done.' }] }
        ])
        const result = await run(comment('/tidy-listed'))

        expect(result.exitCode).toBe(0)
        expect(github.countOf('issues/remove-label')).toBe(1)
        const added = github.requests.filter((r) => r.operationId === 'issues/add-labels').map((r) => (r.body as { labels: string[] }).labels)
        expect(added).toEqual([['triaged']])
      } finally {
        github.world.repo(REPO)?.files.get('master')?.delete('.github/aof/triggers/on-label.yaml')
        github.world.addLabel(REPO, 'do-not-merge')
      }
    })
  })

  describe('permission levels', () => {
    it('skips a command whose params.permission is not a repository role, naming file, line, field and the roles; it never runs', async () => {
      serveConfig('master', { '.github/aof/triggers/ops.yaml': TRIGGER.replace('{permission: maintain}', '{permission: Admin}') })
      try {
        const result = await run(comment('/release'))

        expect(result.modelCalls).toBe(0)
        expect(github.writes()).toEqual([])
        const error = result.annotations.find((a) => a.properties.file === '.github/aof/triggers/ops.yaml')
        expect(error?.properties.line).toBe('13')
        expect(error?.properties.title).toBe('AOF config: spec.commands["/release"].params.permission')
        expect(error?.message).toContain('read, triage, write, maintain or admin')
        expect(error?.message).toContain('"Admin"')
      } finally {
        serveConfig('master', { '.github/aof/triggers/ops.yaml': TRIGGER })
      }
    })

    it('ranks a custom role by its permission flags: a role built on triage may run a triage command', async () => {
      anthropic.script([{ content: [{ type: 'text', text: 'Triaged.' }] }])
      const result = await run(comment('/triage', 'auditor-ada'))

      expect(result.modelCalls).toBe(1)
      expect(JSON.parse(result.outputs.targets ?? '[]')).toEqual([expect.objectContaining({ target: 'agent:chatter', status: 'ran' })])
    })

    it('ranks a custom role built on maintain as maintain, not as its legacy write', async () => {
      anthropic.script([{ content: [{ type: 'text', text: 'Released.' }] }])
      const result = await run(comment('/release', 'release-rex'))

      expect(result.modelCalls).toBe(1)
      expect(JSON.parse(result.outputs.targets ?? '[]')).toEqual([expect.objectContaining({ target: 'agent:chatter', status: 'ran' })])
    })

    it('still refuses a custom role built on triage a command that needs write', async () => {
      const result = await run(comment('/chatter', 'auditor-ada'))

      expect(result.modelCalls).toBe(0)
      expect(result.summary).toContain('@auditor-ada has triage permission; /chatter needs write')
    })
  })

  describe('which config judges', () => {
    const weak = {
      '.github/aof/triggers/ops.yaml': [
        'apiVersion: aof.dev/v1',
        'kind: Trigger',
        'metadata: {name: old-ops}',
        'spec:',
        '  type: GitHub',
        '  config: {github_events: [issue_comment, pull_request]}',
        '  commands:',
        '    pull_request.opened: {agent: chatter}',
        '    /chatter: {agent: chatter, params: {permission: read}}',
        ''
      ].join('\n'),
      '.github/aof/agents/chatter.yaml': agent('chatter', ['github_post_comment'])
    }

    beforeAll(() => {
      serveConfig('release-0.1', weak)
      github.world.addPull(REPO, { number: 8, head: { ref: 'sneaky', sha: 'e'.repeat(40) }, base: { ref: 'release-0.1' } })
      github.world.setPermission(REPO, 'reader-rita', 'read')
    })

    it('judges a PR that targets an old release branch by the default branch config', async () => {
      const payload = fixtureEvent('pull_request.opened.json')
      payload.number = 8
      payload.pull_request.number = 8
      payload.pull_request.base.ref = 'release-0.1'
      payload.pull_request.head = { ...payload.pull_request.head, ref: 'sneaky', sha: 'e'.repeat(40) }
      const result = await run(payload, 'pull_request')

      expect(result.modelCalls).toBe(0)
      expect(result.outputs.matched).toBe('false')
      expect(result.summary).toContain(`${REPO}@master`)
      expect(github.writes()).toEqual([])
    })

    it('judges a command on such a PR by the default branch config, where it needs write', async () => {
      const result = await run(comment('/chatter', 'reader-rita', 8))

      expect(result.modelCalls).toBe(0)
      expect(result.summary).toContain(`${REPO}@master`)
      expect(result.summary).toContain('@reader-rita has read permission; /chatter needs write')
    })
  })
})
