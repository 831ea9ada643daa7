// One planned agent, run through its ports: the model it names, the tools it lists, the run's
// remaining budget. Whatever fails becomes an outcome with a sentence, never an exception.
import type { ModelLogger, ModelPort, TokenUsage } from '../llm/types.js'
import { totalInput } from '../llm/types.js'
import type { AgentContext } from './build-agent-context.js'
import type { AgentPlan } from './plan-invocation.js'
import { runAgent, type AgentRunResult } from './run-agent.js'
import type { Tool } from './tool-types.js'

export interface AgentPorts {
  /** Throws with a one-line message when the model cannot be used (no key, unknown provider). */
  model(plan: AgentPlan): Promise<ModelPort>
  tools(plan: AgentPlan): Tool[]
  logger: ModelLogger
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
}

function describeStop(result: AgentRunResult): string {
  const tools = result.toolCalls.length ? `; tools called: ${[...new Set(result.toolCalls.map((c) => c.name))].join(', ')}` : '; no tool called'
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
    return { ...base, status: 'failed', detail: error instanceof Error ? error.message : String(error), usage: null, costUsd: null, result: null }
  }
  const agentBudget = (plan.agent.extra.budget ?? {}) as { max_turns?: unknown; max_tokens?: unknown }
  const own = (value: unknown): number | null => (typeof value === 'number' && value > 0 ? value : null)
  const smallest = (...values: (number | null)[]): number | undefined => {
    const set = values.filter((v): v is number => v !== null)
    return set.length ? Math.min(...set) : undefined
  }
  const result = await runAgent({
    system: plan.instructions,
    context,
    tools: ports.tools(plan),
    model,
    modelName: model.model,
    maxIterations: plan.agent.maxIterations,
    budgets: {
      maxTurns: smallest(budget.turnsLeft, own(agentBudget.max_turns)),
      maxTotalTokens: smallest(budget.tokensLeft, own(agentBudget.max_tokens))
    },
    ...(plan.agent.maxTokens ? { maxTokensPerTurn: plan.agent.maxTokens } : {}),
    ...(plan.agent.temperature !== undefined ? { temperature: plan.agent.temperature } : {}),
    logger: ports.logger
  })
  chargeBudget(budget, result)
  const status = result.stoppedBy === 'end' ? 'ran' : result.stoppedBy === 'error' ? 'failed' : 'budget'
  return { ...base, model: `${model.provider}:${model.model}`, status, detail: describeStop(result), usage: result.usage, costUsd: result.estimatedCostUsd, result }
}
