import { describe, expect, it } from '@jest/globals'
import { estimateCostUsd } from '../../src/llm/pricing.js'

const MILLION = { inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }

describe('estimateCostUsd', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 3],
    ['claude-sonnet-5', 2],
    ['claude-opus-4-1', 15],
    ['claude-opus-4-20250514', 15],
    ['claude-opus-4-6', 5],
    ['claude-opus-5', 5],
    ['claude-haiku-4-5', 1],
    ['claude-haiku-5-5', 0.1],
    ['gemini-2.5-flash', 0.3],
    ['gemini-2.5-flash-lite', 0.1],
    ['models/gemini-2.5-pro', 1.25],
    ['gemini-3-pro-preview', 2]
  ])('prices a million input tokens of %s at $%d', (model, usd) => {
    expect(estimateCostUsd(model, MILLION)).toBe(usd)
  })

  it('prices output, cache writes and cache reads at their own rates', () => {
    // Sonnet 4.x: $15 output, $3.75 cache write, $0.30 cache read per million.
    expect(estimateCostUsd('claude-sonnet-4-6', { inputTokens: 0, outputTokens: 1_000, cacheWriteTokens: 2_000, cacheReadTokens: 10_000 })).toBe(0.0255)
  })

  it.each(['gpt-4o', 'llama3', 'claude-instant-1'])('knows no price for %s', (model) => {
    expect(estimateCostUsd(model, MILLION)).toBeNull()
  })
})
