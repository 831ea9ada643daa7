import { describe, expect, it } from '@jest/globals'
import type { FlowConnection, FlowDef, FlowNode } from '../../src/config/types.js'
import { invocationMetadata } from '../../src/execute/plan-invocation.js'
import type { FlowContext, FlowResult } from '../../src/flow/flow-types.js'
import { runFlow } from '../../src/flow/run-flow.js'
import { HEAD_SHA, routePerTeam } from '../approval/per-team-example.js'
import { fakePorts } from './fake-ports.js'

const at = { file: 'flows/f.yaml', line: 1 }

function flow(nodes: [string, string, Record<string, unknown>?][], connections: FlowConnection[]): FlowDef {
  const list: FlowNode[] = nodes.map(([id, type, config]) => ({ id, type, config: config ?? {}, location: at }))
  return { name: 'f', nodes: list, connections, location: at }
}

const ctx: FlowContext = {
  metadata: { pr_number: 7, pr_base_ref: 'main', sender_login: 'alice' },
  params: { environment: 'staging' },
  command: { name: 'deploy staging', args: '' }
}

function statuses(result: FlowResult): Record<string, string> {
  return Object.fromEntries(result.nodes.map((n) => [n.id, n.status]))
}

async function example(file: string) {
  const routed = await routePerTeam(file)
  const target = routed.invocation.target
  if (target?.kind !== 'flow') throw new Error(`${file} does not run a flow`)
  const def = routed.config.flows[target.name] as FlowDef
  const flowCtx: FlowContext = {
    metadata: invocationMetadata(routed.event, routed.invocation),
    params: routed.invocation.params,
    command: { name: routed.invocation.key, args: routed.invocation.args }
  }
  return { def, ctx: flowCtx, routed }
}

describe('runFlow on the reference deploy flows', () => {
  it('runs /deploy staging straight through: plan, dispatch deploy.yml for staging, reply', async () => {
    const { def, ctx: flowCtx } = await example('issue_comment.created.api-server-deploy-staging.json')
    const ports = fakePorts({ plan: { text: 'Ship it', status: 'ran' }, deploy: { url: 'https://github.com/myorg/api-server/actions' } })
    const result = await runFlow(def, flowCtx, ports)
    expect(result.status).toBe('completed')
    expect(ports.calls).toEqual([
      { port: 'runAgent', request: { node: 'plan', agent: 'backend-deployer', inline: null, input: 'Deploy to staging' } },
      { port: 'dispatchWorkflow', request: { node: 'deploy', workflow: 'deploy.yml', ref: 'main', inputs: { environment: 'staging', sha: HEAD_SHA } } },
      { port: 'postComment', request: { node: 'reply', body: `Staging deploy of ${HEAD_SHA} started by alice.` } }
    ])
    expect(result.outputs.plan).toEqual({ text: 'Ship it', status: 'ran', result: true })
    expect(result.outputs.deploy).toMatchObject({ result: true, workflow: 'deploy.yml', url: 'https://github.com/myorg/api-server/actions' })
  })

  it('pauses /deploy production at its Approval node with the plan done, then resumes only what is left', async () => {
    const { def, ctx: flowCtx } = await example('issue_comment.created.api-server-deploy-production.json')
    const first = fakePorts({ plan: { text: 'Plan: 2 migrations' } })
    const paused = await runFlow(def, flowCtx, first)
    expect(paused.status).toBe('paused')
    expect(statuses(paused)).toEqual({ plan: 'completed', approve: 'paused', deploy: 'pending', reply: 'pending' })
    expect(first.ran()).toEqual(['plan'])
    expect(paused.approval).toEqual({
      node: 'approve',
      message: `Deploy ${HEAD_SHA} of myorg/api-server to production? Answer /approve or /deny.`,
      approvers: null,
      timeoutSeconds: 3600
    })
    expect(paused.state).toMatchObject({
      flow: 'deploy-backend-prod',
      pausedAt: 'approve',
      decided: [{ id: 'plan', status: 'completed', output: { text: 'Plan: 2 migrations', result: true } }]
    })

    // The state went through JSON (the comment marker); the approver's job resumes it.
    const state = JSON.parse(JSON.stringify(paused.state))
    const second = fakePorts()
    const resumed = await runFlow(def, flowCtx, second, { state, decision: 'approved', by: 'charlie' })
    expect(resumed.status).toBe('completed')
    expect(second.ran()).toEqual(['deploy', 'reply'])
    expect(second.calls[0]?.request).toEqual({ node: 'deploy', workflow: 'deploy.yml', ref: 'main', inputs: { environment: 'production', sha: HEAD_SHA } })
    expect(resumed.outputs.plan).toEqual({ text: 'Plan: 2 migrations', result: true })
    expect(resumed.outputs.approve).toEqual({ result: true, approved: true, denied: false, decision: 'approved', by: 'charlie' })
  })

  it('skips what an Approval node guards when the answer is /deny', async () => {
    const { def, ctx: flowCtx } = await example('issue_comment.created.api-server-deploy-production.json')
    const paused = await runFlow(def, flowCtx, fakePorts())
    const ports = fakePorts()
    const denied = await runFlow(def, flowCtx, ports, { state: paused.state!, decision: 'denied', by: 'charlie' })
    expect(denied.status).toBe('completed')
    expect(ports.calls).toEqual([])
    expect(statuses(denied)).toEqual({ plan: 'completed', approve: 'completed', deploy: 'skipped', reply: 'skipped' })
  })
})

