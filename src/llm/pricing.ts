// A rough cost for the summary, from list prices per model family. An estimate, not a bill:
// batch, long-context tiers, regional and negotiated prices are not modelled. Pure.
import type { TokenUsage } from './types.js'

/** USD per million tokens. */
interface Price {
  input: number
  output: number
  /** Anthropic's 5-minute cache write; Gemini's implicit caching has no write charge. */
  cacheWrite: number
  cacheRead: number
}

function anthropic(input: number, output: number, cacheRead = input / 10): Price {
  return { input, output, cacheWrite: input * 1.25, cacheRead }
}

function google(input: number, output: number): Price {
  return { input, output, cacheWrite: input, cacheRead: input / 10 }
}

// List prices as published in November 2026 (Anthropic's and Google's pricing pages).
// First match wins, so the narrower pattern comes first. Gemini prices are the ≤200k-prompt tier;
// Haiku 5.5 the ≤100k-prompt tier. A newer model of a known family takes that family's price.
const TABLE: Array<[RegExp, Price]> = [
  [/^claude-(fable|mythos)-5-1/, anthropic(10, 50, 0.25)],
  [/^claude-(fable|mythos)-5/, anthropic(10, 50, 1)],
  [/^claude-opus-(4-[5-9]|5)/, anthropic(5, 25)],
  [/^claude-(opus-4|3-opus)/, anthropic(15, 75)],
  [/^claude-sonnet-5-5/, anthropic(2, 10, 0.1)],
  [/^claude-sonnet-5/, anthropic(2, 10)],
  [/^claude-(sonnet-4|3-7-sonnet|3-5-sonnet)/, anthropic(3, 15)],
  [/^claude-haiku-5-5/, anthropic(0.1, 0.5, 0.01)],
  [/^claude-haiku-4/, anthropic(1, 5)],
  [/^claude-3-5-haiku/, anthropic(0.8, 4)],
  [/^gemini-3(\.\d+)?-pro/, google(2, 12)],
  [/^gemini-3(\.\d+)?-flash/, google(0.5, 3)],
  [/^gemini-2\.5-pro/, google(1.25, 10)],
  [/^gemini-2\.5-flash-lite/, google(0.1, 0.4)],
  [/^gemini-2\.5-flash/, google(0.3, 2.5)],
  [/^gemini-2\.0-flash-lite/, google(0.075, 0.3)],
  [/^gemini-2\.0-flash/, google(0.1, 0.4)]
]

function priceOf(model: string): Price | null {
  const id = model
    .trim()
    .toLowerCase()
    .replace(/^models\//, '')
  for (const [pattern, price] of TABLE) if (pattern.test(id)) return price
  return null
}

/** Estimated USD for the usage, or null for a model the table does not know. */
export function estimateCostUsd(model: string, usage: TokenUsage): number | null {
  const price = priceOf(model)
  if (!price) return null
  const usd =
    usage.inputTokens * price.input + usage.outputTokens * price.output + usage.cacheWriteTokens * price.cacheWrite + usage.cacheReadTokens * price.cacheRead
  // Micro-dollar precision is plenty for a summary and keeps float noise out of it.
  return Math.round(usd) / 1_000_000
}
