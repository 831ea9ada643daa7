import type { Config, TriggerDef } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import { checkFilters, type TeamMemberships } from './check-filters.js'
import { chooseInvocations, type Choice } from './choose-invocations.js'
import type { Decision, TeamCheck, TriggerVerdict } from './types.js'

export interface RouteOptions {
  botName: string
  /** Cap on commands run from one text (default 5). */
  maxCommands?: number
  /** Sender memberships the gate has looked up, `org/slug` (lower case) -> member. */
  teamMemberships?: TeamMemberships
}

const DEFAULT_MAX_COMMANDS = 5

function verdict(trigger: TriggerDef, matched: boolean, reason: string): TriggerVerdict {
  return { trigger: trigger.name, file: trigger.location.file, line: trigger.location.line, matched, reason }
}

function eventLabel(event: EventContext): string {
  return event.action === null ? event.name : `${event.name}.${event.action}`
}

function noMatchReason(event: EventContext, verdicts: TriggerVerdict[]): string {
  if (verdicts.length === 0) return 'no triggers are configured'
  const shown = verdicts.slice(0, 3).map((v) => `${v.trigger}: ${v.reason}`)
  const more = verdicts.length > 3 ? `; and ${verdicts.length - 3} more` : ''
  return `no trigger handles ${eventLabel(event)} (${shown.join('; ')}${more})`
}

/** Why a Trigger is not even asked: disabled, or a platform a GitHub Action does not receive. */
function notRoutable(trigger: TriggerDef): string | null {
  if (!trigger.enabled) return 'disabled (enabled: false)'
  if (trigger.type.toLowerCase() !== 'github') return `type ${trigger.type} is not GitHub; ignored in a GitHub Action`
  return null
}

function teamCheckFor(event: EventContext, teams: string[]): TeamCheck | undefined {
  return teams.length > 0 && event.sender ? { login: event.sender.login, teams } : undefined
}

function decided(trigger: TriggerDef, choice: Choice, verdicts: TriggerVerdict[], teamCheck: TeamCheck | undefined): Decision {
  const matched = choice.invocations.length > 0
  const decision: Decision = {
    matched,
    trigger: trigger.name,
    verdicts,
    invocations: choice.invocations,
    skippedReason: matched ? null : `trigger ${trigger.name}: ${choice.outcome}`,
    notes: choice.notes
  }
  if (teamCheck) decision.teamCheck = teamCheck
  return decision
}

/**
 * Pure routing (docs/architecture.md): Triggers in config order, the first whose filters all hold handles the
 * event, with no fall-through; every Trigger gets a verdict with one reason. When the chosen Trigger
 * runs nothing, `matched` is false and `trigger` still names it.
 */
export function route(config: Config, event: EventContext, options: RouteOptions): Decision {
  const maxCommands = Math.max(0, options.maxCommands ?? DEFAULT_MAX_COMMANDS)
  const verdicts: TriggerVerdict[] = []
  let chosen: { trigger: TriggerDef; choice: Choice; teamCheck: TeamCheck | undefined } | null = null
  for (const trigger of config.triggers) {
    if (chosen) {
      verdicts.push(verdict(trigger, false, `not considered: trigger ${chosen.trigger.name} handled the event first`))
      continue
    }
    const skipped = notRoutable(trigger)
    if (skipped) {
      verdicts.push(verdict(trigger, false, skipped))
      continue
    }
    const filters = checkFilters(trigger, event, options.teamMemberships)
    if (!filters.holds) {
      verdicts.push(verdict(trigger, false, filters.reason))
      continue
    }
    const choice = chooseInvocations(trigger, event, { botName: options.botName, maxCommands })
    const teamCheck = teamCheckFor(event, filters.pendingTeams)
    const pending = teamCheck ? ` (pending membership of ${teamCheck.teams.map((t) => `team:${t}`).join(' or ')})` : ''
    verdicts.push(verdict(trigger, true, `handles the event${pending}: ${choice.outcome}`))
    chosen = { trigger, choice, teamCheck }
  }
  if (!chosen) {
    return { matched: false, trigger: null, verdicts, invocations: [], skippedReason: noMatchReason(event, verdicts), notes: [] }
  }
  return decided(chosen.trigger, chosen.choice, verdicts, chosen.teamCheck)
}
