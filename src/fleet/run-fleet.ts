// An AgentFleet inside one job: members in parallel (a bounded number at a time), as a pipeline, or
// in the steps AOF's hierarchical, tiered, deep and swarm modes take (plan-fleet-steps.ts), then one
// merged publication instead of one per member.
import type { FleetDef } from '../config/types.js'
import { mergeFleetResults, type FleetPublication, type MemberResult, type MemberRun } from './merge-fleet-results.js'
import { mergeStepResults } from './merge-step-results.js'
import { nextFleetSteps, type FleetStep, type StepResult } from './plan-fleet-steps.js'
import { emptyDraft } from './publication-draft.js'
import { errorMessage } from '../shared/errors.js'

export type { MemberResult, MemberRun } from './merge-fleet-results.js'
export type { FleetStep } from './plan-fleet-steps.js'

/**
 * What the fleet needs of a member's plan: its label. The caller's own plan type flows through to
 * runMember unchanged, so fleet/ does not import execute/, which calls it.
 */
export interface MemberPlan {
  /** Label for reports: `fleet:F/member`. */
  label: string
}

/**
 * `previous`: in a pipeline, the results of the members before this one; otherwise empty.
 * `step`: in the step modes, what this run is for (its extra instruction and input); else undefined.
 */
export type RunMember<Plan extends MemberPlan = MemberPlan> = (plan: Plan, previous: readonly MemberResult[], step?: FleetStep) => Promise<MemberRun>

export interface RunFleetOptions {
  /** Members running at once in parallel mode (default 3). */
  concurrency?: number
}

export interface FleetRun {
  fleet: string
  mode: FleetDef['mode']
  strategy: FleetDef['strategy']
  aggregation: FleetDef['aggregation']
  /** In member order, whatever order they finished in; in the step modes, each step in the order it ran. */
  members: MemberResult[]
  publication: FleetPublication
  /** The fleet's answer as text, for a flow's next node. */
  text: string
}

/** Far above any mode's own bound (deep: max_iterations plus three); a guard, not a budget. */
const MAX_STEPS = 1000

export const DEFAULT_FLEET_CONCURRENCY = 3

function memberName(fleet: FleetDef, plans: readonly MemberPlan[], index: number): string {
  const plan = plans[index] as MemberPlan
  return fleet.members.length === plans.length ? (fleet.members[index]?.name ?? plan.label) : plan.label
}

async function runOne<Plan extends MemberPlan>(
  runMember: RunMember<Plan>,
  plan: Plan,
  previous: readonly MemberResult[],
  member: string,
  step?: FleetStep
): Promise<MemberResult> {
  try {
    const run = await runMember(plan, previous, step)
    return { ...run, member, label: plan.label }
  } catch (error) {
    // One member's crash must not lose what the others found.
    return { member, label: plan.label, status: 'failed', detail: errorMessage(error), text: '', draft: emptyDraft() }
  }
}

/** At most `concurrency` at once; results in input order. */
async function pool<T, R>(items: readonly T[], concurrency: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await run(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

function parallel<Plan extends MemberPlan>(fleet: FleetDef, plans: Plan[], runMember: RunMember<Plan>, concurrency: number): Promise<MemberResult[]> {
  return pool(
    plans.map((plan, index) => ({ plan, index })),
    concurrency,
    ({ plan, index }) => runOne(runMember, plan, [], memberName(fleet, plans, index))
  )
}

/** A pipeline: each member sees the results before it; a failure stops the ones after it. */
async function sequential<Plan extends MemberPlan>(fleet: FleetDef, plans: Plan[], runMember: RunMember<Plan>): Promise<MemberResult[]> {
  const results: MemberResult[] = []
  let stoppedBy: string | null = null
  for (const [index, plan] of plans.entries()) {
    const member = memberName(fleet, plans, index)
    if (stoppedBy !== null) {
      results.push({ member, label: plan.label, status: 'skipped', detail: `${stoppedBy} failed earlier in the pipeline`, text: '', draft: emptyDraft() })
      continue
    }
    const result = await runOne(runMember, plan, [...results], member)
    results.push(result)
    if (result.status === 'failed') stoppedBy = member
  }
  return results
}

/** The step modes: ask the pure schedule what runs next, run it, until it says done. */
async function steps<Plan extends MemberPlan>(fleet: FleetDef, plans: Plan[], runMember: RunMember<Plan>, concurrency: number): Promise<StepResult[]> {
  const done: StepResult[] = []
  const planOf = (member: string): Plan | undefined => {
    const index = fleet.members.findIndex((m) => m.name === member)
    return fleet.members.length === plans.length ? plans[index] : undefined
  }
  for (let batch = nextFleetSteps(fleet, done); batch.length > 0 && done.length < MAX_STEPS; batch = nextFleetSteps(fleet, done)) {
    const results = await pool(batch, concurrency, async (step) => {
      const plan = planOf(step.member)
      const label = `fleet:${fleet.name}/${step.member}`
      if (!plan) return { member: step.member, label, status: 'failed', detail: 'no plan for this member', text: '', draft: emptyDraft() } as MemberResult
      const staged = { ...plan, label: `${plan.label} (${step.tier === undefined ? step.stage : `tier ${step.tier}`})` }
      return runOne(runMember, staged, [], step.member, step)
    })
    batch.forEach((step, i) => done.push({ step, result: results[i] as MemberResult }))
  }
  return done
}

export async function runFleet<Plan extends MemberPlan>(
  fleet: FleetDef,
  plans: Plan[],
  runMember: RunMember<Plan>,
  options: RunFleetOptions = {}
): Promise<FleetRun> {
  const asked = options.concurrency ?? DEFAULT_FLEET_CONCURRENCY
  const concurrency = Number.isFinite(asked) ? Math.max(1, Math.floor(asked)) : DEFAULT_FLEET_CONCURRENCY
  const base = { fleet: fleet.name, mode: fleet.mode, strategy: fleet.strategy, aggregation: fleet.aggregation }
  if (fleet.mode !== 'peer' && fleet.mode !== 'pipeline') {
    const done = await steps(fleet, plans, runMember, concurrency)
    const { publication, text } = mergeStepResults(fleet, done)
    return { ...base, members: done.map((d) => d.result), publication, text }
  }
  const members = fleet.strategy === 'sequential' ? await sequential(fleet, plans, runMember) : await parallel(fleet, plans, runMember, concurrency)
  const text = members.map((m) => `${m.member}: ${m.text}`).join('\n\n')
  return { ...base, members, publication: mergeFleetResults(fleet, members), text }
}
