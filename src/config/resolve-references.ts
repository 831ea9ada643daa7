import type { LoadState, PendingReference } from './load-state.js'
import type { AgentDef, TargetKind } from './types.js'

const PLURAL: Record<TargetKind, string> = { agent: 'agents', fleet: 'fleets', flow: 'flows' }
const SHOWN = 10

function definedList(names: string[], kind: TargetKind): string {
  if (names.length === 0) return `no ${PLURAL[kind]} are defined`
  const shown = names.slice(0, SHOWN).join(', ')
  return `defined ${PLURAL[kind]}: ${shown}${names.length > SHOWN ? `, and ${names.length - SHOWN} more` : ''}`
}

function agentInFile(state: LoadState, file: string): AgentDef | undefined {
  const found = Object.values(state.agents).filter((agent) => agent.location.file === file)
  return found.length === 1 ? found[0] : undefined
}

function resolve(state: LoadState, ref: PendingReference): boolean {
  if (ref.kind === 'agent' && ref.onAgent) {
    const agent = Object.hasOwn(state.agents, ref.name) ? state.agents[ref.name] : ref.file ? agentInFile(state, ref.file) : undefined
    if (agent) ref.onAgent(agent)
    // A name taken by an invalid definition already has its error; do not add "not defined".
    return agent !== undefined || state.declared.agent.has(ref.name)
  }
  return state.declared[ref.kind].has(ref.name)
}

/**
 * Runs after every file is read: each name used by a command, default_agent, fleet member or
 * flow node must be defined; the error sits where the name is used. Fleet members that did not
 * resolve are dropped, so every `FleetMember.agent` in the result is a real agent.
 */
export function resolveReferences(state: LoadState): void {
  const names: Record<TargetKind, string[]> = {
    agent: [...state.declared.agent.keys()].sort(),
    fleet: [...state.declared.fleet.keys()].sort(),
    flow: [...state.declared.flow.keys()].sort()
  }
  for (const ref of state.references) {
    if (resolve(state, ref)) continue
    state.log.add({
      severity: ref.severity,
      ...ref.at(),
      message: `${ref.from} → ${ref.kind} '${ref.name}' is not defined; ${definedList(names[ref.kind], ref.kind)}`
    })
  }
  for (const fleet of Object.values(state.fleets)) {
    fleet.members = fleet.members.filter((member) => member.agent !== undefined)
  }
}
