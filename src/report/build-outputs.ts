import type { RunRecord } from './types.js'

function targetOutput(record: RunRecord): string {
  return record.outcomes.find((o) => o.invocation.target !== null)?.target ?? ''
}

/** Step outputs, every one always set so `if:` conditions never read an undefined output. */
export function buildOutputs(record: RunRecord): Record<string, string> {
  const decision = record.decision
  const first = record.outcomes[0]?.invocation
  const tokens = record.outcomes.reduce((sum, o) => ({ input: sum.input + (o.usage?.inputTokens ?? 0), output: sum.output + (o.usage?.outputTokens ?? 0) }), {
    input: 0,
    output: 0
  })
  const costs = record.outcomes.map((o) => o.costUsd).filter((c): c is number => typeof c === 'number')
  const anyUsage = record.outcomes.some((o) => o.usage)
  const unknownCost = record.outcomes.some((o) => o.usage && (o.costUsd === null || o.costUsd === undefined))
  return {
    matched: String(decision?.matched ?? false),
    trigger: decision?.trigger ?? '',
    target: targetOutput(record),
    targets: JSON.stringify(
      record.outcomes.map((o) => ({ target: o.target, via: o.invocation.via, command: o.invocation.key, args: o.invocation.args, status: o.status }))
    ),
    command: first?.key ?? '',
    'command-args': first?.args ?? '',
    conclusion: record.conclusion,
    'skipped-reason': decision?.matched ? '' : (decision?.skippedReason ?? record.error ?? ''),
    'input-tokens': String(tokens.input),
    'output-tokens': String(tokens.output),
    'cost-usd': anyUsage && !unknownCost ? costs.reduce((a, b) => a + b, 0).toFixed(6) : '',
    writes: String(record.writes.length),
    flow: '',
    'flow-node': '',
    'approved-by': '',
    'approval-id': '',
    'node-results': '',
    ...record.extraOutputs
  }
}
