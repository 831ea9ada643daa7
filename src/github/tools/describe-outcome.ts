import type { WriteOutcome } from '../publisher.js'

/** The model's view of a write: done (with link), or planned under dry-run, plus what changed on the way. */
export function describeOutcome(what: string, outcome: WriteOutcome, dryRun: boolean): string {
  const head = dryRun
    ? `Dry run: ${what} was recorded, not sent.`
    : outcome.sent
      ? `Done: ${what}${outcome.url ? ` (${outcome.url})` : ''}.`
      : `Nothing sent for ${what}.`
  return [head, ...outcome.notes].join('\n')
}
