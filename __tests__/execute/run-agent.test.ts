// The loop itself, against a scripted ModelPort: accounting, events and limits.
import { describe, expect, it } from '@jest/globals'
import { runAgent, type AgentEvent } from '../../src/execute/run-agent.js'
import type { ModelPort, ModelRequest, ModelResponse, TokenUsage } from '../../src/llm/types.js'
import { EVENT, okTool } from '../llm/agent-tools.js'

type Scripted = ModelPort & { requests: ModelRequest[] }

function usage(input: number, output: number, cacheRead = 0, cacheWrite = 0): TokenUsage {
  return { inputTokens: input, outputTokens: output, cacheReadTokens: cacheRead, cacheWriteTokens: cacheWrite }
}

function callTool(name: string, u: TokenUsage, id = `t-${name}`): ModelResponse {
  return { content: [{ type: 'tool_use', id, name, input: { text: name } }], stopReason: 'tool_use', rawStopReason: 'tool_use', usage: u }
}

function say(text: string, u: TokenUsage, stop: ModelResponse['stopReason'] = 'end_turn'): ModelResponse {
  return { content: [{ type: 'text', text }], stopReason: stop, rawStopReason: stop, usage: u }
}

function scripted(responses: ModelResponse[], model = 'claude-sonnet-4-6'): Scripted {
  const requests: ModelRequest[] = []
  return {
    provider: 'anthropic',
    model,
    requests,
    async complete(request) {
      requests.push(structuredClone(request))
      const next = responses.shift()
      if (!next) throw new Error('script exhausted')
      return next
    }
  }
}

describe('runAgent accounting', () => {
  // A review run as the Anthropic adapter reports it: the first call writes the prefix to the
  // cache, later calls read it back and pay full price only for what is new.
  const sample = () => [
    callTool('github_get_diff', usage(1_850, 96, 0, 2_400)),
    callTool('github_post_review', usage(3_210, 410, 2_400, 0)),
    say('Review posted with 2 inline comments.', usage(120, 38, 5_610, 0))
  ]

  it('reports tokens per turn, the totals and the estimated cost', async () => {
    const model = scripted(sample())
    const result = await runAgent({ system: 'Review.', context: EVENT, tools: [okTool('github_get_diff'), okTool('github_post_review')], model })

    expect(result.perTurn.map((t) => ({ turn: t.turn, usage: t.usage, stop: t.stopReason, tools: t.toolCalls }))).toEqual([
      { turn: 1, usage: usage(1_850, 96, 0, 2_400), stop: 'tool_use', tools: 1 },
      { turn: 2, usage: usage(3_210, 410, 2_400, 0), stop: 'tool_use', tools: 1 },
      { turn: 3, usage: usage(120, 38, 5_610, 0), stop: 'end_turn', tools: 0 }
    ])
    expect(result.usage).toEqual(usage(5_180, 544, 8_010, 2_400))
    // Sonnet 4.x: 5,180 × $3 + 544 × $15 + 8,010 × $0.30 + 2,400 × $3.75, per million.
    expect(result.estimatedCostUsd).toBe(0.035103)
    expect(result).toMatchObject({ stoppedBy: 'end', turns: 3, finalText: 'Review posted with 2 inline comments.' })
  })

  it('reports each turn and tool call as an event, then the stop', async () => {
    const events: AgentEvent[] = []
    await runAgent({
      system: 'Review.',
      context: EVENT,
      tools: [okTool('github_get_diff'), okTool('github_post_review')],
      model: scripted(sample()),
      onEvent: (e) => events.push(e)
    })
    expect(events.map((e) => (e.type === 'turn' ? `turn ${e.turn}` : e.type === 'tool' ? `tool ${e.name}` : `stop ${e.stoppedBy}`))).toEqual([
      'turn 1',
      'tool github_get_diff',
      'turn 2',
      'tool github_post_review',
      'turn 3',
      'stop end'
    ])
  })

  it('logs one line per model call with its tokens', async () => {
    const lines: string[] = []
    const logger = { debug() {}, info: (m: string) => lines.push(m), warning() {} }
    await runAgent({ system: 'Review.', context: EVENT, tools: [okTool('github_get_diff'), okTool('github_post_review')], model: scripted(sample()), logger })
    expect(lines).toEqual([
      'claude-sonnet-4-6 call 1: 4,250 input (0 from cache, 2,400 written to it) / 96 output tokens; stop tool_use',
      'claude-sonnet-4-6 call 2: 5,610 input (2,400 from cache, 0 written to it) / 410 output tokens; stop tool_use',
      'claude-sonnet-4-6 call 3: 5,730 input (5,610 from cache, 0 written to it) / 38 output tokens; stop end_turn'
    ])
  })

  it('has no cost for a model the price table does not know', async () => {
    const result = await runAgent({ system: 's', context: EVENT, tools: [], model: scripted([say('ok', usage(10, 1))], 'my-gateway-model') })
    expect(result.estimatedCostUsd).toBeNull()
  })
})

