// ModelRequest <-> Anthropic Messages API (version 2026-10-21, @anthropic-ai/sdk 1.x). Pure.
import type Anthropic from '@anthropic-ai/sdk'
import type { ContentBlock, Message, ModelRequest, ModelResponse, StopReason, TextBlock, ToolUseBlock } from './types.js'

type Params = Anthropic.MessageCreateParamsNonStreaming

const EPHEMERAL: Anthropic.CacheControlEphemeral = { type: 'ephemeral' }

function toBlockParam(block: ContentBlock): Anthropic.ContentBlockParam | null {
  if (block.type === 'text') return block.text === '' ? null : { type: 'text', text: block.text }
  if (block.type === 'tool_use') return { type: 'tool_use', id: block.id, name: block.name, input: block.input }
  return { type: 'tool_result', tool_use_id: block.toolUseId, content: block.content, is_error: block.isError }
}

function toMessageParam(message: Message): Anthropic.MessageParam {
  const content = message.content.map(toBlockParam).filter((b): b is Anthropic.ContentBlockParam => b !== null)
  return { role: message.role, content } as Anthropic.MessageParam
}

/**
 * Caching: explicit breakpoints on the last tool and on the system block cache the stable prefix
 * (tools, then system, in the API's order), and the top-level `cache_control` lets the API put a
 * moving breakpoint on the conversation's last block, so each turn re-reads the previous turns
 * (diffs and file contents in tool results) at the cache price. Three breakpoints of the four allowed.
 * `temperature` is not sent: API version 2026-10-21 rejects it (400 "Extra inputs are not permitted").
 */
export function toAnthropicParams(model: string, request: ModelRequest): Params {
  const params: Params = {
    model,
    max_tokens: request.maxTokens,
    messages: request.messages.map(toMessageParam),
    cache_control: EPHEMERAL
  }
  if (request.system !== '') params.system = [{ type: 'text', text: request.system, cache_control: EPHEMERAL }]
  if (request.tools.length > 0) {
    const last = request.tools.length - 1
    params.tools = request.tools.map((tool, i) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.inputSchema as Anthropic.Tool.InputSchema,
      ...(i === last ? { cache_control: EPHEMERAL } : {})
    }))
  }
  return params
}

const STOP_REASONS: Record<string, StopReason> = {
  end_turn: 'end_turn',
  stop_sequence: 'end_turn',
  tool_use: 'tool_use',
  max_tokens: 'max_tokens'
}

export function fromAnthropicMessage(message: Anthropic.Message): ModelResponse {
  const content: Array<TextBlock | ToolUseBlock> = []
  for (const block of message.content) {
    if (block.type === 'text') content.push({ type: 'text', text: block.text })
    else if (block.type === 'tool_use') {
      const input = typeof block.input === 'object' && block.input !== null ? (block.input as Record<string, unknown>) : {}
      content.push({ type: 'tool_use', id: block.id, name: block.name, input })
    }
  }
  const raw = message.stop_reason ?? 'null'
  const usage = message.usage
  return {
    content,
    stopReason: STOP_REASONS[raw] ?? 'other',
    rawStopReason: raw,
    usage: {
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      cacheReadTokens: usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: usage.cache_creation_input_tokens ?? 0
    }
  }
}
