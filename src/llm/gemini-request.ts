// ModelRequest <-> Gemini generateContent (@google/genai). Pure.
//
// Caching: none requested. Gemini 2.5+ caches a repeated prompt prefix implicitly and bills the
// hit as cachedContentTokenCount; explicit caches (caches.create) have a minimum size and a
// storage charge that a one-job agent run does not repay.
import type { Content, GenerateContentParameters, GenerateContentResponse, Part } from '@google/genai'
import type { ContentBlock, Message, ModelRequest, ModelResponse, StopReason, TextBlock, ToolUseBlock } from './types.js'

const SIGNATURE = 'thoughtSignature'
const CALL_ID = 'functionCallId'

function withSignature(part: Part, meta: Record<string, string> | undefined): Part {
  const signature = meta?.[SIGNATURE]
  return signature ? { ...part, thoughtSignature: signature } : part
}

function toPart(block: ContentBlock, calls: Map<string, ToolUseBlock>): Part | null {
  if (block.type === 'text') {
    // An empty text part only matters when it carries a thought signature back.
    if (block.text === '' && !block.providerMeta?.[SIGNATURE]) return null
    return withSignature({ text: block.text }, block.providerMeta)
  }
  if (block.type === 'tool_use') {
    const id = block.providerMeta?.[CALL_ID]
    return withSignature({ functionCall: { name: block.name, args: block.input, ...(id ? { id } : {}) } }, block.providerMeta)
  }
  // Gemini's convention: `output` for a result, `error` for a failure.
  const id = calls.get(block.toolUseId)?.providerMeta?.[CALL_ID]
  const response = block.isError ? { error: block.content } : { output: block.content }
  return { functionResponse: { name: block.name, response, ...(id ? { id } : {}) } }
}

function toContents(messages: Message[]): Content[] {
  const calls = new Map<string, ToolUseBlock>()
  for (const message of messages) for (const block of message.content) if (block.type === 'tool_use') calls.set(block.id, block)
  const contents: Content[] = []
  for (const message of messages) {
    const parts = message.content.map((b) => toPart(b, calls)).filter((p): p is Part => p !== null)
    if (parts.length > 0) contents.push({ role: message.role === 'assistant' ? 'model' : 'user', parts })
  }
  return contents
}

export function toGeminiParams(model: string, request: ModelRequest): GenerateContentParameters {
  const config: NonNullable<GenerateContentParameters['config']> = { maxOutputTokens: request.maxTokens }
  if (request.system !== '') config.systemInstruction = request.system
  if (request.temperature !== undefined) config.temperature = request.temperature
  if (request.tools.length > 0) {
    config.tools = [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.name,
          description: tool.description,
          parametersJsonSchema: tool.inputSchema
        }))
      }
    ]
  }
  return { model, contents: toContents(request.messages), config }
}

function stopReason(finishReason: string, calledTools: boolean): StopReason {
  // Gemini finishes a function-calling turn with STOP; the calls themselves say it wants tools.
  if (calledTools) return 'tool_use'
  if (finishReason === 'STOP') return 'end_turn'
  if (finishReason === 'MAX_TOKENS') return 'max_tokens'
  return 'other'
}

/** `nextId` names calls the model gave no id (Gemini 2.x), unique within the run. */
export function fromGeminiResponse(response: GenerateContentResponse, nextId: () => string): ModelResponse {
  const candidate = response.candidates?.[0]
  const content: Array<TextBlock | ToolUseBlock> = []
  for (const part of candidate?.content?.parts ?? []) {
    const meta: Record<string, string> = {}
    if (part.thoughtSignature) meta[SIGNATURE] = part.thoughtSignature
    if (part.functionCall?.id) meta[CALL_ID] = part.functionCall.id
    const extra = Object.keys(meta).length > 0 ? { providerMeta: meta } : {}
    if (part.functionCall) {
      const call = part.functionCall
      content.push({ type: 'tool_use', id: call.id ?? nextId(), name: call.name ?? '', input: call.args ?? {}, ...extra })
    } else if (typeof part.text === 'string' && part.thought !== true) {
      content.push({ type: 'text', text: part.text, ...extra })
    }
  }
  const blocked = response.promptFeedback?.blockReason
  const raw = candidate?.finishReason ?? (blocked ? `blocked: ${blocked}` : 'no candidate')
  const usage = response.usageMetadata ?? {}
  const cached = usage.cachedContentTokenCount ?? 0
  return {
    content,
    stopReason: stopReason(
      raw,
      content.some((b) => b.type === 'tool_use')
    ),
    rawStopReason: raw,
    usage: {
      // promptTokenCount includes the cached part; ours does not (see TokenUsage).
      inputTokens: Math.max(0, (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0) - cached),
      // Thinking tokens are billed as output.
      outputTokens: (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0),
      cacheReadTokens: cached,
      cacheWriteTokens: 0
    }
  }
}
