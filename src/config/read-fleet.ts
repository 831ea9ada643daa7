import { addReference } from './add-reference.js'
import { buildAgentDef } from './build-agent-def.js'
import { checkShape } from './check-shape.js'
import { declareName } from './declare-name.js'
import type { DocContext } from './document-context.js'
import type { FieldPath } from './format-field.js'
import { fieldValue } from './field-value.js'
import { dirOf, joinPath } from './join-path.js'
import type { LoadState } from './load-state.js'
import { fleetSchema, type FleetDocument } from './schemas/fleet-schema.js'
import type { FleetDef, FleetMember } from './types.js'

type Spec = FleetDocument['spec']
type Strategy = FleetDef['strategy']
type Aggregation = FleetDef['aggregation']

// Maps, not object literals: a value written as `constructor` must not find Object.prototype's.
const MODES = new Map<string, Strategy>([
  ['peer', 'parallel'],
  ['pipeline', 'sequential']
])
const STRATEGIES = new Map<string, Strategy>([
  ['parallel', 'parallel'],
  ['sequential', 'sequential']
])
const UNRUNNABLE_MODES = new Set(['hierarchical', 'swarm', 'tiered', 'deep'])
const AGGREGATIONS = new Set(['merge', 'consensus'])

/** Fields that shape how AOF's daemon schedules members; a job runs every member once. */
const IGNORED: [FieldPath, string][] = [
  [['spec', 'coordination', 'distribution'], 'every member runs once per event'],
  [['spec', 'coordination', 'consensus'], 'its tuning is not used; consensus takes the answer most members agree on'],
  [['spec', 'coordination', 'manager'], 'only hierarchical mode uses a manager, and it cannot run in a job'],
  [['spec', 'coordination', 'tiered'], 'tiered mode cannot run in a job'],
  [['spec', 'coordination', 'deep'], 'deep mode cannot run in a job'],
  [['spec', 'shared'], 'members share no memory in a job'],
  [['spec', 'communication'], 'members do not message each other in a job'],
  [['spec', 'scaling'], 'each event is one job; scale with concurrency: in the workflow']
]

function strategyOf(ctx: DocContext, spec: Spec): Strategy {
  let fromMode: Strategy | undefined
  const mode = spec.coordination?.mode
  if (mode !== undefined) {
    fromMode = MODES.get(mode)
    if (!fromMode) {
      const why = UNRUNNABLE_MODES.has(mode)
        ? `coordination.mode ${mode} cannot run in a CI job`
        : `coordination.mode '${mode}' is not a mode github-agent knows`
      ctx.report('error', ['spec', 'coordination', 'mode'], `${why}; use peer (parallel) or pipeline (sequential)`)
    }
  }
  let fromStrategy: Strategy | undefined
  if (typeof spec.strategy === 'string') {
    fromStrategy = STRATEGIES.get(spec.strategy)
    if (!fromStrategy) {
      ctx.report(
        'warning',
        ['spec', 'strategy'],
        `spec.strategy ${JSON.stringify(spec.strategy)} is not parallel or sequential, so it is ignored (AOF has no spec.strategy; coordination.mode decides)`
      )
    }
  } else if (spec.strategy !== undefined) {
    // AOF's schema sketches use `strategy:` as a mapping of their own; AOF ignores the key, and so does this.
    ctx.report('notice', ['spec', 'strategy'], 'ignored: spec.strategy is not parallel or sequential (AOF has no spec.strategy; coordination.mode decides)', {
      key: true
    })
  }
  if (fromMode && fromStrategy && fromMode !== fromStrategy) {
    ctx.report('error', ['spec', 'strategy'], `spec.strategy ${spec.strategy} contradicts coordination.mode ${mode} (${fromMode}); keep one`)
  }
  return fromMode ?? fromStrategy ?? 'parallel'
}

