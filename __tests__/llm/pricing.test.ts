import { describe, expect, it } from '@jest/globals'
import { estimateCostUsd } from '../../src/llm/pricing.js'
import type { Provider } from '../../src/llm/types.js'

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

  it.each<[string, Provider, number]>([
    ['gpt-4o', 'openai', 2.5],
    ['gpt-4o-mini', 'openai', 0.15],
    ['gpt-4.1-2025-04-14', 'openai', 2],
    ['gpt-5', 'openai', 1.25],
    ['gpt-5-mini', 'openai', 0.25],
    ['o4-mini', 'openai', 1.1],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'bedrock', 3],
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 'bedrock', 1],
    ['global.anthropic.claude-opus-4-5-20251101-v1:0', 'bedrock', 5],
    ['claude-sonnet-5-5', 'anthropic', 2]
  ])('prices a million input tokens of %s on %s at $%d', (model, provider, usd) => {
    expect(estimateCostUsd(model, MILLION, provider)).toBe(usd)
  })

  it('prices OpenAI cached input at its own rate', () => {
    // gpt-4.1: $2 input, $0.50 cached input, $8 output per million.
    expect(estimateCostUsd('gpt-4.1', { inputTokens: 1_000, cacheReadTokens: 10_000, cacheWriteTokens: 0, outputTokens: 1_000 }, 'openai')).toBe(0.015)
  })

  it.each<[string, Provider]>([
    // Deployments are named by their owner; Groq and Ollama keep price lists of their own.
    ['gpt-4o', 'azure'],
    ['llama-3.3-70b-versatile', 'groq'],
    ['llama3.3', 'ollama'],
    // A model of another price list than the table's, or a newer one than it knows.
    ['gpt-5.2', 'openai'],
    ['gpt-4o-2024-05-13', 'openai'],
    ['claude-sonnet-4-5', 'openai'],
    ['meta.llama3-70b-instruct-v1:0', 'bedrock'],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc', 'bedrock'],
    ['gpt-4o', 'anthropic']
  ])('gives no price for %s on %s rather than a wrong one', (model, provider) => {
    expect(estimateCostUsd(model, MILLION, provider)).toBeNull()
  })
})
