import { describe, expect, it } from '@jest/globals'
import { buildSummary } from '../../src/report/build-summary.js'
import type { RunRecord } from '../../src/report/types.js'

function record(outcomes: RunRecord['outcomes']): RunRecord {
  return {
    event: { name: 'pull_request', action: 'opened', repository: 'o/r', number: 1, sender: 'a' },
    dryRun: false,
    configSource: 'workspace',
    configFiles: ['aof/a.yaml'],
    diagnostics: [],
    decision: null,
    outcomes,
    writes: [],
    commands: [],
    notes: [],
    conclusion: 'success',
    extraOutputs: {},
    durationMs: 5
  }
}

const invocation = {
  key: null,
  via: 'event',
  target: { kind: 'fleet', name: 'f' },
  args: '',
  params: {}
} as unknown as RunRecord['outcomes'][number]['invocation']

describe('the summary’s MCP calls', () => {
  it('lists every call with its agent, server, tool, time and result; a failure’s text cannot break the table', () => {
    const summary = buildSummary(
      record([
        {
          invocation,
          target: 'fleet:f',
          status: 'ran',
          detail: 'finished',
          mcpCalls: [
            { server: 'fs', tool: 'read_file', durationMs: 12, ok: true, agent: 'fleet:f/reader' },
            { server: 'fs', tool: 'search', durationMs: 30001, ok: false, error: 'timed out | <b>after</b> 30 s', agent: 'fleet:f/writer' }
          ]
        }
      ])
    )
    expect(summary).toContain(
      [
        '### MCP calls',
        '',
        '| agent | server | tool | took | result |',
        '|---|---|---|---|---|',
        '| `fleet:f/reader` | `fs` | `read_file` | 12 ms | ok |',
        '| `fleet:f/writer` | `fs` | `search` | 30001 ms | error: timed out \\| &lt;b&gt;after&lt;/b&gt; 30 s |'
      ].join('\n')
    )
  })

  it('has no section when no MCP tool was called', () => {
    expect(buildSummary(record([{ invocation, target: 'fleet:f', status: 'ran', detail: 'finished' }]))).not.toContain('MCP calls')
  })
})
