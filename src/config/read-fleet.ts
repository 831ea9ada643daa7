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
import type { ConsensusAlgorithm, ConsensusSettings, DeepSettings, FinalAggregation, FleetDef, FleetMember, FleetMode, TieredSettings } from './types.js'

type Spec = FleetDocument['spec']
type Coordination = NonNullable<Spec['coordination']>
type Strategy = FleetDef['strategy']
type Aggregation = FleetDef['aggregation']

// Maps and sets, not object literals: a value written as `constructor` must not find Object.prototype's.
const MODES = new Map<string, FleetMode>(['peer', 'pipeline', 'hierarchical', 'tiered', 'deep', 'swarm'].map((m) => [m, m as FleetMode]))
const MODE_LIST = 'peer, pipeline, hierarchical, tiered, deep or swarm'
const STRATEGIES = new Map<string, Strategy>([
  ['parallel', 'parallel'],
  ['sequential', 'sequential']
])
const AGGREGATIONS = new Set(['merge', 'consensus', 'manager_synthesis'])
const DISTRIBUTIONS = new Set(['round-robin', 'least-loaded', 'random', 'skill-based', 'sticky'])
const ALGORITHMS = new Map<string, ConsensusAlgorithm>(
  ['majority', 'unanimous', 'weighted', 'first_wins', 'human_review'].map((a) => [a, a as ConsensusAlgorithm])
)
const FINAL_AGGREGATIONS = new Map<string, FinalAggregation>(['consensus', 'merge', 'manager_synthesis'].map((a) => [a, a as FinalAggregation]))

/** AOF's DeepConfig defaults. */
const DEEP_DEFAULTS = { maxIterations: 10, planning: true, memory: true }

/** Fields that shape how AOF's daemon schedules members; a job runs each event once. */
const IGNORED: [FieldPath, string][] = [
  [['spec', 'coordination', 'distribution'], 'each event is one task: every member the mode calls on runs once'],
  [['spec', 'shared'], 'members share no memory in a job'],
  [['spec', 'communication'], 'members do not message each other in a job'],
  [['spec', 'scaling'], 'each event is one job; scale with concurrency: in the workflow']
]

const COORDINATION: FieldPath = ['spec', 'coordination']

