// Fail-closed budgets for one agent run. Before each model call: stop if the call would go over a
// budget that can be predicted (turns, output, input by estimate), else cap its max_tokens so the
// output budget cannot be exceeded. After each call: stop if a budget was exceeded anyway (the
// input estimate can be low). Pure.
import { totalInput, type TokenUsage } from '../llm/types.js'
import { formatCount } from '../report/format-count.js'

/** Per-run limits; an absent or 0 value means no limit. */
export interface AgentBudgets {
  /** Model calls. */
  maxTurns?: number
  /** Input tokens processed over the run, cached or not. */
  maxInputTokens?: number
  maxOutputTokens?: number
  /** Input plus output tokens over the run. */
  maxTotalTokens?: number
}

export type CallPlan = { stop: false; maxTokens: number } | { stop: true; note: string }

export interface CallQuestion {
  /** 1-based number of the call about to be made. */
  call: number
  used: TokenUsage
  /** Estimated input tokens of the call about to be made. */
  predictedInput: number
  maxTokensPerTurn: number
}

// Fewer output tokens than this buys a truncated answer for a full prompt's price.
const MIN_USEFUL_OUTPUT = 256

function n(value: number): string {
  return formatCount(value)
}

function limit(value: number | undefined): number | null {
  return value !== undefined && value > 0 ? value : null
}

const FAIL_CLOSED = 'stopped before the call (fail closed), so the budget was not exceeded'

export function planCall(question: CallQuestion, budgets: AgentBudgets): CallPlan {
  const { call, used, predictedInput, maxTokensPerTurn } = question
  const usedInput = totalInput(used)
  const minUseful = Math.min(maxTokensPerTurn, MIN_USEFUL_OUTPUT)
  const maxTurns = limit(budgets.maxTurns)
  if (maxTurns !== null && call > maxTurns) {
    return { stop: true, note: `the max-turns budget of ${n(maxTurns)} model calls is spent; ${FAIL_CLOSED}` }
  }
  let maxTokens = maxTokensPerTurn
  const maxOutput = limit(budgets.maxOutputTokens)
  if (maxOutput !== null) {
    const left = maxOutput - used.outputTokens
    if (left < minUseful) {
      return {
        stop: true,
        note: `${n(Math.max(0, left))} of the ${n(maxOutput)}-token output budget are left before model call ${call}, too few for an answer; ${FAIL_CLOSED}`
      }
    }
    maxTokens = Math.min(maxTokens, left)
  }
  const maxInput = limit(budgets.maxInputTokens)
  if (maxInput !== null && usedInput + predictedInput > maxInput) {
    return {
      stop: true,
      note: `model call ${call} would need about ${n(predictedInput)} input tokens and ${n(Math.max(0, maxInput - usedInput))} of the ${n(maxInput)}-token input budget are left; ${FAIL_CLOSED}`
    }
  }
  const maxTotal = limit(budgets.maxTotalTokens)
  if (maxTotal !== null) {
    const left = maxTotal - usedInput - used.outputTokens - predictedInput
    if (left < minUseful) {
      return {
        stop: true,
        note: `model call ${call} would need about ${n(predictedInput)} input tokens, leaving too little of the ${n(maxTotal)}-token total budget for an answer; ${FAIL_CLOSED}`
      }
    }
    maxTokens = Math.min(maxTokens, left)
  }
  return { stop: false, maxTokens }
}

/** After a call: a note when the run is now over a budget (the input estimate was low), else null. */
export function budgetExceeded(call: number, used: TokenUsage, budgets: AgentBudgets): string | null {
  const usedInput = totalInput(used)
  const over = 'after model call'
  const maxInput = limit(budgets.maxInputTokens)
  if (maxInput !== null && usedInput > maxInput) {
    return `${n(usedInput)} input tokens ${over} ${call}, over the ${n(maxInput)}-token input budget (the call was larger than estimated); no further model calls were made`
  }
  const maxOutput = limit(budgets.maxOutputTokens)
  if (maxOutput !== null && used.outputTokens > maxOutput) {
    return `${n(used.outputTokens)} output tokens ${over} ${call}, over the ${n(maxOutput)}-token output budget; no further model calls were made`
  }
  const maxTotal = limit(budgets.maxTotalTokens)
  if (maxTotal !== null && usedInput + used.outputTokens > maxTotal) {
    return `${n(usedInput + used.outputTokens)} tokens ${over} ${call}, over the ${n(maxTotal)}-token total budget (the call was larger than estimated); no further model calls were made`
  }
  return null
}

/** A deliberately high token estimate (3 characters a token), so that predictions err toward stopping. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3)
}
