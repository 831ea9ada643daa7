// The provider-neutral model contract. The agent loop speaks only this; each provider's adapter
// translates it to its SDK, so the loop is tested once and a provider is a small file.
import type { ToolSpec } from '../shared/tool.js'
import type { RetrySettings } from '../retry/retry-policy.js'
import type { Sleep } from '../retry/with-retry.js'
import type { Logger } from '../shared/logger.js'

/** The providers AOF's `model: provider:model` names; azure, groq and ollama speak OpenAI's Chat Completions. */
export type Provider = 'anthropic' | 'google' | 'openai' | 'azure' | 'groq' | 'ollama' | 'bedrock'

/**
 * `providerMeta` carries opaque values a provider needs echoed back on the next request
 * (Gemini's `thoughtSignature` and function-call id). Only the adapter that wrote it reads it.
 */
export interface TextBlock {
  type: 'text'
  text: string
  providerMeta?: Record<string, string>
}

export interface ToolUseBlock {
  type: 'tool_use'
  /** Unique within the run; the matching tool_result carries the same id. */
  id: string
  name: string
  input: Record<string, unknown>
  providerMeta?: Record<string, string>
}

export interface ToolResultBlock {
  type: 'tool_result'
  toolUseId: string
  /** The tool's name again: Gemini pairs a functionResponse by name, not only by id. */
  name: string
  content: string
  isError: boolean
}

export type ContentBlock = TextBlock | ToolUseBlock | ToolResultBlock

export interface Message {
  role: 'user' | 'assistant'
  content: ContentBlock[]
}

export interface ModelRequest {
  /** The stable prefix: the agent's instructions. */
  system: string
  messages: Message[]
  /** Offered to the model in this order; the stable prefix with `system`. */
  tools: ToolSpec[]
  /** Output cap for this one call. */
  maxTokens: number
  /** Ignored where the provider's API has none (Claude API version 2026-10-21 removed it). */
  temperature?: number
}

/**
 * `inputTokens` counts input that was neither read from nor written to a cache, so the input a
 * call processed is inputTokens + cacheReadTokens + cacheWriteTokens (Anthropic's own split;
 * Gemini's promptTokenCount is converted to it).
 */
export interface TokenUsage {
  inputTokens: number
  outputTokens: number
  cacheReadTokens: number
  cacheWriteTokens: number
}

export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'other'

export interface ModelResponse {
  /** Text and tool_use blocks, in the order the model produced them. */
  content: Array<TextBlock | ToolUseBlock>
  stopReason: StopReason
  /** The provider's own word for why it stopped (`end_turn`, `STOP`, `SAFETY`, …), for logs. */
  rawStopReason: string
  usage: TokenUsage
}

export interface ModelPort {
  readonly provider: Provider
  readonly model: string
  complete(request: ModelRequest): Promise<ModelResponse>
}

export const SILENT_MODEL_LOGGER: Logger = { debug() {}, info() {}, warning() {} }

/** What an adapter needs besides the model id. main.ts fills it from inputs and the environment. */
export interface ModelClientOptions {
  apiKey: string
  /** ANTHROPIC_BASE_URL, GOOGLE_GEMINI_BASE_URL, OPENAI_BASE_URL… (gateways, tests); the provider's own when absent. */
  baseUrl?: string
  /** Per attempt (default 120 s); a timeout is retried like a 5xx. */
  timeoutMs?: number
  retry?: Partial<RetrySettings>
  sleep?: Sleep
  logger?: Logger
}

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }

/** All input a call processed, cached or not. */
export function totalInput(usage: TokenUsage): number {
  return usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens
  }
}
