import type { AgentDef, CommandBinding, Config, Diagnostic, TargetRef, TriggerDef } from '../config/types.js'
import { keyKind, normalizeKey } from '../route/command-keys.js'
import { closestName } from './closest-name.js'
import { templateReferences } from './template-references.js'
import { metadataNamesFor } from './template-variables.js'

/** Events whose text can hold a slash-command (see buildEventContext). */
const TEXT_EVENTS = ['issue_comment', 'pull_request_review_comment', 'pull_request_review', 'issues', 'pull_request', 'pull_request_target']

/** One way an agent can be reached: which Trigger, and the events that can get there. */
interface Route {
  trigger: string
  /** null = every event. */
  events: string[] | null
}

function eventsOfBinding(trigger: TriggerDef, binding: CommandBinding): string[] | null {
  const kind = keyKind(binding.key)
  const key = normalizeKey(binding.key)
  if (kind === 'event-action') return [key.split('.')[0] ?? key]
  if (kind === 'event') return [key]
  const listened = trigger.events.map((e) => e.toLowerCase())
  return listened.length === 0 ? TEXT_EVENTS : TEXT_EVENTS.filter((e) => listened.includes(e))
}

/** The agents a target runs: itself, a fleet's members, a flow's Agent nodes. */
function agentsOf(config: Config, target: TargetRef): AgentDef[] {
  if (target.kind === 'agent') return config.agents[target.name] ? [config.agents[target.name] as AgentDef] : []
  if (target.kind === 'fleet') return config.fleets[target.name]?.members.map((m) => m.agent) ?? []
  const nodes = config.flows[target.name]?.nodes ?? []
  return nodes.flatMap((node) => {
    const name = node.config.agent
    const agent = typeof name === 'string' ? config.agents[name] : undefined
    return agent ? [agent] : []
  })
}

function routesByAgent(config: Config): Map<AgentDef, Route[]> {
  const routes = new Map<AgentDef, Route[]>()
  const add = (agent: AgentDef, route: Route): void => {
    routes.set(agent, [...(routes.get(agent) ?? []), route])
  }
  for (const trigger of config.triggers) {
    if (trigger.type.toLowerCase() !== 'github') continue
    for (const binding of trigger.commands) {
      const events = eventsOfBinding(trigger, binding)
      agentsOf(config, binding.target).forEach((agent) => add(agent, { trigger: trigger.name, events }))
    }
    if (trigger.defaultAgent) {
      const events = trigger.events.length === 0 ? null : trigger.events
      agentsOf(config, { kind: 'agent', name: trigger.defaultAgent }).forEach((agent) => add(agent, { trigger: trigger.name, events }))
    }
  }
  return routes
}

/** Every agent whose instructions are rendered: top-level ones and inline fleet members. */
function allAgents(config: Config): AgentDef[] {
  const agents = new Set<AgentDef>(Object.values(config.agents))
  Object.values(config.fleets).forEach((fleet) => fleet.members.forEach((m) => agents.add(m.agent)))
  return [...agents]
}

function describeRoutes(routes: Route[]): string {
  return routes.map((r) => `trigger ${r.trigger}: ${r.events === null ? 'any event' : r.events.join(', ')}`).join('; ')
}

function warning(agent: AgentDef, message: string): Diagnostic {
  return { severity: 'warning', message, file: agent.location.file, line: agent.location.line, field: 'spec.instructions' }
}

function checkAgent(agent: AgentDef, routes: Route[]): Diagnostic[] {
  const everyName = metadataNamesFor([])
  // A route with no event (a slash-command in a Trigger listening to no text event) reaches nothing.
  const live = routes.filter((r) => r.events === null || r.events.length > 0)
  // Many Triggers share the same events (a large config routes hundreds to one agent): each
  // distinct event list is looked up once.
  const reachable = new Set<string>()
  const eventLists = new Set<string>()
  for (const route of live) {
    const events = route.events ?? []
    const key = events.join('\u0000')
    if (eventLists.has(key)) continue
    eventLists.add(key)
    for (const name of metadataNamesFor(events)) reachable.add(name)
  }
  const seen = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const ref of templateReferences(agent.instructions)) {
    if (seen.has(ref.raw)) continue
    seen.add(ref.raw)
    if (ref.namespace === 'command' && ref.name !== 'args' && ref.name !== 'name') {
      diagnostics.push(warning(agent, `agent ${agent.name}: ${ref.raw} is not a template variable (only command.args and command.name exist)`))
    }
    if (ref.namespace !== 'metadata') continue
    if (!everyName.has(ref.name)) {
      const hint = closestName(ref.name, everyName)
      diagnostics.push(warning(agent, `agent ${agent.name}: ${ref.raw} names no metadata variable${hint ? ` (did you mean ${hint}?)` : ''}; it renders empty`))
    } else if (live.length > 0 && !reachable.has(ref.name)) {
      diagnostics.push(warning(agent, `agent ${agent.name}: ${ref.raw} is never set for the events that reach it (${describeRoutes(live)}); it renders empty`))
    }
  }
  return diagnostics
}

/**
 * Load-time warnings at each agent's location for a `{{ metadata.X }}` that cannot exist: for no
 * event, or for none of the events of the Triggers routing to that agent. Agents nothing routes to
 * are checked for the first kind only.
 */
export function checkTemplates(config: Config): Diagnostic[] {
  const routes = routesByAgent(config)
  const diagnostics = allAgents(config).flatMap((agent) => checkAgent(agent, routes.get(agent) ?? []))
  // A fleet member that copies a top-level agent would otherwise repeat its warnings.
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const identity = `${d.file}:${d.line}:${d.message}`
    if (seen.has(identity)) return false
    seen.add(identity)
    return true
  })
}
