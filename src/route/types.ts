import type { TargetRef } from '../config/types.js'

/** Why a Trigger did or did not take the event; shown in the job summary table. */
export interface TriggerVerdict {
  trigger: string
  file: string
  line: number
  matched: boolean
  /** One sentence: `github_events [pull_request] does not include issues`. */
  reason: string
}

/** One thing to run. Several per comment run in order. */
export interface Invocation {
  /** How it was chosen. */
  via: 'command' | 'mention' | 'event-action' | 'event' | 'default-agent' | 'help'
  /** The binding key that matched (`deploy staging`, `pull_request.opened`), or null for default_agent. */
  key: string | null
  /** Rest of the command line after the key, trimmed ('' when none). */
  args: string
  /** null only for `via: 'help'` (the action answers itself). */
  target: TargetRef | null
  params: Record<string, unknown>
  /** For help: the rendered markdown answer. */
  helpText?: string
}

export interface Decision {
  matched: boolean
  /** Name of the Trigger that handled the event (first whose filters hold), if any. */
  trigger: string | null
  verdicts: TriggerVerdict[]
  invocations: Invocation[]
  /** When nothing runs: a one-line reason for the `skipped-reason` output. */
  skippedReason: string | null
  /** Notes for the summary (commands ignored, cap reached, unknown slash-commands passed over). */
  notes: string[]
  /**
   * Set when the chosen Trigger's `allowed_users` admits the sender only through `team:org/slug`
   * entries whose membership the router could not know. The gate checks membership; if the sender is
   * in none, it routes again with `teamMemberships` filled (so a later Trigger may take the event).
   */
  teamCheck?: TeamCheck
}

export interface TeamCheck {
  login: string
  /** `org/slug`, as written after `team:`. */
  teams: string[]
}
