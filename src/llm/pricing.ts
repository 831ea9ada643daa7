// A rough cost for the summary, from list prices per model family. An estimate, not a bill:
// batch, long-context tiers, regional and negotiated prices are not modelled. Pure.
import type { Provider, TokenUsage } from './types.js'

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

/** OpenAI's automatic prompt caching: no write charge, the cached input at its own rate. */
function openai(input: number, output: number, cacheRead: number): Price {
  return { input, output, cacheWrite: input, cacheRead }
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

// OpenAI's list prices (standard tier). Only the models whose price is known: a later gpt-5.x or
// o-series model is priced differently often enough that a guess would mislead.
const OPENAI_TABLE: Array<[RegExp, Price]> = [
  [/^gpt-5-nano(-\d{4}-\d{2}-\d{2})?$/, openai(0.05, 0.4, 0.005)],
  [/^gpt-5-mini(-\d{4}-\d{2}-\d{2})?$/, openai(0.25, 2, 0.025)],
  [/^gpt-5(\.1)?(-\d{4}-\d{2}-\d{2})?$/, openai(1.25, 10, 0.125)],
  [/^gpt-4\.1-nano(-\d{4}-\d{2}-\d{2})?$/, openai(0.1, 0.4, 0.025)],
  [/^gpt-4\.1-mini(-\d{4}-\d{2}-\d{2})?$/, openai(0.4, 1.6, 0.1)],
  [/^gpt-4\.1(-\d{4}-\d{2}-\d{2})?$/, openai(2, 8, 0.5)],
  [/^gpt-4o-mini(-\d{4}-\d{2}-\d{2})?$/, openai(0.15, 0.6, 0.075)],
  [/^gpt-4o(-2024-(08-06|11-20))?$/, openai(2.5, 10, 1.25)],
  [/^o4-mini(-\d{4}-\d{2}-\d{2})?$/, openai(1.1, 4.4, 0.275)],
  [/^o3(-\d{4}-\d{2}-\d{2})?$/, openai(2, 8, 0.5)]
]

/**
 * Claude on Bedrock: `anthropic.claude-…-v1:0`, or a cross-region inference profile (`us.`, `eu.`,
 * `global.`) in front of it, at Anthropic's list prices (Bedrock's on-demand prices match them;
 * the regional-endpoint premium is not modelled). Null for anything else, ARNs included.
 */
function bedrockClaude(model: string): string | null {
  const match = /^(?:[a-z]{2,6}\.)?anthropic\.(claude-[a-z0-9.-]+?)(?:-v\d+(?::\d+)?)?$/.exec(model)
  return match?.[1] ?? null
}

function lookup(table: Array<[RegExp, Price]>, id: string): Price | null {
  for (const [pattern, price] of table) if (pattern.test(id)) return price
  return null
}

/**
 * Priced only where a list price is known to be the bill: Azure deployments are named by their
 * owner, not by model; Groq and Ollama have price lists of their own (or none) this table does not
 * keep. An `openai:` model through a gateway is priced as OpenAI's, which is what gateways pass on.
 */
function priceOf(model: string, provider: Provider | undefined): Price | null {
  const id = model
    .trim()
    .toLowerCase()
    .replace(/^models\//, '')
  if (provider === 'openai') return lookup(OPENAI_TABLE, id)
  if (provider === 'bedrock') {
    const claude = bedrockClaude(id)
    return claude ? lookup(TABLE, claude) : null
  }
  if (provider !== undefined && provider !== 'anthropic' && provider !== 'google') return null
  return lookup(TABLE, id)
}

/** Estimated USD for the usage, or null for a model the table does not know. */
export function estimateCostUsd(model: string, usage: TokenUsage, provider?: Provider): number | null {
  const price = priceOf(model, provider)
  if (!price) return null
  const usd =
    usage.inputTokens * price.input + usage.outputTokens * price.output + usage.cacheWriteTokens * price.cacheWrite + usage.cacheReadTokens * price.cacheRead
  // Micro-dollar precision is plenty for a summary and keeps float noise out of it.
  return Math.round(usd) / 1_000_000
}
