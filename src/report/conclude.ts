import type { Conclusion, InvocationOutcome } from './types.js'

/**
 * The run's conclusion from what its invocations did. A budget stop is never a silent success:
 * it concludes as the workflow asked (`budget-conclusion`, neutral by default).
 */
export function conclude(outcomes: InvocationOutcome[], budgetConclusion: 'neutral' | 'failure'): Conclusion {
  if (outcomes.length === 0) return 'skipped'
  if (outcomes.some((o) => o.status === 'failed')) return 'failure'
  if (outcomes.some((o) => o.status === 'budget')) return budgetConclusion
  if (outcomes.some((o) => o.status === 'ran' || o.status === 'dry-run')) return 'success'
  // Held for a human: the job succeeded at what it could do, nothing ran yet.
  if (outcomes.some((o) => o.status === 'awaiting-approval')) return 'neutral'
  if (outcomes.every((o) => o.status === 'refused')) return 'skipped'
  return 'neutral'
}