describe('runFlow', () => {
  const branching = flow(
    [
      ['check', 'Conditional', { condition: '{{ metadata.pr_base_ref }} == main && ${scan.output.findings} == 0' }],
      ['scan', 'Agent', { agent: 'scanner' }],
      ['ship', 'Action', { action: 'add_labels', labels: ['ready'] }],
      ['hold', 'Response', { message: 'Not shipping: ${scan.output.findings} findings' }],
      ['tell', 'Response', { message: 'Done with PR #{{ metadata.pr_number }}' }]
    ],
    [
      { from: 'start', to: 'scan' },
      { from: 'scan', to: 'check' },
      { from: 'check', to: 'ship', when: 'true' },
      { from: 'check', to: 'hold', when: 'false' },
      { from: 'ship', to: 'tell' },
      { from: 'hold', to: 'tell' }
    ]
  )

  it.each([
    [0, ['scan', 'ship', 'tell'], 'hold'],
    [3, ['scan', 'hold', 'tell'], 'ship']
  ])('with %p findings runs %p and skips %p', async (findings, ran, skipped) => {
    const ports = fakePorts({ scan: { findings } })
    const result = await runFlow(branching, ctx, ports)
    expect(result.status).toBe('completed')
    expect(ports.ran()).toEqual(ran)
    expect(result.nodes.find((n) => n.id === skipped)).toMatchObject({ status: 'skipped', detail: 'not reached: no connection into it held' })
  })

  it("fills a later node's config from earlier outputs", async () => {
    const ports = fakePorts({ scan: { findings: 3 } })
    await runFlow(branching, ctx, ports)
    expect(ports.calls.map((c) => c.request.body)).toEqual([undefined, 'Not shipping: 3 findings', 'Done with PR #7'])
  })

  it.each([
    [
      'workflow_dispatch',
      { workflow: 'deploy.yml', inputs: { environment: '{{ params.environment }}', dry_run: false, replicas: 2 } },
      'dispatchWorkflow',
      { workflow: 'deploy.yml', ref: null, inputs: { environment: 'staging', dry_run: 'false', replicas: '2' } }
    ],
    ['comment', { body: 'Deploying #{{ metadata.pr_number }}' }, 'postComment', { body: 'Deploying #7' }],
    ['add_labels', { labels: 'deployed' }, 'addLabels', { labels: ['deployed'] }],
    [
      'check_run',
      { name: 'deploy', conclusion: 'neutral', summary: 'staged' },
      'checkRun',
      { name: 'deploy', conclusion: 'neutral', title: 'deploy', summary: 'staged' }
    ]
  ])('runs an Action node with action %s', async (action, config, port, request) => {
    const ports = fakePorts()
    const result = await runFlow(flow([['act', 'Action', { action, ...config }]], []), ctx, ports)
    expect(result.status).toBe('completed')
    expect(ports.calls).toEqual([{ port, request: { node: 'act', ...request } }])
  })

  it.each([
    [{ action: 'shell', command: 'rm -rf /' }, 'node \'act\' (Action): config.action "shell" is not one of workflow_dispatch, comment, add_labels, check_run'],
    [{ action: 'workflow_dispatch' }, "node 'act' (Action) needs config.workflow, e.g. workflow: deploy.yml"],
    [{ action: 'workflow_dispatch', workflow: 'd.yml', inputs: ['a'] }, "node 'act' (Action): config.inputs must be a mapping of workflow inputs"],
    [{ action: 'check_run', name: 'x', conclusion: 'green' }, "node 'act' (Action): config.conclusion must be one of success, failure"]
  ])('fails an Action node with bad config %p', async (config, message) => {
    const result = await runFlow(flow([['act', 'Action', config]], []), ctx, fakePorts())
    expect(result.status).toBe('failed')
    expect(result.failure?.node).toBe('act')
    expect(result.failure?.error).toContain(message)
  })

  it('stops at the node whose port failed, leaving the rest undecided', async () => {
    const def = flow(
      [
        ['plan', 'Agent', { agent: 'p' }],
        ['deploy', 'Action', { action: 'workflow_dispatch', workflow: 'deploy.yml' }],
        ['reply', 'Response', { message: 'done' }]
      ],
      [
        { from: 'plan', to: 'deploy' },
        { from: 'deploy', to: 'reply' }
      ]
    )
    const ports = fakePorts({ deploy: new Error('HTTP 403 Resource not accessible by integration (needs actions: write)') })
    const result = await runFlow(def, ctx, ports)
    expect(result.status).toBe('failed')
    expect(result.failure).toEqual({ node: 'deploy', error: 'HTTP 403 Resource not accessible by integration (needs actions: write)' })
    expect(statuses(result)).toEqual({ plan: 'completed', deploy: 'failed', reply: 'pending' })
    expect(ports.ran()).toEqual(['plan', 'deploy'])
  })

  it('refuses a flow with a cycle before running anything', async () => {
    const def = flow(
      [
        ['a', 'Agent', { agent: 'x' }],
        ['b', 'Agent', { agent: 'x' }],
        ['c', 'Agent', { agent: 'x' }],
        ['d', 'End']
      ],
      [
        { from: 'start', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
        { from: 'c', to: 'd' }
      ]
    )
    const ports = fakePorts()
    const result = await runFlow(def, ctx, ports)
    expect(result.failure).toEqual({ node: null, error: "flow 'f' has a cycle (b → c → b); a flow runs each node at most once" })
    expect(ports.calls).toEqual([])
  })

  it('starts at every node without an incoming connection when nothing comes from start', async () => {
    const def = flow(
      [
        ['one', 'Response', { message: '1' }],
        ['two', 'Response', { message: '2' }],
        ['after', 'Response', { message: '${one.output.body}+${two.output.body}' }]
      ],
      [
        { from: 'one', to: 'after' },
        { from: 'two', to: 'after' }
      ]
    )
    const ports = fakePorts()
    await runFlow(def, ctx, ports)
    expect(ports.calls.map((c) => c.request.body)).toEqual(['1', '2', '1+2'])
  })

  it('reaches only nodes connected from start when some are', async () => {
    const def = flow(
      [
        ['entry', 'Response', { message: 'in' }],
        ['orphan', 'Response', { message: 'never' }]
      ],
      [{ from: 'trigger', to: 'entry' }]
    )
    const result = await runFlow(def, ctx, fakePorts())
    expect(statuses(result)).toEqual({ entry: 'completed', orphan: 'skipped' })
  })

  it.each([
    ['all', ['a', 'b'], 'skipped'],
    ['any', ['a'], 'completed'],
    ['majority', ['a'], 'skipped']
  ])('Join with strategy %s after one of two branches holds is %s', async (strategy, _ran, expected) => {
    const def = flow(
      [
        ['gate', 'Conditional', { condition: true }],
        ['a', 'Response', { message: 'a' }],
        ['b', 'Response', { message: 'b' }],
        ['join', 'Join', { strategy }]
      ],
      [
        { from: 'start', to: 'gate' },
        { from: 'gate', to: 'a', when: 'true' },
        { from: 'gate', to: 'b', when: 'false' },
        { from: 'a', to: 'join' },
        { from: 'b', to: 'join' }
      ]
    )
    const result = await runFlow(def, ctx, fakePorts())
    expect(result.nodes.find((n) => n.id === 'join')?.status).toBe(expected)
  })

  it('ends at an End node: later nodes are skipped', async () => {
    const def = flow(
      [
        ['stop', 'End'],
        ['later', 'Response', { message: 'x' }]
      ],
      [
        { from: 'start', to: 'stop' },
        { from: 'start', to: 'later' }
      ]
    )
    const ports = fakePorts()
    const result = await runFlow(def, ctx, ports)
    expect(statuses(result)).toEqual({ stop: 'completed', later: 'skipped' })
    expect(ports.calls).toEqual([])
  })

  it.each([
    ["status == 'green'", { status: 'green' }, true],
    ['status == green && score > 80', { status: 'green', score: 75 }, false],
    ['${src.output.status} != red', { status: 'green' }, true]
  ])('follows a connection when %p holds for %p: %p', async (when, output, followed) => {
    const def = flow(
      [
        ['src', 'Agent', { agent: 'x' }],
        ['next', 'Response', { message: 'go' }]
      ],
      [{ from: 'src', to: 'next', when }]
    )
    const result = await runFlow(def, ctx, fakePorts({ src: output }))
    expect(result.nodes.find((n) => n.id === 'next')?.status).toBe(followed ? 'completed' : 'skipped')
  })

  it('fails on a when that names no field of its source instead of reading it as text', async () => {
    const def = flow(
      [
        ['check', 'Conditional', { condition: 'true' }],
        ['next', 'Response', { message: 'go' }]
      ],
      [{ from: 'check', to: 'next', when: 'approved' }]
    )
    const result = await runFlow(def, ctx, fakePorts())
    expect(result.failure).toEqual({
      node: 'next',
      error: "connection check → next: when 'approved': node 'check' (Conditional) has no output field 'approved'; its fields are result, condition"
    })
  })

  it("never lets an agent's answer turn into an operator of a condition", async () => {
    const def = flow(
      [
        ['agent', 'Agent', { agent: 'x' }],
        ['check', 'Conditional', { condition: '${agent.output.text} == safe' }],
        ['deploy', 'Action', { action: 'workflow_dispatch', workflow: 'deploy.yml' }]
      ],
      [
        { from: 'agent', to: 'check' },
        { from: 'check', to: 'deploy', when: 'true' }
      ]
    )
    const ports = fakePorts({ agent: { text: "unsafe' || 'a' == 'a" } })
    const result = await runFlow(def, ctx, ports)
    expect(statuses(result)).toMatchObject({ check: 'completed', deploy: 'skipped' })
    expect(result.outputs.check).toEqual({ result: false, condition: '${agent.output.text} == safe' })
  })

  it('an unconditioned connection out of an Approval node is followed only when approved', async () => {
    const def = flow(
      [
        ['ok', 'Approval', { message: 'Apply?', approvers: ['platform-lead', 'team:myorg/sre'] }],
        ['apply', 'Action', { action: 'workflow_dispatch', workflow: 'terraform-apply.yml' }],
        ['sorry', 'Response', { message: 'Denied by ${ok.output.by}' }]
      ],
      [
        { from: 'ok', to: 'apply' },
        { from: 'ok', to: 'sorry', when: 'denied' }
      ]
    )
    const paused = await runFlow(def, ctx, fakePorts())
    expect(paused.approval?.approvers).toEqual(['platform-lead', 'team:myorg/sre'])
    const ports = fakePorts()
    await runFlow(def, ctx, ports, { state: paused.state!, decision: 'denied', by: 'sre-oncall' })
    expect(ports.calls).toEqual([{ port: 'postComment', request: { node: 'sorry', body: 'Denied by sre-oncall' } }])
  })

  it('refuses to resume into a flow that changed since the pause', async () => {
    const def = flow(
      [
        ['ok', 'Approval', {}],
        ['go', 'Response', { message: 'v1' }]
      ],
      [{ from: 'ok', to: 'go' }]
    )
    const paused = await runFlow(def, ctx, fakePorts())
    const changed = flow(
      [
        ['ok', 'Approval', {}],
        ['go', 'Response', { message: 'v2' }]
      ],
      [{ from: 'ok', to: 'go' }]
    )
    const ports = fakePorts()
    const result = await runFlow(changed, ctx, ports, { state: paused.state!, decision: 'approved', by: 'bob' })
    expect(result.status).toBe('failed')
    expect(result.failure?.error).toBe("cannot resume: flow 'f' was changed after the approval was requested; ask again so the approver sees what will run")
    expect(ports.calls).toEqual([])
  })

  it('pauses again at a second Approval node after the first is approved', async () => {
    const def = flow(
      [
        ['first', 'Approval', {}],
        ['mid', 'Response', { message: 'half' }],
        ['second', 'Approval', { timeout_seconds: 60 }],
        ['last', 'Response', { message: 'all' }]
      ],
      [
        { from: 'first', to: 'mid' },
        { from: 'mid', to: 'second' },
        { from: 'second', to: 'last' }
      ]
    )
    const one = await runFlow(def, ctx, fakePorts())
    const two = await runFlow(def, ctx, fakePorts(), { state: one.state!, decision: 'approved', by: 'bob' })
    expect(two.status).toBe('paused')
    expect(two.state?.pausedAt).toBe('second')
    expect(two.state?.decided.map((d) => d.id)).toEqual(['first', 'mid'])
    const ports = fakePorts()
    const three = await runFlow(def, ctx, ports, { state: two.state!, decision: 'approved', by: 'carol' })
    expect(three.status).toBe('completed')
    expect(ports.ran()).toEqual(['last'])
  })
})
