import { describe, expect, it } from '@jest/globals'
import { errors, LIBRARY, load, where } from './memory-source.js'

const flow = (spec: string) => `apiVersion: aof.dev/v1
kind: AgentFlow
metadata:
  name: f
spec:
${spec}`

const withLibrary = (yaml: string, env: Record<string, string> = {}) => load({ 'aof/lib.yaml': LIBRARY, 'aof/f.yaml': yaml }, env)

describe('AgentFlow', () => {
  it('reads nodes with their config as written and connections from the entry markers', async () => {
    const config = await withLibrary(
      flow(`  nodes:
    - id: review
      type: Agent
      config:
        agent: code-reviewer
        input: "PR \${event.metadata.pr_number} by \${event}, run \${RUN_ID}"
    - id: ok
      type: Approval
      config: {message: Ship it?, timeout_seconds: 60}
    - id: many
      type: Fleet
      config: {fleet: review-fleet}
  connections:
    - from: trigger
      to: review
    - from: review
      to: ok
      when: true
    - from: start
      to: many
`),
      { RUN_ID: '7' }
    )
    expect(errors(config)).toEqual([])
    expect(config.flows.f).toEqual({
      name: 'f',
      nodes: [
        {
          id: 'review',
          type: 'Agent',
          config: { agent: 'code-reviewer', input: 'PR ${event.metadata.pr_number} by ${event}, run 7' },
          location: { file: 'aof/f.yaml', line: 7, column: 7 }
        },
        { id: 'ok', type: 'Approval', config: { message: 'Ship it?', timeout_seconds: 60 }, location: { file: 'aof/f.yaml', line: 12, column: 7 } },
        { id: 'many', type: 'Fleet', config: { fleet: 'review-fleet' }, location: { file: 'aof/f.yaml', line: 15, column: 7 } }
      ],
      connections: [
        { from: 'trigger', to: 'review' },
        { from: 'review', to: 'ok', when: 'true' },
        { from: 'start', to: 'many' }
      ],
      location: { file: 'aof/f.yaml', line: 1, column: 1 }
    })
  })

  it.each([
    ['Script', 'Script nodes run shell commands; github-agent does not run shell in a job. Use an Action node or a workflow step after this action.'],
    [
      'Transform',
      'Transform nodes run a shell script (config.script); github-agent does not run shell in a job. Use an Action node or a workflow step after this action.'
    ],
    [
      'Slack',
      'Slack nodes post to Slack, which github-agent does not reach from a job. Use a Response node to answer on GitHub, or a Slack step in the workflow.'
    ],
    [
      'Discord',
      'Discord nodes post to Discord, which github-agent does not reach from a job. Use a Response node to answer on GitHub, or a Discord step in the workflow.'
    ],
    ['HTTP', 'HTTP nodes call arbitrary URLs, which github-agent does not do from a job. Use a workflow step after this action.'],
    ['Wait', 'Wait nodes sleep inside the flow and would hold a runner for the whole wait. Use an Approval node, or a scheduled workflow.']
  ])('refuses a %s node, naming the node and why', async (type, why) => {
    const config = await withLibrary(flow(`  nodes:\n    - id: step\n      type: ${type}\n      config: {}\n`))
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([['error aof/f.yaml:8 spec.nodes[0].type', `node 'step' cannot run in a job: ${why}`]])
  })

  it.each(['Agent', 'Fleet', 'Conditional', 'Approval', 'Response', 'Action', 'End', 'Join', 'Parallel'])('accepts a %s node type', async (type) => {
    const config =
      {
        Agent: '{agent: code-reviewer}',
        Fleet: '{fleet: review-fleet}',
        Conditional: '{condition: "true"}',
        Action: '{action: workflow_dispatch, workflow: deploy.yml}'
      }[type] ?? '{}'
    const loaded = await withLibrary(flow(`  nodes:\n    - id: n\n      type: ${type}\n      config: ${config}\n`))
    expect(errors(loaded)).toEqual([])
  })

  const cases: [string, string, string[]][] = [
    ['an unknown node type', '  nodes:\n    - id: n\n      type: Shell\n', ['error aof/f.yaml:8 spec.nodes[0].type']],
    ['a node id used twice', '  nodes:\n    - id: n\n      type: End\n    - id: n\n      type: End\n', ['error aof/f.yaml:9 spec.nodes[1].id']],
    [
      'connections to and from nodes that do not exist',
      '  nodes:\n    - id: n\n      type: End\n  connections:\n    - from: nowhere\n      to: n\n    - from: n\n      to: void\n',
      ['error aof/f.yaml:10 spec.connections[0].from', 'error aof/f.yaml:13 spec.connections[1].to']
    ],
    [
      'an Agent node naming an undefined agent',
      '  nodes:\n    - id: n\n      type: Agent\n      config:\n        agent: ghost\n',
      ['error aof/f.yaml:10 spec.nodes[0].config.agent']
    ],
    ['a Fleet node without config.fleet', '  nodes:\n    - id: n\n      type: Fleet\n      config: {}\n', ['error aof/f.yaml:9 spec.nodes[0].config']],
    ['nodes missing', '  connections: []\n', ['error aof/f.yaml:5 spec.nodes']]
  ]

  it.each(cases)('reports %s at its file, line and field', async (_name, spec, expected) => {
    const config = await withLibrary(flow(spec))
    expect(errors(config).map(where)).toEqual(expected)
  })

  it('reads an Action node’s action written beside config, and says when config.action is missing', async () => {
    const beside = await withLibrary(flow('  nodes:\n    - id: say\n      type: Action\n      action: comment\n      config: {body: Done.}\n'))
    expect(errors(beside)).toEqual([])
    expect(beside.flows.f?.nodes[0]?.config).toEqual({ action: 'comment', body: 'Done.' })
    const missing = await withLibrary(flow('  nodes:\n    - id: say\n      type: Action\n      config: {body: Done.}\n'))
    expect(errors(missing).map((d) => d.message)).toEqual([
      "flow 'f': node 'say' (Action): config.action is missing; it must be one of workflow_dispatch, comment, add_labels, check_run"
    ])
  })

  it('names the defined agents when an Agent node’s agent is missing', async () => {
    const config = await withLibrary(flow('  nodes:\n    - id: n\n      type: Agent\n      config:\n        agent: ghost\n'))
    expect(errors(config)[0]?.message).toBe("flow 'f' node 'n' → agent 'ghost' is not defined; defined agents: code-reviewer, helper")
  })

  it('accepts the Flow alias', async () => {
    const config = await withLibrary(flow('  nodes:\n    - id: n\n      type: End\n').replace('kind: AgentFlow', 'kind: Flow'))
    expect(errors(config)).toEqual([])
    expect(Object.keys(config.flows).sort()).toEqual(['deploy-flow', 'f'])
  })
})

describe('AgentFlow checks that need the whole flow', () => {
  it('refuses a cycle at load time, naming the flow', async () => {
    const config = await load({
      'aof/loop.yaml': [
        'apiVersion: aof.dev/v1',
        'kind: AgentFlow',
        'metadata: {name: loop}',
        'spec:',
        '  nodes:',
        '    - {id: a, type: Response, config: {message: a}}',
        '    - {id: b, type: Response, config: {message: b}}',
        '  connections:',
        '    - {from: start, to: a}',
        '    - {from: a, to: b}',
        '    - {from: b, to: a}',
        ''
      ].join('\n')
    })
    const problems = errors(config)
    expect(problems).toHaveLength(1)
    expect(config.flows.loop).toBeUndefined()
    expect(problems[0]?.message).toMatch(/^flow 'loop': .*cycle/)
    expect(problems[0]?.file).toBe('aof/loop.yaml')
  })
})
