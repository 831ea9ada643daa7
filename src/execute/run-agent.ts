// The agent loop: call the model, answer its tool calls, repeat until it ends its turn or a limit
// stops it. Provider-neutral; it sees the model and the tools only through their ports.
import { estimateCostUsd } from '../llm/pricing.js'
import {
  addUsage,
  SILENT_MODEL_LOGGER,
  totalInput,
  ZERO_USAGE,
  type Message,
  type ModelPort,
  type ModelResponse,
  type StopReason,
  type TokenUsage,
  type ToolUseBlock
} from '../llm/types.js'
import { budgetExceeded, estimateTokens, planCall, type AgentBudgets } from './agent-budget.js'
import { eventDataMessage } from './event-data-message.js'
import { runToolCalls, type ToolCap, type ToolCallLimits } from './run-tool-calls.js'
import type { Tool } from '../shared/tool.js'
import { formatCount } from '../report/format-count.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'

export type { AgentBudgets } from './agent-budget.js'

export interface RunAgentOptions {
  /** The agent's rendered instructions. */
  system: string
  /** Event data for the model, JSON-able; sent as delimited, untrusted data, never as instructions. */
  context?: unknown
  /** Exactly the tools the agent lists (the caller filters). */
  tools: Tool[]
  model: ModelPort
  /** For the cost estimate and logs; the port's model id when absent. */
  modelName?: string
  /** AOF `max_iterations`: model calls per run (default 10). */
  maxIterations?: number
  budgets?: AgentBudgets
  /** Output cap of one call (AOF `max_tokens`; default 4096). */
  maxTokensPerTurn?: number
  temperature?: number
  /** Caps on what the model's tool calls may do (agent YAML max_writes, max_tool_calls_per_turn). */
  limits?: Partial<ToolCallLimits>
  onEvent?: (event: AgentEvent) => void
  logger?: Logger
}

export type StoppedBy = 'end' | 'max_iterations' | 'budget' | 'error'

export interface TurnRecord {
  turn: number
  usage: TokenUsage
  stopReason: StopReason
  rawStopReason: string
  /** The max_tokens this call was given (lower than maxTokensPerTurn when a budget capped it). */
  maxTokens: number
  toolCalls: number
}

export interface ToolCallRecord {
  turn: number
  name: string
  input: Record<string, unknown>
  isError: boolean
  /** Set when a cap refused the call (it did not run). */
  refused?: ToolCap
}

export interface AgentRunResult {
  /** The text of the model's last answer ('' when it said nothing). */
  finalText: string
  stoppedBy: StoppedBy
  /** Why a budget stopped the run, or how the last call went over one. */
  budgetNote?: string
  /** One line, when stoppedBy is 'error'. */
  error?: string
  /** The last answer was cut off by max_tokens. */
  truncated: boolean
  /** Model calls that returned. */
  turns: number
  usage: TokenUsage
  perTurn: TurnRecord[]
  toolCalls: ToolCallRecord[]
  /** USD, from list prices; null for a model the price table does not know. */
  estimatedCostUsd: number | null
  /** The whole conversation, for debugging and for a fleet's merge step. */
  messages: Message[]
}

export type AgentEvent =
  | { type: 'turn'; turn: number; usage: TokenUsage; stopReason: StopReason; maxTokens: number }
  | { type: 'tool'; turn: number; name: string; isError: boolean }
  | { type: 'stop'; stoppedBy: StoppedBy; note?: string }

const DEFAULT_MAX_ITERATIONS = 10
const DEFAULT_MAX_TOKENS_PER_TURN = 4096

/**
 * Far above what the examples do (a review is one write; triage is a label call and a comment; a
 * check-run agent creates and updates one run), so only a runaway or steered model meets them:
 * ten writes is one per model call at the default max_iterations, and twenty calls in one answer
 * leaves room for a reviewer that reads many files at once.
 */
export const DEFAULT_TOOL_CALL_LIMITS: ToolCallLimits = { maxWrites: 10, maxCallsPerTurn: 20 }

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

function textOf(response: ModelResponse): string {
  return response.content
    .filter((b) => b.type === 'text')
    .map((b) => b.text)
    .join('')
    .trim()
}

function n(value: number): string {
  return formatCount(value)
}

function describeUsage(usage: TokenUsage): string {
  const cache =
    usage.cacheReadTokens + usage.cacheWriteTokens > 0 ? ` (${n(usage.cacheReadTokens)} from cache, ${n(usage.cacheWriteTokens)} written to it)` : ''
  return `${n(totalInput(usage))} input${cache} / ${n(usage.outputTokens)} output tokens`
}

