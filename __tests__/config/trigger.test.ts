import { describe, expect, it } from '@jest/globals'
import { errors, LIBRARY, load, notices, warnings, where } from './memory-source.js'

const withLibrary = (trigger: string, more: Record<string, string> = {}) => load({ 'aof/lib.yaml': LIBRARY, 'aof/t.yaml': trigger, ...more })

describe('Trigger', () => {
  it('reads every documented GitHub filter, command and the default agent', async () => {
    const config = await withLibrary(`apiVersion: aof.dev/v1
kind: Trigger
metadata:
  name: pr-bot
  labels:
    team: backend
spec:
  type: GitHub
  config:
    github_events: [pull_request, issue_comment]
    actions: [opened, synchronize]
    repositories: ["myorg/api", "myorg/web-*"]
    allowed_repos: ["myorg/web-*", "other/repo"]
    branches: [main, "release/*"]
    allowed_users: [alice, "dependabot[bot]"]
  commands:
    /review:
      agent: code-reviewer
      description: Review the PR
    /deploy staging:
      flow: deploy-flow
      params:
        require_approval: true
        approvers: [lead]
    pull_request.opened:
      fleet: review-fleet
  default_agent: helper
`)
    expect(config.diagnostics).toEqual([])
    expect(config.triggers).toEqual([
      {
        name: 'pr-bot',
        type: 'GitHub',
        enabled: true,
        labels: { team: 'backend' },
        events: ['pull_request', 'issue_comment'],
        actions: ['opened', 'synchronize'],
        repositories: ['myorg/api', 'myorg/web-*', 'other/repo'],
        branches: ['main', 'release/*'],
        allowedUsers: ['alice', 'dependabot[bot]'],
        commands: [
          {
            key: 'review',
            target: { kind: 'agent', name: 'code-reviewer' },
            description: 'Review the PR',
            params: {},
            slash: true,
            location: { file: 'aof/t.yaml', line: 17, column: 5 }
          },
          {
            key: 'deploy staging',
            target: { kind: 'flow', name: 'deploy-flow' },
            description: '',
            params: { require_approval: true, approvers: ['lead'] },
            slash: true,
            location: { file: 'aof/t.yaml', line: 20, column: 5 }
          },
          {
            key: 'pull_request.opened',
            target: { kind: 'fleet', name: 'review-fleet' },
            description: '',
            params: {},
            location: { file: 'aof/t.yaml', line: 25, column: 5 }
          }
        ],
        defaultAgent: 'helper',
        location: { file: 'aof/t.yaml', line: 1, column: 1 }
      }
    ])
  })

  it.each([
    ['branches as AOF docs’ {target: [...]} mapping', 'config:\n    branches:\n      target: [main, develop]', { branches: ['main', 'develop'] }],
    [
      'commands and default_agent flattened under spec.config',
      'config:\n    commands:\n      /review:\n        agent: code-reviewer\n    default_agent: helper',
      { defaultAgent: 'helper' }
    ],
    ['AOF’s camelCase defaultAgent', 'defaultAgent: helper', { defaultAgent: 'helper' }],
    ['a disabled trigger, kept with enabled=false', 'enabled: false', { enabled: false }],
    ["'*' as every event", 'config:\n    github_events: ["*"]', { events: [] }]
  ])('accepts %s', async (_name, specLines, expected) => {
    const config = await withLibrary(`apiVersion: aof.dev/v1
kind: Trigger
metadata:
  name: t
spec:
  type: GitHub
  ${specLines}
`)
    expect(errors(config)).toEqual([])
    expect(warnings(config)).toEqual([])
    expect(config.triggers[0]).toMatchObject(expected)
  })

  it('accepts spec.type written in lower case, as GitHub', async () => {
    const config = await withLibrary('kind: Trigger\nmetadata: {name: t}\nspec:\n  type: github\n')
    expect(config.diagnostics).toEqual([])
    expect(config.triggers[0]?.type).toBe('GitHub')
  })

  it('reads commands flattened under spec.config as commands', async () => {
    const config = await withLibrary(`kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    commands:
      /review:
        agent: code-reviewer
`)
    expect(config.triggers[0]?.commands.map((c) => c.key)).toEqual(['review'])
    expect(config.triggers[0]?.commands[0]?.location.line).toBe(7)
  })

  const cases: [string, string, string, string][] = [
    [
      'github_events written as one string',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    github_events: pull_request
`,
      'error aof/t.yaml:6 spec.config.github_events',
      'spec.config.github_events must be a list of event names, e.g. [pull_request, issue_comment] (found the text "pull_request")'
    ],
    [
      'a number among github_events',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    github_events:
      - pull_request
      - 42
`,
      'error aof/t.yaml:8 spec.config.github_events[1]',
      'spec.config.github_events[1] must be an event name, e.g. pull_request (found the number 42)'
    ],
    [
      'a missing metadata.name',
      `kind: Trigger
metadata:
  labels: {team: a}
spec:
  type: GitHub
`,
      'error aof/t.yaml:2 metadata.name',
      'metadata.name is missing; it must be a name, e.g. code-reviewer'
    ],
    [
      'enabled written as yes-in-quotes',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  enabled: "yes"
`,
      'error aof/t.yaml:5 spec.enabled',
      'spec.enabled must be true or false (found the text "yes")'
    ],
    [
      'a misspelt spec.type',
      `kind: Trigger
metadata: {name: t}
spec:
  type: Gitub
`,
      'error aof/t.yaml:4 spec.type',
      'spec.type must be one of GitHub, Slack, Telegram, Discord, WhatsApp, HTTP, Schedule, PagerDuty, Jira, Manual (found the text "Gitub")'
    ],
    [
      'a command naming both an agent and a fleet',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /review:
      agent: code-reviewer
      fleet: review-fleet
`,
      'error aof/t.yaml:6 spec.commands["/review"]',
      'command /review must name exactly one of agent, fleet or flow; it names agent and fleet'
    ],
    [
      'a command naming no target',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /review:
      description: Review
`,
      'error aof/t.yaml:6 spec.commands["/review"]',
      'command /review must name exactly one of agent, fleet or flow; it names none'
    ],
    [
      'the same command with and without its slash',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /review:
      agent: code-reviewer
    review:
      agent: helper
`,
      'error aof/t.yaml:8 spec.commands.review',
      "command review is given twice in this trigger (as '/review' and 'review')"
    ],
    [
      'commands under spec and under spec.config at once',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    commands:
      /a: {agent: helper}
  commands:
    /b: {agent: helper}
`,
      'error aof/t.yaml:6 spec.config.commands',
      'commands are given twice, under spec and under spec.config; keep one (AOF reads spec.commands)'
    ],
    [
      'default_agent and defaultAgent at once',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  default_agent: helper
  config:
    defaultAgent: code-reviewer
`,
      'error aof/t.yaml:7 spec.config.defaultAgent',
      'the default agent is given twice (spec.default_agent and spec.config.defaultAgent); keep one'
    ],
    [
      'a binding that is a bare name',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /review: code-reviewer
`,
      'error aof/t.yaml:6 spec.commands["/review"]',
      'spec.commands["/review"] must be a mapping naming one of agent, fleet or flow, e.g. {agent: code-reviewer, description: "Review the PR"} (found the text "code-reviewer")'
    ],
    [
      'a command that is only a slash',
      `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /:
      agent: helper
`,
      'error aof/t.yaml:6 spec.commands["/"]',
      "command '/' has no name; write a command such as /review or an event such as pull_request.opened"
    ]
  ]

  it.each(cases)('reports %s at its file, line and field', async (_name, yaml, location, message) => {
    const config = await withLibrary(yaml)
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([[location, message]])
  })

  it('keeps a disabled trigger, and warns (not fails) about its undefined target', async () => {
    const config = await withLibrary(`kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  enabled: false
  commands:
    /x: {agent: nobody}
`)
    expect(errors(config)).toEqual([])
    expect(warnings(config).map((d) => [where(d), d.message])).toEqual([
      ['warning aof/t.yaml:7 spec.commands["/x"].agent', "command /x → agent 'nobody' is not defined; defined agents: code-reviewer, helper"]
    ])
    expect(config.triggers[0]?.enabled).toBe(false)
  })

  it('warns at the key about a field it does not know, and still loads the trigger', async () => {
    const config = await withLibrary(`kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    pr_states: [open]
  commands:
    /review:
      agent: code-reviewer
      response: "Reviewing..."
`)
    expect(warnings(config).map((d) => [where(d), d.message])).toEqual([
      ['warning aof/t.yaml:6 spec.config.pr_states', 'spec.config.pr_states is not a field github-agent knows; it is ignored'],
      ['warning aof/t.yaml:10 spec.commands["/review"].response', 'spec.commands["/review"].response is not a field github-agent knows; it is ignored']
    ])
    expect(config.triggers).toHaveLength(1)
  })

  it.each(['Admin', 'owner', 'none', 'true'])('refuses params.permission: %s with file, line, field and the roles it may be', async (value) => {
    const config = await withLibrary(`kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /deploy:
      agent: code-reviewer
      params:
        environment: production
        permission: ${value}
`)
    const found = typeof value === 'string' && value !== 'true' ? `the text "${value}"` : 'true'
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      [
        'error aof/t.yaml:10 spec.commands["/deploy"].params.permission',
        `spec.commands["/deploy"].params.permission must be one of read, triage, write, maintain or admin (a repository role, in lower case) (found ${found})`
      ]
    ])
  })

  it('keeps the other params free-form: no warning for names only templates read', async () => {
    const config = await withLibrary(`kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /deploy:
      agent: code-reviewer
      params: {permission: maintain, environment: production, require_approval: true}
`)
    expect(config.diagnostics).toEqual([])
    expect(config.triggers[0]?.commands[0]?.params).toEqual({ permission: 'maintain', environment: 'production', require_approval: true })
  })

  it('warns about an event name GitHub does not send', async () => {
    const config = await withLibrary(`kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    github_events: [pull_request, pull_requests]
`)
    expect(warnings(config).map(where)).toEqual(['warning aof/t.yaml:6 spec.config.github_events[1]'])
  })

  it.each([
    ['Slack', 'ignored: Slack triggers cannot run inside a GitHub Action: only GitHub events reach it'],
    ['Schedule', 'ignored: Schedule triggers cannot run inside a GitHub Action: use `on: schedule` in the workflow instead'],
    ['HTTP', 'ignored: HTTP triggers cannot run inside a GitHub Action: no webhook server runs in a job']
  ])('sets a %s trigger aside with a notice, even with unset secrets', async (type, message) => {
    const config = await withLibrary(`kind: Trigger
metadata:
  name: chat
spec:
  type: ${type}
  config:
    bot_token: \${SLACK_BOT_TOKEN}
`)
    expect(config.triggers).toEqual([])
    expect(config.diagnostics.filter((d) => d.file === 'aof/t.yaml').map((d) => [where(d), d.message])).toEqual([
      ['notice aof/t.yaml:5 spec.type', `${message} (trigger 'chat')`]
    ])
  })

  it('ignores webhook_secret with one notice for all triggers, even when its variable is unset', async () => {
    const trigger = (name: string) => `kind: Trigger
metadata: {name: ${name}}
spec:
  type: GitHub
  config:
    webhook_secret: \${GITHUB_WEBHOOK_SECRET}
`
    const config = await withLibrary(trigger('a'), { 'aof/u.yaml': trigger('b') })
    expect(errors(config)).toEqual([])
    expect(notices(config).map((d) => [where(d), d.message])).toEqual([
      [
        'notice aof/t.yaml:6 spec.config.webhook_secret',
        'ignored in a job: webhook_secret (GitHub delivers the event to the job; there is no webhook to verify)'
      ]
    ])
  })

  it('reports a second trigger of the same name at the second', async () => {
    const trigger = `kind: Trigger
metadata:
  name: same
spec:
  type: GitHub
`
    const config = await withLibrary(trigger, { 'aof/u.yaml': trigger })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      ['error aof/u.yaml:3 metadata.name', "trigger 'same' is defined twice; the first definition is at aof/t.yaml:3. Names must be unique per kind"]
    ])
    expect(config.triggers).toHaveLength(1)
  })

  it('keeps triggers in path order, then document order', async () => {
    const trigger = (name: string) => `kind: Trigger\nmetadata: {name: ${name}}\nspec: {type: GitHub}\n`
    const config = await load({
      'aof/b.yaml': trigger('b1') + '---\n' + trigger('b2'),
      'aof/a/z.yaml': trigger('az'),
      'aof/a.yaml': trigger('a')
    })
    // Plain code-unit order of the whole path: '.' sorts before '/'.
    expect(config.triggers.map((t) => t.name)).toEqual(['a', 'az', 'b1', 'b2'])
  })
})
