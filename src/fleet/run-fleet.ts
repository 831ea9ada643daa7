// An AgentFleet inside one job: members in parallel (a bounded number at a time) or as a pipeline,
// then one merged publication instead of one per member.
import type { FleetDef } from '../config/types.js'
import { mergeFleetResults, type FleetPublication, type MemberResult, type MemberRun } from './merge-fleet-results.js'
import { emptyDraft } from './publication-draft.js'
import { errorMessage } from '../shared/errors.js'

export type { MemberResult, MemberRun } from './merge-fleet-results.js'

/**
 * What the fleet needs of a member's plan: its label. The caller's own plan type flows through to
 * runMember unchanged, so fleet/ does not import execute/, which calls it.
 */
export interface MemberPlan {
  /** Label for reports: `fleet:F/member`. */
  label: string
}

/** `previous`: in a pipeline, the results of the members before this one; in parallel, empty. */
export type RunMember<Plan extends MemberPlan = MemberPlan> = (plan: Plan, previous: readonly MemberResult[]) => Promise<MemberRun>

export interface RunFleetOptions {
  /** Members running at once in parallel mode (default 3). */
  concurrency?: number
}

export interface FleetRun {
  fleet: string
  strategy: FleetDef['strategy']
  aggregation: FleetDef['aggregation']
  /** In member order, whatever order they finished in. */
  members: MemberResult[]
  publication: FleetPublication
}

export const DEFAULT_FLEET_CONCURRENCY = 3

function memberName(fleet: FleetDef, plans: readonly MemberPlan[], index: number): string {
  const plan = plans[index] as MemberPlan
  return fleet.members.length === plans.length ? (fleet.members[index]?.name ?? plan.label) : plan.label
}

async function runOne<Plan extends MemberPlan>(
  runMember: RunMember<Plan>,
  plan: Plan,
  previous: readonly MemberResult[],
  member: string
): Promise<MemberResult> {
  try {
    const run = await runMember(plan, previous)
    return { ...run, member, label: plan.label }
  } catch (error) {
    // One member's crash must not lose what the others found.
    return { member, label: plan.label, status: 'failed', detail: errorMessage(error), text: '', draft: emptyDraft() }
  }
}

async function parallel<Plan extends MemberPlan>(fleet: FleetDef, plans: Plan[], runMember: RunMember<Plan>, concurrency: number): Promise<MemberResult[]> {
  const results: MemberResult[] = new Array<MemberResult>(plans.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const index = next++
      results[index] = await runOne(runMember, plans[index] as Plan, [], memberName(fleet, plans, index))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, worker))
  return results
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

export async function runFleet<Plan extends MemberPlan>(
  fleet: FleetDef,
  plans: Plan[],
  runMember: RunMember<Plan>,
  options: RunFleetOptions = {}
): Promise<FleetRun> {
  const asked = options.concurrency ?? DEFAULT_FLEET_CONCURRENCY
  const concurrency = Number.isFinite(asked) ? Math.max(1, Math.floor(asked)) : DEFAULT_FLEET_CONCURRENCY
  const members = fleet.strategy === 'sequential' ? await sequential(fleet, plans, runMember) : await parallel(fleet, plans, runMember, concurrency)
  return { fleet: fleet.name, strategy: fleet.strategy, aggregation: fleet.aggregation, members, publication: mergeFleetResults(fleet, members) }
}
