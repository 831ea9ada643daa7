import { describe, expect, it } from '@jest/globals'
import { capRefusal, runToolCalls, type ToolCallLimits } from '../../src/execute/run-tool-calls.js'
import type { Tool } from '../../src/shared/tool.js'
import type { ToolUseBlock } from '../../src/llm/types.js'

function fakeTool(name: string, readOnly = false): Tool & { runs: number } {
  const tool = {
    name,
    description: name,
    inputSchema: { type: 'object' },
    runs: 0,
    async run() {
      tool.runs += 1
      return { content: `${name} done`, isError: false }
    }
  }
  return readOnly ? Object.assign(tool, { readOnly: true }) : tool
}

const uses = (names: string[]): ToolUseBlock[] => names.map((name, i) => ({ type: 'tool_use', id: `t${i}`, name, input: {} }))

describe('capRefusal', () => {
  const limits: ToolCallLimits = { maxCallsPerTurn: 3, maxWrites: 2 }
  it.each<[string, number, boolean, number, string | null]>([
    ['lets the first write through', 0, false, 0, null],
    ['refuses a call past the per-answer cap, reads included', 3, true, 0, 'max_tool_calls_per_turn'],
    ['refuses a write once max_writes are made', 1, false, 2, 'max_writes'],
    ['lets a read through after max_writes', 1, true, 2, null]
  ])('%s', (_name, index, readOnly, writes, cap) => {
    expect(capRefusal(index, fakeTool('x', readOnly), { writes }, limits)?.cap ?? null).toBe(cap)
  })
})

describe('runToolCalls', () => {
  it('answers every call, runs none past the caps, and tells the model which cap refused it', async () => {
    const write = fakeTool('github_post_comment')
    const read = fakeTool('github_get_file', true)
    const tally = { writes: 0 }
    const answers = await runToolCalls(
      uses(['github_post_comment', 'github_get_file', 'github_post_comment', 'github_post_comment', 'github_get_file']),
      [write, read],
      { maxCallsPerTurn: 4, maxWrites: 2 },
      tally
    )

    expect(answers.map((a) => a.refused ?? 'ran')).toEqual(['ran', 'ran', 'ran', 'max_writes', 'max_tool_calls_per_turn'])
    expect(answers.map((a) => a.result.toolUseId)).toEqual(['t0', 't1', 't2', 't3', 't4'])
    expect(answers[3]?.result).toMatchObject({ isError: true, content: expect.stringContaining('at most 2 writes in one run (max_writes)') })
    expect(answers[4]?.result).toMatchObject({
      isError: true,
      content: expect.stringContaining('at most 4 tool calls in one answer (max_tool_calls_per_turn)')
    })
    expect(write.runs).toBe(2)
    expect(read.runs).toBe(1)
    expect(tally.writes).toBe(2)
  })

  it('keeps counting writes across answers of the same run', async () => {
    const write = fakeTool('github_post_comment')
    const tally = { writes: 0 }
    const limits = { maxCallsPerTurn: 10, maxWrites: 3 }
    await runToolCalls(uses(['github_post_comment', 'github_post_comment']), [write], limits, tally)
    const second = await runToolCalls(uses(['github_post_comment', 'github_post_comment']), [write], limits, tally)

    expect(second.map((a) => a.refused ?? 'ran')).toEqual(['ran', 'max_writes'])
    expect(write.runs).toBe(3)
  })

  it('counts a tool that does not say it only reads as a write', async () => {
    const unknown = fakeTool('mystery')
    const answers = await runToolCalls(uses(['mystery', 'mystery']), [unknown], { maxCallsPerTurn: 10, maxWrites: 1 }, { writes: 0 })
    expect(answers.map((a) => a.refused ?? 'ran')).toEqual(['ran', 'max_writes'])
  })
})
