import type { TriggerDef } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import { globMatches } from './match-glob.js'

export type FilterResult = { holds: true; pendingTeams: string[] } | { holds: false; reason: string }

/** Known `team:org/slug` memberships of the sender, keyed by lower-case `org/slug`. */
export type TeamMemberships = Readonly<Record<string, boolean>>

type Check = FilterResult | null

function list(values: readonly string[]): string {
  return `[${values.join(', ')}]`
}

/**
 * A workflow on `pull_request_target` gets the `pull_request` webhook payload; AOF configs name the
 * webhook event, so `pull_request` in a filter or key also covers it.
 */
export function eventNamesOf(event: EventContext): string[] {
  const name = event.name.toLowerCase()
  return name === 'pull_request_target' ? [name, 'pull_request'] : [name]
}

function checkEvents(trigger: TriggerDef, event: EventContext): Check {
  if (trigger.events.length === 0) return null
  const wanted = trigger.events.map((e) => e.toLowerCase())
  if (eventNamesOf(event).some((name) => wanted.includes(name))) return null
  return { holds: false, reason: `github_events ${list(trigger.events)} does not include ${event.name}` }
}

function checkActions(trigger: TriggerDef, event: EventContext): Check {
  if (trigger.actions.length === 0) return null
  if (event.action === null) return { holds: false, reason: `${event.name} has no action; actions ${list(trigger.actions)} is set` }
  const action = event.action.toLowerCase()
  if (trigger.actions.some((a) => a.toLowerCase() === action)) return null
  return { holds: false, reason: `actions ${list(trigger.actions)} does not include ${event.action}` }
}

/** GitHub owner and repo names are case-insensitive; `*` alone means every repository. */
function checkRepositories(trigger: TriggerDef, event: EventContext): Check {
  const patterns = trigger.repositories
  if (patterns.length === 0 || patterns.includes('*')) return null
  if (event.repository === null) return { holds: false, reason: `event has no repository; repositories ${list(patterns)} is set` }
  if (globMatches(event.repository, patterns, { nocase: true })) return null
  return { holds: false, reason: `repository ${event.repository} matches none of ${list(patterns)}` }
}

/** Events without a branch (issues, comments on plain issues) are not filtered by branches. */
function checkBranches(trigger: TriggerDef, event: EventContext): Check {
  if (trigger.branches.length === 0 || event.branch === null) return null
  if (globMatches(event.branch, trigger.branches, { nocase: false })) return null
  return { holds: false, reason: `branch ${event.branch} matches none of ${list(trigger.branches)}` }
}

/**
 * Bots act only where a Trigger names them: an App's comment could otherwise start a loop or be
 * steered by whoever controls that App. The account `type` decides, not a `[bot]` suffix, which
 * any user can put in a display name but never in a login of type User.
 */
function checkBot(trigger: TriggerDef, event: EventContext): FilterResult | null {
  if (event.sender?.type !== 'Bot') return null
  const login = event.sender.login.toLowerCase()
  if (trigger.allowedUsers.some((u) => u.toLowerCase() === login)) return null
  return { holds: false, reason: `sender ${event.sender.login} is a bot (account type Bot) not named in allowed_users` }
}

/**
 * Logins compare case-insensitively, as GitHub's do. `team:org/slug` entries need an API call the
 * router cannot make: unless `memberships` already knows, the sender passes pending a team check.
 */
function checkUsers(trigger: TriggerDef, event: EventContext, memberships: TeamMemberships): FilterResult {
  const bot = checkBot(trigger, event)
  if (bot) return bot
  if (trigger.allowedUsers.length === 0) return { holds: true, pendingTeams: [] }
  if (event.sender === null) return { holds: false, reason: 'event has no sender; allowed_users is set' }
  const login = event.sender.login.toLowerCase()
  const teams = trigger.allowedUsers.filter((u) => u.startsWith('team:')).map((u) => u.slice('team:'.length))
  const logins = trigger.allowedUsers.filter((u) => !u.startsWith('team:'))
  if (logins.some((u) => u.toLowerCase() === login)) return { holds: true, pendingTeams: [] }
  if (teams.some((t) => memberships[t.toLowerCase()] === true)) return { holds: true, pendingTeams: [] }
  const unknown = teams.filter((t) => memberships[t.toLowerCase()] === undefined)
  if (unknown.length > 0) return { holds: true, pendingTeams: unknown }
  return { holds: false, reason: `sender ${event.sender.login} is not in allowed_users` }
}

/** The Trigger's filters in a fixed order; the first that fails gives the reason. */
export function checkFilters(trigger: TriggerDef, event: EventContext, memberships: TeamMemberships = {}): FilterResult {
  return (
    checkEvents(trigger, event) ??
    checkActions(trigger, event) ??
    checkRepositories(trigger, event) ??
    checkBranches(trigger, event) ??
    checkUsers(trigger, event, memberships)
  )
}
