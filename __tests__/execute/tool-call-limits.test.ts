import { describe, expect, it } from '@jest/globals'
import { toolCallLimits } from '../../src/execute/run-agent-plan.js'

describe('toolCallLimits', () => {
  it.each<[string, Record<string, unknown>, { maxWrites: number; maxCallsPerTurn: number }]>([
    ['defaults to 10 writes a run and 20 calls an answer', {}, { maxWrites: 10, maxCallsPerTurn: 20 }],
    ['takes the agent YAML values', { max_writes: 2, max_tool_calls_per_turn: 3 }, { maxWrites: 2, maxCallsPerTurn: 3 }],
    [
      'ignores what is not a whole number of at least 1 (the loader already refused it)',
      { max_writes: 0, max_tool_calls_per_turn: 2.5 },
      { maxWrites: 10, maxCallsPerTurn: 20 }
    ]
  ])('%s', (_name, extra, expected) => {
    expect(toolCallLimits(extra)).toEqual(expected)
  })
})
