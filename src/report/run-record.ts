// The record every run fills in as it goes, and the check run's closing text made from it.
import type { RunRecord } from './types.js'

export function emptyRecord(eventName: string): RunRecord {
  return {
    event: { name: eventName, action: null, repository: null, number: null, sender: null },
    dryRun: false,
    configSource: 'not read',
    configFiles: [],
    diagnostics: [],
    decision: null,
    outcomes: [],
    writes: [],
    notes: [],
    conclusion: 'skipped',
    extraOutputs: {},
    commands: [],
    durationMs: 0
  }
}

export function checkRunSummary(record: RunRecord): { title: string; summary: string } {
  const lines = record.outcomes.map((o) => `- \`${o.target}\`: ${o.status}: ${o.detail}`)
  const title =
    record.conclusion === 'success' ? 'Done' : record.conclusion === 'failure' ? 'Failed' : record.conclusion === 'neutral' ? 'Stopped early' : 'Nothing to do'
  return { title, summary: [`Trigger \`${record.decision?.trigger ?? '-'}\``, '', ...lines].join('\n') }
}
