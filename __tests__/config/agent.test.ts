import { describe, expect, it } from '@jest/globals'
import { errors, load, notices, warnings, where } from './memory-source.js'

describe('Agent', () => {
  it('reads the Kubernetes form with every field, github-agent extras kept in extra', async () => {
    const config = await load({
      'aof/agents/reviewer.yaml': `apiVersion: aof.dev/v1
kind: Agent
metadata:
  name: reviewer
spec:
  model: claude-sonnet-4-5
  provider: anthropic
  instructions: "Review PR #{{ metadata.pr_number }}."
  tools:
    - github_post_review
    - name: github_add_labels
      enabled: false
      config: {}
      timeout_secs: 20
  max_iterations: 4
  temperature: 0.1
  max_tokens: 2048
  output_schema: {type: object}
  allow_approve: true
  allowed_labels: [bug, enhancement]
  create_labels: false
  max_writes: 3
  max_tool_calls_per_turn: 5
  budget: {max_tokens: 10000}
  review: {mode: full, max_reviews_per_day: 3}
`
    })
    expect(config.diagnostics.filter((d) => d.severity !== 'warning' || !d.message.startsWith('no GitHub Trigger'))).toEqual([])
    expect(config.agents.reviewer).toEqual({
      name: 'reviewer',
      model: 'claude-sonnet-4-5',
      provider: 'anthropic',
      instructions: 'Review PR #{{ metadata.pr_number }}.',
      tools: [
        { name: 'github_post_review', enabled: true, config: {} },
        { name: 'github_add_labels', enabled: false, config: {}, timeoutSecs: 20 }
      ],
      maxIterations: 4,
      temperature: 0.1,
      maxTokens: 2048,
      extra: {
        output_schema: { type: 'object' },
        allow_approve: true,
        allowed_labels: ['bug', 'enhancement'],
        create_labels: false,
        max_writes: 3,
        max_tool_calls_per_turn: 5,
        budget: { max_tokens: 10000 },
        review: { mode: 'full', max_reviews_per_day: 3 }
      },
      location: { file: 'aof/agents/reviewer.yaml', line: 1, column: 1 }
    })
  })

  it.each([
    ['system_prompt', 'system_prompt: Be brief.'],
    ['system', 'system: Be brief.'],
    ['instructions', 'instructions: Be brief.']
  ])('takes the instructions from %s', async (_key, line) => {
    const config = await load({ 'aof/a.yaml': `kind: Agent\nmetadata: {name: a}\nspec:\n  ${line}\n` })
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.instructions).toBe('Be brief.')
    expect(config.agents.a?.maxIterations).toBe(10)
  })

  it('reads AOF’s flat form (name and model at the top) in an agents directory', async () => {
    const config = await load({ 'aof/agents/flat.yaml': 'name: flat\nmodel: google:gemini-2.5-flash\nsystem_prompt: Hi.\ntools: [github_post_comment]\n' })
    expect(errors(config)).toEqual([])
    expect(config.agents.flat).toMatchObject({ name: 'flat', model: 'google:gemini-2.5-flash', instructions: 'Hi.', tools: [{ name: 'github_post_comment' }] })
  })

  it('skips a kind-less document outside an agents directory with a warning', async () => {
    const config = await load({ 'aof/flat.yaml': 'name: flat\nmodel: google:gemini-2.5-flash\n' })
    expect(config.agents).toEqual({})
    expect(warnings(config).map(where)).toContain('warning aof/flat.yaml:1 -')
  })

  const cases: [string, string, string, string][] = [
    [
      'a temperature written as a word',
      'temperature: hot',
      'error aof/a.yaml:4 spec.temperature',
      'spec.temperature must be a number from 0 to 2, e.g. 0.2 (found the text "hot")'
    ],
    [
      'max_iterations of zero',
      'max_iterations: 0',
      'error aof/a.yaml:4 spec.max_iterations',
      'spec.max_iterations must be a whole number of at least 1, e.g. 10 (found the number 0)'
    ],
    [
      'tools written as one string',
      'tools: github_post_comment',
      'error aof/a.yaml:4 spec.tools',
      'spec.tools must be a list of tools, e.g. [github_post_comment, github_post_review] (found the text "github_post_comment")'
    ],
    [
      'a tool whose enabled is not a boolean',
      'tools:\n    - github_post_comment\n    - name: github_add_labels\n      enabled: "yes"',
      'error aof/a.yaml:7 spec.tools[1].enabled',
      'spec.tools[1].enabled must be true or false (found the text "yes")'
    ],
    [
      'instructions given twice',
      'instructions: A\n  system_prompt: B',
      'error aof/a.yaml:5 spec.system_prompt',
      'the instructions are given twice (instructions and system_prompt); keep one'
    ],
    [
      'max_writes of zero',
      'max_writes: 0',
      'error aof/a.yaml:4 spec.max_writes',
      'spec.max_writes must be a whole number of writes of at least 1, e.g. 10 (found the number 0)'
    ],
    [
      'max_tool_calls_per_turn as text',
      'max_tool_calls_per_turn: many',
      'error aof/a.yaml:4 spec.max_tool_calls_per_turn',
      'spec.max_tool_calls_per_turn must be a whole number of tool calls of at least 1, e.g. 20 (found the text "many")'
    ],
    [
      'allowed_labels as a mapping',
      'allowed_labels: {bug: true}',
      'error aof/a.yaml:4 spec.allowed_labels',
      'spec.allowed_labels must be a list of label names, e.g. [bug, enhancement] (found a mapping)'
    ]
  ]

  it.each(cases)('reports %s at its file, line and field', async (_name, specLines, location, message) => {
    const config = await load({ 'aof/a.yaml': `kind: Agent\nmetadata: {name: a}\nspec:\n  ${specLines}\n` })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([[location, message]])
  })

  it('reads AOF’s {type: Shell} as its shell tool with the settings checked; MCP tools go to their server', async () => {
    const config = await load({
      'aof/a.yaml': `kind: Agent
metadata: {name: a}
spec:
  tools:
    - type: Shell
      config:
        allowed_commands: [kubectl]
        working_directory: deploy
        timeout_seconds: 30
    - name: create_issue
      source: mcp
      server: github
    - github_post_comment
  mcp_servers:
    - {name: github, command: npx, args: ["@modelcontextprotocol/server-github"]}
`
    })
    expect(errors(config)).toEqual([])
    expect(
      warnings(config)
        .filter((d) => d.field)
        .map((d) => [where(d), d.message])
    ).toEqual([])
    expect(config.agents.a?.tools.map((t) => [t.name, t.settings ?? null])).toEqual([
      ['shell', { allowedCommands: ['kubectl'], workingDirectory: 'deploy', timeoutSeconds: 30, env: {} }],
      ['github_post_comment', null]
    ])
    expect(config.agents.a?.mcpServers?.map((s) => [s.name, s.tools])).toEqual([['github', ['create_issue']]])
  })

  it('an HTTP tool is an error at the tool, and the agent is skipped', async () => {
    const config = await load({
      'aof/a.yaml': `kind: Agent
metadata: {name: a}
spec:
  tools:
    - github_post_comment
    - type: HTTP
      config: {url: https://example.com}
`
    })
    expect(config.diagnostics.filter((d) => d.field).map((d) => [where(d), d.message])).toEqual([
      [
        expect.stringMatching(/^(error|warning) aof\/a\.yaml:6 spec\.tools\[1\]$/),
        expect.stringContaining(
          'a HTTP tool cannot run here: github-agent has no HTTP tools (it has Shell, files, git, CLI programs, MCP servers and GitHub tools)'
        )
      ]
    ])
    expect(config.agents.a).toBeUndefined()
  })

  it('reports memory once as ignored in a job, keeping it in extra; mcp_servers are read, not ignored', async () => {
    const agent = (name: string) => `kind: Agent
metadata: {name: ${name}}
spec:
  memory: "File:./github-cache.json:1000"
  mcp_servers:
    - name: github
      command: npx
      env: {GITHUB_TOKEN: "\${SET_TOKEN}"}
`
    const config = await load({ 'aof/a.yaml': agent('a'), 'aof/b.yaml': agent('b') }, { SET_TOKEN: 'value' })
    expect(errors(config)).toEqual([])
    expect(notices(config).map((d) => [where(d), d.message])).toEqual([
      ['notice aof/a.yaml:4 spec.memory', 'ignored in a job: memory (each event is a fresh job; nothing persists between runs)']
    ])
    expect(config.agents.b?.extra.memory).toBe('File:./github-cache.json:1000')
    expect(config.agents.b?.extra.mcp_servers).toBeUndefined()
    expect(config.agents.b?.mcpServers?.[0]?.env).toEqual({ GITHUB_TOKEN: 'value' })
  })

  it('warns about fields it does not know, such as the docs’ model_config', async () => {
    const config = await load({ 'aof/a.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  model_config:\n    temperature: 0.3\n' })
    expect(warnings(config).map(where)).toContain('warning aof/a.yaml:4 spec.model_config')
    expect(config.agents.a).toBeDefined()
  })

  it('reports a second agent of the same name at the second, keeping the first', async () => {
    const config = await load({
      'aof/a.yaml': 'kind: Agent\nmetadata: {name: same}\nspec: {instructions: first}\n',
      'aof/b.yaml': 'name: x\n---\nkind: Agent\nmetadata:\n  name: same\nspec: {instructions: second}\n'
    })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      ['error aof/b.yaml:5 metadata.name', "agent 'same' is defined twice; the first definition is at aof/a.yaml:2. Names must be unique per kind"]
    ])
    expect(config.agents.same?.instructions).toBe('first')
  })

  it('resolves an agent named like an Object.prototype member only when it is defined', async () => {
    const config = await load({
      'aof/t.yaml': 'kind: Trigger\nmetadata: {name: t}\nspec:\n  type: GitHub\n  default_agent: constructor\n'
    })
    expect(errors(config).map(where)).toEqual(['error aof/t.yaml:5 spec.default_agent'])
    expect(config.agents.constructor).toBeUndefined()
  })
})
