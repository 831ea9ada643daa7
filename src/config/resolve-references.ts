import type { LoadState, PendingReference } from './load-state.js'
import { addSkipped, markSkipped } from './skip-resource.js'
import type { AgentDef, Diagnostic, TargetKind } from './types.js'

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

/** A fleet member's agent by its `config:` file: AOF's path first, then the one beside the fleet. */
function memberAgent(state: LoadState, ref: PendingReference): AgentDef | undefined {
  return (ref.file ? agentInFile(state, ref.file) : undefined) ?? (ref.besideFile ? agentInFile(state, ref.besideFile) : undefined)
}

function definitions(state: LoadState, kind: TargetKind): Record<string, { location: { file: string; line: number } }> {
  return kind === 'agent' ? state.agents : kind === 'fleet' ? state.fleets : state.flows
}

type Lookup = { status: 'ok' } | { status: 'skipped'; reasons: Diagnostic[] } | { status: 'undefined' }

function lookup(state: LoadState, ref: PendingReference): Lookup {
  const defined = definitions(state, ref.kind)
  if (Object.hasOwn(defined, ref.name)) return { status: 'ok' }
  if (ref.kind === 'agent' && memberAgent(state, ref)) return { status: 'ok' }
  const reasons = state.skipped[ref.kind].get(ref.name)
  if (reasons) return { status: 'skipped', reasons }
  return { status: 'undefined' }
}

function undefinedMessage(state: LoadState, ref: PendingReference, names: Record<TargetKind, string[]>): string {
  const base = `${ref.from} → ${ref.kind} '${ref.name}' is not defined; ${definedList(names[ref.kind], ref.kind)}`
  if (ref.file === undefined) return base
  const tried = [ref.file, ...(ref.besideFile ? [ref.besideFile] : [])]
  const read = tried.find((file) => state.filesRead.has(file))
  if (read) return `${base}; ${read} defines no single agent`
  return `${base}; its config file was not found at ${tried.join(' or ')} (AOF reads it relative to the repository root)`
}

function skippedMessage(ref: PendingReference, reasons: Diagnostic[]): string {
  const first = reasons[0]
  const where = first ? ` (see ${first.file}:${first.line})` : ''
  return `${ref.from} → ${ref.kind} '${ref.name}' did not load${where}`
}

/**
 * A fleet or flow that uses a name that does not resolve cannot run: it is skipped, with every name
 * of it that did not resolve, and so, in the next round, is whatever uses it.
 */
function skipOwners(state: LoadState, names: Record<TargetKind, string[]>): void {
  for (;;) {
    const failing = state.references.flatMap((ref) => {
      const owner = ref.owner
      if (!owner || !Object.hasOwn(definitions(state, owner.kind), owner.name)) return []
      const found = lookup(state, ref)
      return found.status === 'ok' ? [] : [{ ref, owner, found }]
    })
    if (failing.length === 0) return
    for (const { ref, owner, found } of failing) {
      const diagnostic: Diagnostic = {
        severity: 'error',
        ...ref.at(),
        message: found.status === 'undefined' ? undefinedMessage(state, ref, names) : skippedMessage(ref, found.reasons)
      }
      markSkipped(diagnostic, `${owner.kind} '${owner.name}' is skipped`)
      state.log.add(diagnostic)
      addSkipped(state, owner.kind, owner.name, [diagnostic])
    }
    for (const { owner } of failing) delete definitions(state, owner.kind)[owner.name]
  }
}

/**
 * Runs after every file is read. A name used by a fleet member or a flow node must resolve, or that
 * fleet or flow is skipped (and so, in turn, is whatever uses it). A name used by a Trigger's command
 * or default_agent that does not resolve is a warning at the command: the Trigger still routes its
 * other commands, and the run that takes this one fails with the reason. Fleet members that did not
 * resolve are dropped with their fleet, so every `FleetMember.agent` in the result is a real agent.
 */
export function resolveReferences(state: LoadState): void {
  const names: Record<TargetKind, string[]> = {
    agent: [...state.declared.agent.keys()].sort(),
    fleet: [...state.declared.fleet.keys()].sort(),
    flow: [...state.declared.flow.keys()].sort()
  }
  skipOwners(state, names)
  // Looked up before any is recorded, so every use of an undefined name is one of its reasons.
  const fromTriggers = state.references.filter((ref) => !ref.owner).map((ref) => ({ ref, found: lookup(state, ref) }))
  for (const { ref, found } of fromTriggers) {
    if (found.status === 'ok') continue
    const diagnostic: Diagnostic = {
      severity: ref.severity,
      ...ref.at(),
      message: found.status === 'undefined' ? undefinedMessage(state, ref, names) : skippedMessage(ref, found.reasons)
    }
    state.log.add(diagnostic)
    // A disabled Trigger never routes: the warning is all there is to say.
    if (ref.severity !== 'error') continue
    markSkipped(diagnostic, `an event routed to ${ref.from} fails`)
    if (found.status === 'undefined') addSkipped(state, ref.kind, ref.name, [diagnostic])
  }
  for (const ref of state.references) {
    if (!ref.onAgent) continue
    const agent = Object.hasOwn(state.agents, ref.name) ? state.agents[ref.name] : memberAgent(state, ref)
    if (agent) ref.onAgent(agent)
  }
  for (const fleet of Object.values(state.fleets)) {
    fleet.members = fleet.members.filter((member) => member.agent !== undefined)
  }
}
