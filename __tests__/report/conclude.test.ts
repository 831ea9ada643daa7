import { describe, expect, it } from '@jest/globals'
import { conclude } from '../../src/report/conclude.js'
import type { InvocationOutcome } from '../../src/report/types.js'

function outcome(status: InvocationOutcome['status']): InvocationOutcome {
  return { invocation: { via: 'command', key: 'review', args: '', target: { kind: 'agent', name: 'r' }, params: {} }, target: 'agent:r', status, detail: '' }
}

describe('conclude', () => {
  it.each([
    [[], 'neutral', 'skipped'],
    [['ran'], 'neutral', 'success'],
    [['dry-run'], 'neutral', 'success'],
    [['ran', 'failed'], 'neutral', 'failure'],
    [['ran', 'budget'], 'neutral', 'neutral'],
    [['ran', 'budget'], 'failure', 'failure'],
    [['refused'], 'neutral', 'skipped'],
    [['not-run'], 'neutral', 'neutral']
  ] as const)('outcomes %j with budget-conclusion %s conclude %s', (statuses, budgetConclusion, expected) => {
    expect(conclude(statuses.map(outcome), budgetConclusion)).toBe(expected)
  })
})
