import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { loadConfig } from '../../src/config/load-config.js'
import type { FlowConnection, FlowDef, FlowNode } from '../../src/config/types.js'
import { createWorkspaceSource } from '../../src/config/workspace-source.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { flowOutputs } from '../../src/flow/flow-outputs.js'
import { runFlow } from '../../src/flow/run-flow.js'
import { fakePorts } from './fake-ports.js'

const at = { file: 'flows/f.yaml', line: 1 }

function flow(nodes: [string, string, Record<string, unknown>?][], connections: FlowConnection[] = []): FlowDef {
  const list: FlowNode[] = nodes.map(([id, type, config]) => ({ id, type, config: config ?? {}, location: at }))
  return { name: 'f', nodes: list, connections, location: at }
}

describe('checkFlow', () => {
  it.each(['deploy-on-merge', 'per-team'])('finds nothing wrong with the %s example flows', async (example) => {
    const config = await loadConfig(createWorkspaceSource(path.resolve(import.meta.dirname, '../../examples', example)), '.github/aof', {}, checkFlow)
    const flows = Object.values(config.flows)
    expect(flows.length).toBeGreaterThan(0)
    expect(flows.flatMap(checkFlow)).toEqual([])
  })

  it('finds nothing wrong with the AOF-shaped fixture flows', async () => {
    const config = await loadConfig(createWorkspaceSource(path.resolve(import.meta.dirname, '../../__fixtures__/config/valid')), '.', {}, checkFlow)
    expect(Object.values(config.flows).flatMap(checkFlow)).toEqual([])
  })

  it.each([
    [
      'a cycle',
      flow(
        [
          ['a', 'End'],
          ['b', 'End']
        ],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' }
        ]
      ),
      'connections',
      "flow 'f' has a cycle (a → b → a); a flow runs each node at most once"
    ],
    [
      'a condition that does not parse',
      flow([['c', 'Conditional', { condition: '1 = 1' }]]),
      'nodes[0].config.condition',
      'node \'c\' (Conditional): unexpected "=" at column 3'
    ],
    [
      'a condition naming a missing node',
      flow([['c', 'Conditional', { condition: '${scan.output.n} > 0' }]]),
      'nodes[0].config.condition',
      "node 'c': ${scan.output.n} names no node of this flow"
    ],
    [
      'a reference to a missing node',
      flow([['r', 'Response', { message: 'Plan: ${plan.output}' }]]),
      'nodes[0].config',
      "node 'r': ${plan.output} names no node of this flow; its nodes are r"
    ],
    [
      'an unknown action',
      flow([['a', 'Action', { action: 'kubectl' }]]),
      'nodes[0].config.action',
      'config.action must be one of workflow_dispatch, comment, add_labels, check_run (found "kubectl")'
    ],
    [
      'a dispatch without a workflow',
      flow([['a', 'Action', { action: 'workflow_dispatch', ref: 'main' }]]),
      'nodes[0].config.workflow',
      "node 'a' (Action) needs config.workflow, e.g. workflow: deploy.yml"
    ],
    [
      'a check run with a bad conclusion',
      flow([['a', 'Action', { action: 'check_run', name: 'x', conclusion: 'ok' }]]),
      'nodes[0].config.conclusion',
      'config.conclusion must be one of success'
    ],
    ['labels missing', flow([['a', 'Action', { action: 'add_labels' }]]), 'nodes[0].config.labels', 'needs config.labels'],
    [
      'approvers that are not a list of logins',
      flow([['a', 'Approval', { approvers: [{ user: 'x' }] }]]),
      'nodes[0].config.approvers',
      'config.approvers must be a list of logins or team:org/slug'
    ],
    [
      'a timeout that is not whole seconds',
      flow([['a', 'Approval', { timeout_seconds: '1h' }]]),
      'nodes[0].config.timeout_seconds',
      'config.timeout_seconds must be a whole number of seconds'
    ],
    [
      'a when that does not parse',
      flow(
        [
          ['a', 'End'],
          ['b', 'End']
        ],
        [{ from: 'a', to: 'b', when: 'approved &&' }]
      ),
      'connections[0].when',
      'connection a → b: when "approved &&": the condition ends where a value was expected'
    ]
  ])('reports %s', (_name, def, field, message) => {
    const problems = checkFlow(def)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.field).toBe(field)
    expect(problems[0]?.message).toContain(message)
  })

  it('leaves values written with placeholders to run time', () => {
    expect(
      checkFlow(
        flow([
          ['a', 'Action', { action: 'check_run', name: '{{ params.check }}', conclusion: '${x.output.conclusion}' }],
          ['x', 'Agent', { agent: 'a' }]
        ])
      )
    ).toEqual([])
  })
})

describe('flowOutputs', () => {
  it('tells the workflow where a flow paused and what each node gave', async () => {
    const def = flow(
      [
        ['plan', 'Agent', { agent: 'p' }],
        ['ok', 'Approval', {}],
        ['go', 'Response', { message: 'x' }]
      ],
      [
        { from: 'plan', to: 'ok' },
        { from: 'ok', to: 'go' }
      ]
    )
    const result = await runFlow(def, { metadata: {}, params: {}, command: { name: null, args: '' } }, fakePorts({ plan: { text: 'p'.repeat(1500) } }))
    const outputs = flowOutputs(result)
    expect(outputs.flow).toBe('paused')
    expect(outputs['flow-node']).toBe('ok')
    expect(outputs['approved-by']).toBe('')
    expect(JSON.parse(outputs['node-results'] as string)).toEqual({
      plan: { status: 'completed', output: { text: `${'p'.repeat(1000)}…`, result: true } },
      ok: { status: 'paused' },
      go: { status: 'pending' }
    })
  })

  it('names the approver and the failed node', async () => {
    const def = flow(
      [
        ['ok', 'Approval', {}],
        ['go', 'Action', { action: 'workflow_dispatch', workflow: 'd.yml' }]
      ],
      [{ from: 'ok', to: 'go' }]
    )
    const ctx = { metadata: {}, params: {}, command: { name: null, args: '' } }
    const paused = await runFlow(def, ctx, fakePorts())
    const failed = await runFlow(def, ctx, fakePorts({ go: new Error('HTTP 404 workflow d.yml not found') }), {
      state: paused.state!,
      decision: 'approved',
      by: 'bob'
    })
    expect(flowOutputs(failed, 'bob')).toMatchObject({ flow: 'failed', 'flow-node': 'go', 'approved-by': 'bob' })
  })
})