export async function runAgent(options: RunAgentOptions): Promise<AgentRunResult> {
  const logger = options.logger ?? SILENT_MODEL_LOGGER
  const emit = options.onEvent ?? (() => {})
  const modelName = options.modelName ?? options.model.model
  const maxIterations = options.maxIterations && options.maxIterations > 0 ? options.maxIterations : DEFAULT_MAX_ITERATIONS
  const maxTokensPerTurn = options.maxTokensPerTurn && options.maxTokensPerTurn > 0 ? options.maxTokensPerTurn : DEFAULT_MAX_TOKENS_PER_TURN
  const budgets = options.budgets ?? {}
  const limits: ToolCallLimits = { ...DEFAULT_TOOL_CALL_LIMITS, ...definedOnly(options.limits ?? {}) }
  const tally = { writes: 0 }
  const specs = options.tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }))

  const messages: Message[] = [eventDataMessage(options.context)]
  const perTurn: TurnRecord[] = []
  const toolCalls: ToolCallRecord[] = []
  let usage = ZERO_USAGE
  let finalText = ''
  let truncated = false
  // The first call's input is estimated from its text; later ones from the last call's real count.
  let predictedInput = estimateTokens(options.system + JSON.stringify(specs) + JSON.stringify(messages))

  const finish = (stoppedBy: StoppedBy, extra: { budgetNote?: string; error?: string } = {}): AgentRunResult => {
    const note = extra.budgetNote ?? extra.error
    if (stoppedBy !== 'end' || note) logger.info(`${modelName}: stopped by ${stoppedBy}${note ? `: ${note}` : ''}`)
    emit({ type: 'stop', stoppedBy, ...(note ? { note } : {}) })
    return {
      finalText,
      stoppedBy,
      ...extra,
      truncated,
      turns: perTurn.length,
      usage,
      perTurn,
      toolCalls,
      estimatedCostUsd: estimateCostUsd(modelName, usage, options.model.provider),
      messages
    }
  }

  for (let turn = 1; ; turn++) {
    if (turn > maxIterations) {
      return finish('max_iterations', { budgetNote: `the agent's max_iterations of ${maxIterations} model calls is reached` })
    }
    const plan = planCall({ call: turn, used: usage, predictedInput, maxTokensPerTurn }, budgets)
    if (plan.stop) return finish('budget', { budgetNote: plan.note })

    let response: ModelResponse
    try {
      response = await options.model.complete({
        system: options.system,
        messages,
        tools: specs,
        maxTokens: plan.maxTokens,
        ...(options.temperature !== undefined ? { temperature: options.temperature } : {})
      })
    } catch (error) {
      return finish('error', { error: errorMessage(error) })
    }

    usage = addUsage(usage, response.usage)
    const uses = response.content.filter((b): b is ToolUseBlock => b.type === 'tool_use')
    perTurn.push({
      turn,
      usage: response.usage,
      stopReason: response.stopReason,
      rawStopReason: response.rawStopReason,
      maxTokens: plan.maxTokens,
      toolCalls: uses.length
    })
    logger.info(`${modelName} call ${turn}: ${describeUsage(response.usage)}; stop ${response.rawStopReason}`)
    emit({ type: 'turn', turn, usage: response.usage, stopReason: response.stopReason, maxTokens: plan.maxTokens })
    messages.push({ role: 'assistant', content: response.content })
    finalText = textOf(response)
    truncated = response.stopReason === 'max_tokens'

    // Every tool_use is answered, whatever stops the run next: the calls were paid for, and a
    // write the model decided on (often its last act) should happen.
    let resultText = ''
    if (uses.length > 0) {
      const answers = await runToolCalls(uses, options.tools, limits, tally)
      const results = answers.map((a) => a.result)
      const refusedNow = answers.filter((a) => a.refused).length
      if (refusedNow > 0)
        logger.info(
          `${modelName} call ${turn}: refused ${refusedNow} of ${uses.length} tool calls (max_writes ${limits.maxWrites}, max_tool_calls_per_turn ${limits.maxCallsPerTurn})`
        )
      answers.forEach(({ result, refused }, i) => {
        const use = uses[i] as ToolUseBlock
        toolCalls.push({ turn, name: use.name, input: use.input, isError: result.isError, ...(refused ? { refused } : {}) })
        logger.debug(`tool ${use.name}: ${result.isError ? 'error' : 'ok'} (${n(result.content.length)} characters)`)
        emit({ type: 'tool', turn, name: use.name, isError: result.isError })
        resultText += `${use.id} ${result.content}`
      })
      messages.push({ role: 'user', content: results })
    }

    const over = budgetExceeded(turn, usage, budgets)
    if (uses.length === 0) return finish('end', over ? { budgetNote: over } : {})
    if (over) return finish('budget', { budgetNote: over })
    // The next call re-sends all of this call's input and output, plus the tool results.
    predictedInput = totalInput(response.usage) + response.usage.outputTokens + estimateTokens(resultText)
  }
}