describe('runAgent conversation', () => {
  it('offers exactly the given tools and pairs each result with its call', async () => {
    const model = scripted([callTool('github_add_labels', usage(10, 1), 'call-7'), say('done', usage(10, 1))])
    await runAgent({ system: 'Triage.', context: EVENT, tools: [okTool('github_add_labels', 'added')], model, maxTokensPerTurn: 1_024, temperature: 0 })

    const [first, second] = model.requests
    expect(first).toMatchObject({ system: 'Triage.', maxTokens: 1_024, temperature: 0 })
    expect(first?.tools).toEqual([{ name: 'github_add_labels', description: 'github_add_labels (test tool)', inputSchema: okTool('x').inputSchema }])
    expect(second?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(second?.messages[2]?.content).toEqual([{ type: 'tool_result', toolUseId: 'call-7', name: 'github_add_labels', content: 'added', isError: false }])
  })

  it('says so when no event data comes with the run', async () => {
    const model = scripted([say('ok', usage(1, 1))])
    await runAgent({ system: 's', tools: [], model })
    expect(model.requests[0]?.messages[0]?.content).toEqual([{ type: 'text', text: 'No event data comes with this run. Carry out your instructions.' }])
  })

  it('replaces an empty tool result, which providers refuse, with a note', async () => {
    const model = scripted([callTool('github_add_labels', usage(1, 1)), say('ok', usage(1, 1))])
    await runAgent({ system: 's', context: EVENT, tools: [okTool('github_add_labels', '')], model })
    expect(model.requests[1]?.messages[2]?.content[0]).toMatchObject({ content: '(no output)', isError: false })
  })
})

describe('runAgent stops', () => {
  it("uses AOF's default of 10 iterations", async () => {
    const responses = Array.from({ length: 12 }, () => callTool('github_get_diff', usage(1, 1)))
    const result = await runAgent({ system: 's', context: EVENT, tools: [okTool('github_get_diff')], model: scripted(responses) })
    expect(result).toMatchObject({ stoppedBy: 'max_iterations', turns: 10 })
  })

  it('stops after a call that went over the input budget while tools were pending', async () => {
    const model = scripted([callTool('github_get_diff', usage(12_000, 50)), say('never', usage(1, 1))])
    const result = await runAgent({ system: 's', context: EVENT, tools: [okTool('github_get_diff')], model, budgets: { maxInputTokens: 10_000 } })
    expect(result.stoppedBy).toBe('budget')
    expect(result.budgetNote).toMatch(/^12,000 input tokens after model call 1, over the 10,000-token input budget/)
    expect(result.toolCalls).toHaveLength(1) // the call's tool still ran
    expect(model.requests).toHaveLength(1)
  })

  it('ends normally, with a note, when the answer that went over the budget was the last one', async () => {
    const result = await runAgent({
      system: 's',
      context: EVENT,
      tools: [],
      model: scripted([say('done', usage(12_000, 50))]),
      budgets: { maxInputTokens: 10_000 }
    })
    expect(result.stoppedBy).toBe('end')
    expect(result.budgetNote).toMatch(/over the 10,000-token input budget/)
  })

  it('stops on the max-turns budget before the call', async () => {
    const model = scripted([callTool('github_get_diff', usage(1, 1)), callTool('github_get_diff', usage(1, 1))])
    const result = await runAgent({ system: 's', context: EVENT, tools: [okTool('github_get_diff')], model, budgets: { maxTurns: 1 } })
    expect(result).toMatchObject({ stoppedBy: 'budget', turns: 1 })
    expect(result.budgetNote).toMatch(/max-turns budget of 1 model calls is spent; stopped before the call \(fail closed\)/)
  })

  it('marks an answer cut off by max_tokens as truncated', async () => {
    const result = await runAgent({ system: 's', context: EVENT, tools: [], model: scripted([say('The diff shows', usage(1, 4096), 'max_tokens')]) })
    expect(result).toMatchObject({ stoppedBy: 'end', truncated: true, finalText: 'The diff shows' })
  })

  it('turns any failure of the model port into stoppedBy error, keeping the usage so far', async () => {
    const model = scripted([callTool('github_get_diff', usage(100, 10))])
    const result = await runAgent({ system: 's', context: EVENT, tools: [okTool('github_get_diff')], model })
    expect(result).toMatchObject({ stoppedBy: 'error', error: 'script exhausted', turns: 1, usage: usage(100, 10) })
  })
})