function aggregationOf(ctx: DocContext, spec: Spec): Aggregation {
  const found: [FieldPath, string][] = []
  if (spec.coordination?.aggregation !== undefined) found.push([['spec', 'coordination', 'aggregation'], spec.coordination.aggregation])
  if (spec.aggregation !== undefined) found.push([['spec', 'aggregation'], spec.aggregation])
  for (const [path, value] of found) {
    if (AGGREGATIONS.has(value)) continue
    const why =
      value === 'manager_synthesis'
        ? 'aggregation manager_synthesis needs a manager agent, which cannot run in a CI job'
        : `aggregation '${value}' is not one github-agent knows`
    ctx.report('error', path, `${why}; use merge or consensus`)
  }
  const [first, second] = found
  if (first && second && first[1] !== second[1]) {
    ctx.report('error', second[0], `spec.aggregation ${second[1]} contradicts coordination.aggregation ${first[1]}; keep one`)
  }
  // A fleet here is its members, then one merged result; AOF's own default (consensus) fails on differing answers.
  const value = first?.[1]
  return value === 'consensus' ? 'consensus' : 'merge'
}

function reportIgnored(ctx: DocContext, spec: Spec): void {
  for (const [path, reason] of IGNORED) {
    if (fieldValue(ctx.value, path) === undefined) continue
    ctx.report('notice', path, `ignored in a job: ${path.slice(1).join('.')} (${reason})`, { key: true, once: `fleet:${path.join('.')}` })
    ctx.ignored.push(path)
  }
  spec.agents.forEach((member, index) => {
    if (member.replicas !== undefined && member.replicas > 1) {
      const path = ['spec', 'agents', index, 'replicas']
      ctx.report('notice', path, 'ignored in a job: replicas (each member runs once per event)', { key: true, once: 'fleet:replicas' })
    }
  })
}

function membersOf(ctx: DocContext, state: LoadState, fleet: string, spec: Spec): FleetMember[] {
  const members: FleetMember[] = []
  const seen = new Set<string>()
  spec.agents.forEach((entry, index) => {
    const path = ['spec', 'agents', index]
    if (seen.has(entry.name)) {
      ctx.report('error', [...path, 'name'], `member '${entry.name}' is listed twice in fleet '${fleet}'; member names must be unique`)
      return
    }
    seen.add(entry.name)
    const location = ctx.location(path)
    const role = entry.role ?? 'worker'
    if (entry.spec) {
      if (entry.config !== undefined) {
        ctx.report('error', [...path, 'config'], `member '${entry.name}' has both spec (an inline agent) and config (an agent file); keep one`, { key: true })
      }
      const agent = buildAgentDef(ctx, entry.spec, [...path, 'spec'], entry.name, location)
      members.push({ name: entry.name, agent, role, location })
      return
    }
    // A reference: the agent itself is filled in once every file is read (resolve-references).
    const member = { name: entry.name, role, location } as FleetMember
    members.push(member)
    // AOF's fleet reads `config:` with std::fs, relative to its working directory: the repository root.
    const file = entry.config === undefined ? undefined : (joinPath('', entry.config) ?? undefined)
    const besideFile = entry.config === undefined ? undefined : (joinPath(dirOf(ctx.file), entry.config) ?? undefined)
    const from = `fleet '${fleet}' member '${entry.name}'${entry.config === undefined ? '' : ` (config: ${entry.config})`}`
    addReference(ctx, state, 'agent', entry.name, [...path, 'name'], from, 'error', {
      onAgent: (agent) => {
        member.agent = agent
      },
      owner: { kind: 'fleet', name: fleet },
      ...(file === undefined ? {} : { file }),
      ...(besideFile === undefined || besideFile === file ? {} : { besideFile })
    })
  })
  return members
}

/** Reads `kind: AgentFleet` (alias `Fleet`). */
export function readFleet(ctx: DocContext, state: LoadState): void {
  const data = checkShape(ctx, fleetSchema, ctx.value)
  if (!data) {
    const name = fieldValue(ctx.value, ['metadata', 'name'])
    if (typeof name === 'string' && name) declareName(ctx, state, 'fleet', name, ['metadata', 'name'])
    return
  }
  const name = data.metadata.name
  if (!declareName(ctx, state, 'fleet', name, ['metadata', 'name'])) return
  reportIgnored(ctx, data.spec)
  state.fleets[name] = {
    name,
    strategy: strategyOf(ctx, data.spec),
    aggregation: aggregationOf(ctx, data.spec),
    members: membersOf(ctx, state, name, data.spec),
    location: ctx.location([])
  }
}
