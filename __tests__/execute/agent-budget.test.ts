import { describe, expect, it } from '@jest/globals'
import { budgetExceeded, planCall, type AgentBudgets } from '../../src/execute/agent-budget.js'
import type { TokenUsage } from '../../src/llm/types.js'

const used = (input: number, output: number, cacheRead = 0): TokenUsage => ({
  inputTokens: input,
  outputTokens: output,
  cacheReadTokens: cacheRead,
  cacheWriteTokens: 0
})

describe('planCall', () => {
  it.each<[string, AgentBudgets, number, TokenUsage, number, number]>([
    ['gives the full per-turn cap without budgets', {}, 1, used(0, 0), 500, 4096],
    ['treats 0 as no limit', { maxTurns: 0, maxOutputTokens: 0 }, 9, used(9e6, 9e6), 500, 4096],
    ['caps max_tokens at the output left', { maxOutputTokens: 5_000 }, 2, used(100, 3_000), 500, 2_000],
    ['caps max_tokens at the total left after the predicted input', { maxTotalTokens: 10_000 }, 2, used(4_000, 1_000), 3_000, 2_000],
    ['lets a call through that just fits the input budget', { maxInputTokens: 10_000 }, 2, used(4_000, 0, 1_000), 5_000, 4096]
  ])('%s', (_, budgets, call, usage, predictedInput, maxTokens) => {
    expect(planCall({ call, used: usage, predictedInput, maxTokensPerTurn: 4096 }, budgets)).toEqual({ stop: false, maxTokens })
  })

  it.each<[string, AgentBudgets, number, TokenUsage, number, RegExp]>([
    [
      'stops when the turns are spent',
      { maxTurns: 3 },
      4,
      used(0, 0),
      0,
      /^the max-turns budget of 3 model calls is spent; stopped before the call \(fail closed\)/
    ],
    [
      'stops when too little output is left for an answer',
      { maxOutputTokens: 1_000 },
      3,
      used(0, 900),
      0,
      /^100 of the 1,000-token output budget are left before model call 3, too few for an answer; .*fail closed/
    ],
    [
      'stops when the predicted input (cache reads count) would pass the input budget',
      { maxInputTokens: 10_000 },
      2,
      used(4_000, 0, 2_000),
      5_000,
      /^model call 2 would need about 5,000 input tokens and 4,000 of the 10,000-token input budget are left; .*fail closed/
    ],
    [
      'stops when the total budget leaves no room for an answer',
      { maxTotalTokens: 10_000 },
      2,
      used(4_000, 1_000),
      4_900,
      /^model call 2 would need about 4,900 input tokens, leaving too little of the 10,000-token total budget/
    ]
  ])('%s', (_, budgets, call, usage, predictedInput, note) => {
    const plan = planCall({ call, used: usage, predictedInput, maxTokensPerTurn: 4096 }, budgets)
    expect(plan.stop).toBe(true)
    expect(plan.stop && plan.note).toMatch(note)
  })
})

describe('budgetExceeded', () => {
  it('is silent within budget', () => {
    expect(budgetExceeded(2, used(9_000, 900), { maxInputTokens: 10_000, maxOutputTokens: 1_000, maxTotalTokens: 10_000 })).toBeNull()
  })

  it.each<[AgentBudgets, TokenUsage, RegExp]>([
    [{ maxInputTokens: 10_000 }, used(9_000, 0, 2_000), /^11,000 input tokens after model call 2, over the 10,000-token input budget .*no further model calls/],
    [{ maxOutputTokens: 1_000 }, used(0, 1_001), /^1,001 output tokens after model call 2, over the 1,000-token output budget/],
    [{ maxTotalTokens: 10_000 }, used(9_500, 600), /^10,100 tokens after model call 2, over the 10,000-token total budget/]
  ])('says which budget %j the run went over', (budgets, usage, note) => {
    expect(budgetExceeded(2, usage, budgets)).toMatch(note)
  })
})