function modeOf(ctx: DocContext, spec: Spec): { mode: FleetMode; strategy: Strategy } {
  let mode: FleetMode | undefined
  const written = spec.coordination?.mode
  if (written !== undefined) {
    mode = MODES.get(written)
    if (!mode) ctx.report('error', [...COORDINATION, 'mode'], `coordination.mode must be ${MODE_LIST} (found the text ${JSON.stringify(written)})`)
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
  const fromMode: Strategy | undefined = mode === 'pipeline' ? 'sequential' : mode === 'peer' ? 'parallel' : undefined
  if (mode && fromStrategy && fromMode !== fromStrategy) {
    const meaning = fromMode ? ` (${fromMode})` : ''
    ctx.report('error', ['spec', 'strategy'], `spec.strategy ${spec.strategy} contradicts coordination.mode ${written}${meaning}; keep one`)
  }
  const strategy = fromMode ?? fromStrategy ?? 'parallel'
  return { mode: mode ?? (strategy === 'sequential' ? 'pipeline' : 'peer'), strategy }
}

function aggregationOf(ctx: DocContext, spec: Spec, mode: FleetMode): Aggregation {
  const found: [FieldPath, string][] = []
  if (spec.coordination?.aggregation !== undefined) found.push([[...COORDINATION, 'aggregation'], spec.coordination.aggregation])
  if (spec.aggregation !== undefined) found.push([['spec', 'aggregation'], spec.aggregation])
  for (const [path, value] of found) {
    if (!AGGREGATIONS.has(value)) {
      ctx.report('error', path, `${path.slice(1).join('.')} must be merge, consensus or manager_synthesis (found the text ${JSON.stringify(value)})`)
    } else if (mode === 'hierarchical') {
      if (value !== 'manager_synthesis')
        ctx.report('notice', path, `ignored in hierarchical mode: aggregation (the manager synthesizes the result)`, { key: true })
    } else if (mode === 'tiered' || mode === 'deep' || mode === 'swarm') {
      const why = mode === 'tiered' ? 'tiered mode combines tiers by tiered.final_aggregation' : `${mode} mode has one result`
      ctx.report('notice', path, `ignored in ${mode} mode: aggregation (${why})`, { key: true })
    } else if (value === 'manager_synthesis') {
      ctx.report('error', path, `aggregation manager_synthesis needs a manager: use coordination.mode hierarchical, or merge or consensus in ${mode} mode`)
    }
  }
  const [first, second] = found
  if (first && second && first[1] !== second[1]) {
    ctx.report('error', second[0], `spec.aggregation ${second[1]} contradicts coordination.aggregation ${first[1]}; keep one`)
  }
  // A fleet here is its members, then one merged result; AOF's own default (consensus) fails on differing answers.
  // A peer fleet that tunes its consensus and names no aggregation votes, as in AOF.
  const value = first?.[1] ?? (mode === 'peer' && spec.coordination?.consensus !== undefined ? 'consensus' : undefined)
  return value === 'consensus' ? 'consensus' : 'merge'
}

function consensusOf(ctx: DocContext, value: Coordination['consensus'], path: FieldPath): ConsensusSettings | undefined {
  if (!value) return undefined
  let algorithm: ConsensusAlgorithm = 'majority'
  if (value.algorithm !== undefined) {
    const known = ALGORITHMS.get(value.algorithm)
    if (known) algorithm = known
    else {
      const list = [...ALGORITHMS.keys()].join(', ')
      ctx.report('error', [...path, 'algorithm'], `consensus algorithm must be one of ${list} (found the text ${JSON.stringify(value.algorithm)})`)
    }
  }
  for (const key of ['timeout_ms', 'allow_partial'] as const) {
    if (value[key] === undefined) continue
    const why = key === 'timeout_ms' ? 'each member runs within its own limits' : 'a member that fails has no vote'
    ctx.report('notice', [...path, key], `ignored: consensus ${key} (AOF's runtime does not read it either; ${why})`, {
      key: true,
      once: `fleet:consensus.${key}`
    })
  }
  return {
    algorithm,
    weights: { ...value.weights },
    ...(value.min_votes === undefined ? {} : { minVotes: value.min_votes }),
    ...(value.min_confidence === undefined ? {} : { minConfidence: value.min_confidence })
  }
}

/** AOF's get_manager: coordination.manager names a member, else the first member with role manager. */
function managerOf(ctx: DocContext, spec: Spec, fleet: string): string | undefined {
  const named = spec.coordination?.manager
  if (named === undefined) return spec.agents.find((a) => a.role === 'manager')?.name
  if (spec.agents.some((a) => a.name === named)) return named
  const members = spec.agents.map((a) => a.name).join(', ')
  ctx.report('error', [...COORDINATION, 'manager'], `coordination.manager '${named}' is not a member of fleet '${fleet}'; members: ${members}`)
  return undefined
}

function tieredOf(ctx: DocContext, spec: Spec, manager: string | undefined): TieredSettings {
  const value = spec.coordination?.tiered
  const path: FieldPath = [...COORDINATION, 'tiered']
  let finalAggregation: FinalAggregation = 'consensus'
  if (value?.final_aggregation !== undefined) {
    const known = FINAL_AGGREGATIONS.get(value.final_aggregation)
    if (known) finalAggregation = known
    else {
      ctx.report(
        'error',
        [...path, 'final_aggregation'],
        `tiered.final_aggregation must be consensus, merge or manager_synthesis (found the text ${JSON.stringify(value.final_aggregation)})`
      )
    }
  }
  const tiers = new Set(spec.agents.map((a) => String(a.tier ?? 1)))
  const tierConsensus: Record<string, ConsensusSettings> = {}
  for (const [tier, settings] of Object.entries(value?.tier_consensus ?? {})) {
    const read = consensusOf(ctx, settings, [...path, 'tier_consensus', tier])
    if (!tiers.has(tier)) {
      const list = [...tiers].sort((a, b) => Number(a) - Number(b)).join(', ')
      ctx.report('warning', [...path, 'tier_consensus', tier], `tier_consensus '${tier}' applies to no tier: the members' tiers are ${list}`, { key: true })
    } else if (read) tierConsensus[tier] = read
  }
  if (finalAggregation === 'manager_synthesis' && manager === undefined) {
    ctx.report(
      'warning',
      [...path, 'final_aggregation'],
      'tiered.final_aggregation manager_synthesis has no manager (coordination.manager or a member with role: manager); the tiers are merged instead, as AOF does'
    )
  }
  if (fieldValue(ctx.value, [...path, 'tiers']) !== undefined) {
    ctx.report(
      'notice',
      [...path, 'tiers'],
      "AOF's tiered settings have no tiers field either, so AOF runs these members by their own tier: (1 when unset); give each member a tier: instead",
      {
        key: true
      }
    )
  }
  if (tiers.size === 1) {
    ctx.report(
      'notice',
      [...COORDINATION, 'mode'],
      `tiered mode with one tier (${[...tiers][0]}) runs like peer mode with consensus; give members a tier: to run them in stages`
    )
  }
  return { tierConsensus, passAllResults: value?.pass_all_results ?? false, finalAggregation }
}

function deepOf(ctx: DocContext, spec: Spec): DeepSettings {
  const value = spec.coordination?.deep
  if (value?.planner_model !== undefined) {
    ctx.report('notice', [...COORDINATION, 'deep', 'planner_model'], `ignored: deep.planner_model (AOF plans with the first member's model too)`, { key: true })
  }
  return {
    maxIterations: value?.max_iterations ?? DEEP_DEFAULTS.maxIterations,
    planning: value?.planning ?? DEEP_DEFAULTS.planning,
    memory: value?.memory ?? DEEP_DEFAULTS.memory,
    ...(value?.planner_prompt === undefined ? {} : { plannerPrompt: value.planner_prompt }),
    ...(value?.synthesizer_prompt === undefined ? {} : { synthesizerPrompt: value.synthesizer_prompt })
  }
}

/** What only some modes read, given to another mode: a notice, never a silent drop. */
function reportUnused(ctx: DocContext, spec: Spec, mode: FleetMode, aggregation: Aggregation, finalAggregation: FinalAggregation | undefined): void {
  const coordination = spec.coordination ?? {}
  const unused = (field: string, why: string): void => {
    ctx.report('notice', [...COORDINATION, field], `ignored in ${mode} mode: ${field} (${why})`, { key: true })
  }
  if (coordination.tiered !== undefined && mode !== 'tiered') unused('tiered', 'only tiered mode reads it')
  if (coordination.deep !== undefined && mode !== 'deep') unused('deep', 'only deep mode reads it')
  const usesManager = mode === 'hierarchical' || (mode === 'tiered' && finalAggregation === 'manager_synthesis')
  if (coordination.manager !== undefined && !usesManager)
    unused('manager', 'only hierarchical mode, and tiered with final_aggregation manager_synthesis, use a manager')
  const usesConsensus = mode === 'tiered' || (mode === 'peer' && aggregation === 'consensus')
  if (coordination.consensus !== undefined && !usesConsensus) unused('consensus', 'only tiered mode, and peer mode with aggregation consensus, vote')
  if (mode !== 'tiered') {
    const index = spec.agents.findIndex((a) => a.tier !== undefined)
    if (index >= 0)
      ctx.report('notice', ['spec', 'agents', index, 'tier'], `ignored in ${mode} mode: tier (only tiered mode runs members by tier)`, { key: true })
  }
  const [first, ...rest] = spec.agents
  if (first && rest.length > 0 && (mode === 'deep' || mode === 'swarm')) {
    const others = rest.map((a) => a.name).join(', ')
    const why =
      mode === 'deep'
        ? `deep mode plans, runs every step and synthesizes with the first member, '${first.name}', as AOF does`
        : `swarm mode gives the event to the least-loaded member, and in a job, where none has run yet, that is the first, '${first.name}', as in AOF`
    ctx.report('notice', [...COORDINATION, 'mode'], `${why}; ${others} will not run`)
  }
}

function reportIgnored(ctx: DocContext, spec: Spec): void {
  for (const [path, reason] of IGNORED) {
    const value = fieldValue(ctx.value, path)
    if (value === undefined) continue
    if (path.at(-1) === 'distribution' && typeof value === 'string' && !DISTRIBUTIONS.has(value)) {
      ctx.report(
        'error',
        path,
        `coordination.distribution must be round-robin, least-loaded, random, skill-based or sticky (found the text ${JSON.stringify(value)})`
      )
      continue
    }
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
    const placement = { ...(entry.tier === undefined ? {} : { tier: entry.tier }), ...(entry.weight === undefined ? {} : { weight: entry.weight }) }
    if (entry.spec) {
      if (entry.config !== undefined) {
        ctx.report('error', [...path, 'config'], `member '${entry.name}' has both spec (an inline agent) and config (an agent file); keep one`, { key: true })
      }
      const agent = buildAgentDef(ctx, entry.spec, [...path, 'spec'], entry.name, location)
      members.push({ name: entry.name, agent, role, location, ...placement })
      return
    }
    // A reference: the agent itself is filled in once every file is read (resolve-references).
    const member = { name: entry.name, role, location, ...placement } as FleetMember
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
  const { mode, strategy } = modeOf(ctx, data.spec)
  const aggregation = aggregationOf(ctx, data.spec, mode)
  const manager = managerOf(ctx, data.spec, name)
  if (mode === 'hierarchical' && manager === undefined && data.spec.coordination?.manager === undefined) {
    ctx.report('error', [...COORDINATION, 'mode'], 'hierarchical mode needs a manager: set coordination.manager to a member, or give one member role: manager')
  }
  const tiered = mode === 'tiered' ? tieredOf(ctx, data.spec, manager) : undefined
  const deep = mode === 'deep' ? deepOf(ctx, data.spec) : undefined
  const consensus = consensusOf(ctx, data.spec.coordination?.consensus, [...COORDINATION, 'consensus'])
  reportUnused(ctx, data.spec, mode, aggregation, tiered?.finalAggregation)
  state.fleets[name] = {
    name,
    mode,
    strategy,
    aggregation,
    ...(manager === undefined ? {} : { manager }),
    ...(consensus ? { consensus } : {}),
    ...(tiered ? { tiered } : {}),
    ...(deep ? { deep } : {}),
    members: membersOf(ctx, state, name, data.spec),
    location: ctx.location([])
  }
}
