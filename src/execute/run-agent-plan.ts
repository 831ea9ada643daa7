// One planned agent, run through its ports: the model it names, the tools it lists, the run's
// remaining budget. Whatever fails becomes an outcome with a sentence, never an exception.
import type { ModelPort, TokenUsage } from '../llm/types.js'
import { totalInput } from '../llm/types.js'
import type { AgentContext } from './build-agent-context.js'
import type { AgentPlan } from './plan-invocation.js'
import { DEFAULT_TOOL_CALL_LIMITS, runAgent, type AgentRunResult } from './run-agent.js'
import type { ToolCallLimits } from './run-tool-calls.js'
import type { McpCallRecord } from '../report/types.js'
import type { Tool } from '../shared/tool.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'

/** Tools served from outside the process (an agent's MCP servers): started for one agent, stopped when it ends. */
export interface ToolServers {
  tools: Tool[]
  /** Filled in as the agent calls them. */
  calls: McpCallRecord[]
  /** Stops every server; never throws. */
  close(): Promise<void>
}

export interface AgentPorts {
  /** Throws with a one-line message when the model cannot be used (no key, unknown provider). */
  model(plan: AgentPlan): Promise<ModelPort>
  /** The agent's tools, from every provider the shell has (GitHub, the workspace, …). */
  tools(plan: AgentPlan): Tool[] | Promise<Tool[]>
  /**
   * The agent's MCP servers, started after its model is ready; null when it has none. Throws one
   * sentence when one may not or does not start, or its tools clash with `otherTools`.
   */
  toolServers?(plan: AgentPlan, otherTools: string[]): Promise<ToolServers | null>
  logger: Logger
}

/** What is left of the run's caps (inputs max-turns / max-tokens), shared by every agent in the run. */
export interface RunBudget {
  turnsLeft: number | null
  tokensLeft: number | null
}

export interface AgentOutcome {
  label: string
  status: 'ran' | 'failed' | 'budget'
  detail: string
  model: string
  usage: TokenUsage | null
  costUsd: number | null
  result: AgentRunResult | null
  /** Calls of MCP servers' tools, in order. */
  mcpCalls?: McpCallRecord[]
}

/** The agent YAML's caps on tool calls (`max_writes`, `max_tool_calls_per_turn`), defaults filled in. */
export function toolCallLimits(extra: Record<string, unknown>): ToolCallLimits {
  const own = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback)
  return {
    maxWrites: own(extra.max_writes, DEFAULT_TOOL_CALL_LIMITS.maxWrites),
    maxCallsPerTurn: own(extra.max_tool_calls_per_turn, DEFAULT_TOOL_CALL_LIMITS.maxCallsPerTurn)
  }
}

/** What the caps kept from running, for the summary: "refused 50 tool calls (over max_writes 10, …)". */
function describeRefused(result: AgentRunResult, limits: ToolCallLimits): string {
  const refused = result.toolCalls.filter((c) => c.refused)
  if (refused.length === 0) return ''
  const caps = [
    ...(refused.some((c) => c.refused === 'max_writes') ? [`max_writes ${limits.maxWrites}`] : []),
    ...(refused.some((c) => c.refused === 'max_tool_calls_per_turn') ? [`max_tool_calls_per_turn ${limits.maxCallsPerTurn}`] : [])
  ]
  return `; refused ${refused.length} tool call${refused.length === 1 ? '' : 's'} (over ${caps.join(' and ')})`
}

function describeStop(result: AgentRunResult, limits: ToolCallLimits): string {
  const ran = result.toolCalls.filter((c) => !c.refused)
  const tools = (ran.length ? `; tools called: ${[...new Set(ran.map((c) => c.name))].join(', ')}` : '; no tool called') + describeRefused(result, limits)
  const turns = `${result.turns} model call${result.turns === 1 ? '' : 's'}`
  if (result.stoppedBy === 'end') return `finished after ${turns}${tools}`
  if (result.stoppedBy === 'error') return `failed after ${turns}: ${result.error ?? 'model error'}`
  return `stopped after ${turns}: ${result.budgetNote ?? result.stoppedBy}${tools}`
}

export function chargeBudget(budget: RunBudget, result: AgentRunResult): void {
  if (budget.turnsLeft !== null) budget.turnsLeft = Math.max(0, budget.turnsLeft - result.turns)
  if (budget.tokensLeft !== null) budget.tokensLeft = Math.max(0, budget.tokensLeft - totalInput(result.usage) - result.usage.outputTokens)
}

export async function runAgentPlan(plan: AgentPlan, context: AgentContext, ports: AgentPorts, budget: RunBudget): Promise<AgentOutcome> {
  const base = { label: plan.label, model: plan.model }
  if (budget.turnsLeft === 0 || budget.tokensLeft === 0) {
    return { ...base, status: 'budget', detail: 'not started: the run budget (max-turns / max-tokens) is spent', usage: null, costUsd: null, result: null }
  }
  let model: ModelPort
  try {
    model = await ports.model(plan)
  } catch (error) {
    return { ...base, status: 'failed', detail: errorMessage(error), usage: null, costUsd: null, result: null }
  }
  const agentBudget = (plan.agent.extra.budget ?? {}) as { max_turns?: unknown; max_tokens?: unknown }
  const own = (value: unknown): number | null => (typeof value === 'number' && value > 0 ? value : null)
  const smallest = (...values: (number | null)[]): number | undefined => {
    const set = values.filter((v): v is number => v !== null)
    return set.length ? Math.min(...set) : undefined
  }
  const limits = toolCallLimits(plan.agent.extra)
  let tools: Tool[]
  try {
    tools = await ports.tools(plan)
  } catch (error) {
    return { ...base, status: 'failed', detail: `its tools could not be prepared: ${errorMessage(error)}`, usage: null, costUsd: null, result: null }
  }
  let servers: ToolServers | null = null
  try {
    servers =
      (await ports.toolServers?.(
        plan,
        tools.map((t) => t.name)
      )) ?? null
  } catch (error) {
    return { ...base, status: 'failed', detail: `not started: ${errorMessage(error)}`, usage: null, costUsd: null, result: null }
  }
  const result = await runAgent({
    system: plan.instructions,
    context,
    tools: servers ? [...tools, ...servers.tools] : tools,
    model,
    modelName: model.model,
    maxIterations: plan.agent.maxIterations,
    budgets: {
      maxTurns: smallest(budget.turnsLeft, own(agentBudget.max_turns)),
      maxTotalTokens: smallest(budget.tokensLeft, own(agentBudget.max_tokens))
    },
    ...(plan.agent.maxTokens ? { maxTokensPerTurn: plan.agent.maxTokens } : {}),
    ...(plan.agent.temperature !== undefined ? { temperature: plan.agent.temperature } : {}),
    limits,
    logger: ports.logger
  }).finally(() => servers?.close())
  chargeBudget(budget, result)
  const status = result.stoppedBy === 'end' ? 'ran' : result.stoppedBy === 'error' ? 'failed' : 'budget'
  return {
    ...base,
    model: `${model.provider}:${model.model}`,
    status,
    detail: describeStop(result, limits),
    usage: result.usage,
    costUsd: result.estimatedCostUsd,
    result,
    ...(servers ? { mcpCalls: servers.calls } : {})
  }
}
