// The gate's shell: asks GitHub what the pure rules need (team memberships, the sender's role),
// then lets them decide. Lookups happen only when a rule needs them.
import type { Config } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import { route } from '../route/route.js'
import type { Decision, Invocation } from '../route/types.js'
import type { Logger } from '../shared/logger.js'
import type { AccessLookups } from './access.js'
import { gateInvocations, needsSenderPermission, type GateFacts } from './gate-invocations.js'

/** `allowed_users: [team:org/slug]` needs the API; route again once memberships are known. */
export async function resolveTeams(
  decision: Decision,
  config: Config,
  event: EventContext,
  botName: string,
  access: AccessLookups | null,
  notes: string[]
): Promise<Decision> {
  let current = decision
  const known: Record<string, boolean> = {}
  // Each round settles the teams of one Trigger; a declined Trigger lets the next one ask.
  for (let round = 0; current.teamCheck && round < config.triggers.length; round++) {
    const { teams, login } = current.teamCheck
    for (const team of teams) {
      const lookup = access ? await access.getTeamMembership(team, login) : { member: null, error: 'no github-token to read team membership' }
      known[team.toLowerCase()] = lookup.member === true
      if (lookup.member === null) notes.push(`team:${team} treated as not containing @${login}: ${lookup.error}`)
    }
    current = route(config, event, { botName, teamMemberships: known })
  }
  return current
}

/** The invocations the sender may not start, each with the reason. */
export async function refusedInvocations(
  decision: Decision,
  event: EventContext,
  access: AccessLookups | null,
  logger: Logger
): Promise<Map<Invocation, string>> {
  const refused = new Map<Invocation, string>()
  if (!decision.matched) return refused
  const facts: GateFacts = { senderPermission: null }
  if (needsSenderPermission(decision.invocations)) {
    if (!access || !event.sender) {
      facts.permissionError = 'no github-token or sender to check'
    } else {
      const lookup = await access.getSenderPermission(event.sender.login)
      facts.senderPermission = lookup.permission
      if (lookup.permission === null) facts.permissionError = lookup.error
    }
  }
  for (const verdict of gateInvocations(event, decision.invocations, facts)) {
    if (verdict.allowed) logger.debug(`gate: ${verdict.reason}`)
    else {
      logger.info(`Refused: ${verdict.reason}`)
      refused.set(verdict.invocation, verdict.reason)
    }
  }
  return refused
}
