// ModelRequest <-> OpenAI Chat Completions (openai 6.x), the protocol OpenAI, Azure OpenAI, Groq,
// Ollama and the OpenAI-compatible gateways all speak. Pure.
//
// Caching: none requested. OpenAI caches a repeated prompt prefix of 1,024+ tokens by itself and
// reports the hit as prompt_tokens_details.cached_tokens; the stable prefix (system, then tools)
// comes first so each turn re-reads the previous ones.
import type OpenAI from 'openai'
import type { ContentBlock, Message, ModelRequest, ModelResponse, StopReason, TextBlock, ToolUseBlock } from './types.js'

type Params = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming
type ChatMessage = OpenAI.Chat.ChatCompletionMessageParam

export interface OpenAiDialect {
  /**
   * `max_completion_tokens` (OpenAI, Azure, Groq: the only cap reasoning models accept) or the older
   * `max_tokens` (Ollama and gateways, which do not all read the newer name).
   */
  tokenCap: 'max_completion_tokens' | 'max_tokens'
  /** Reasoning models (o-series, gpt-5) refuse any temperature but the default: leave it out. */
  sendTemperature: boolean
}

const REASONING_MODEL = /^(o\d|gpt-5)/i

export function dialectFor(provider: 'openai' | 'azure' | 'groq' | 'ollama', model: string, gateway: boolean): OpenAiDialect {
  const native = (provider === 'openai' && !gateway) || provider === 'azure' || provider === 'groq'
  return { tokenCap: native ? 'max_completion_tokens' : 'max_tokens', sendTemperature: !REASONING_MODEL.test(model) }
}

function textOf(blocks: ContentBlock[]): string {
  return blocks
    .filter((b): b is TextBlock => b.type === 'text')
    .map((b) => b.text)
    .join('\n\n')
}

/** A user turn: its tool results become `tool` messages, which must follow the assistant's calls directly, then any text. */
function fromUser(message: Message): ChatMessage[] {
  const out: ChatMessage[] = []
  for (const block of message.content) {
    if (block.type !== 'tool_result') continue
    // Chat Completions has no error flag on a tool result: the content says it.
    out.push({ role: 'tool', tool_call_id: block.toolUseId, content: block.isError ? `Error: ${block.content}` : block.content })
  }
  const text = textOf(message.content)
  if (text !== '') out.push({ role: 'user', content: text })
  return out
}

function fromAssistant(message: Message): ChatMessage {
  const calls = message.content
    .filter((b): b is ToolUseBlock => b.type === 'tool_use')
    .map((b) => ({ id: b.id, type: 'function' as const, function: { name: b.name, arguments: JSON.stringify(b.input) } }))
  const text = textOf(message.content)
  return { role: 'assistant', content: text === '' ? null : text, ...(calls.length > 0 ? { tool_calls: calls } : {}) }
}

export function toOpenAiParams(model: string, request: ModelRequest, dialect: OpenAiDialect): Params {
  const messages: ChatMessage[] = []
  if (request.system !== '') messages.push({ role: 'system', content: request.system })
  for (const message of request.messages) {
    if (message.role === 'assistant') messages.push(fromAssistant(message))
    else messages.push(...fromUser(message))
  }
  const params: Params = { model, messages }
  if (dialect.tokenCap === 'max_completion_tokens') params.max_completion_tokens = request.maxTokens
  else params.max_tokens = request.maxTokens
  if (request.temperature !== undefined && dialect.sendTemperature) params.temperature = request.temperature
  if (request.tools.length > 0) {
    params.tools = request.tools.map((tool) => ({
      type: 'function' as const,
      function: { name: tool.name, description: tool.description, parameters: tool.inputSchema }
    }))
  }
  return params
}

/** The model writes the arguments as JSON text; what does not parse to an object is an empty input the tool then refuses. */
function parseArguments(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function stopReason(finishReason: string, calledTools: boolean): StopReason {
  if (calledTools) return 'tool_use'
  if (finishReason === 'stop') return 'end_turn'
  if (finishReason === 'length') return 'max_tokens'
  return 'other'
}

/**
 * `idFor` returns the call's id, or one of its own for a call that came without one or with one
 * already used in this run (compatible servers vary): the loop pairs results by id.
 */
export function fromOpenAiCompletion(completion: OpenAI.Chat.ChatCompletion, idFor: (given: string) => string): ModelResponse {
  const choice = completion.choices[0]
  const message = choice?.message
  const content: Array<TextBlock | ToolUseBlock> = []
  if (typeof message?.content === 'string' && message.content !== '') content.push({ type: 'text', text: message.content })
  if (typeof message?.refusal === 'string' && message.refusal !== '') content.push({ type: 'text', text: message.refusal })
  for (const call of message?.tool_calls ?? []) {
    if (call.type !== 'function') continue
    content.push({ type: 'tool_use', id: idFor(call.id ?? ''), name: call.function.name, input: parseArguments(call.function.arguments) })
  }
  const raw = choice?.finish_reason ?? 'no choice'
  const usage = completion.usage
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0
  return {
    content,
    stopReason: stopReason(
      raw,
      content.some((b) => b.type === 'tool_use')
    ),
    rawStopReason: raw,
    usage: {
      // prompt_tokens includes the cached part; ours does not (see TokenUsage).
      inputTokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached),
      // Reasoning tokens are inside completion_tokens, billed as output.
      outputTokens: usage?.completion_tokens ?? 0,
      cacheReadTokens: cached,
      cacheWriteTokens: 0
    }
  }
}
