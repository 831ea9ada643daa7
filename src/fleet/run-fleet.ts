// An AgentFleet inside one job: members in parallel (a bounded number at a time) or as a pipeline,
// then one merged publication instead of one per member.
import type { FleetDef } from '../config/types.js'
import type { AgentPlan } from '../execute/plan-invocation.js'
import { mergeFleetResults, type FleetPublication } from './merge-fleet-results.js'
import { emptyDraft, type PublicationDraft } from './publication-draft.js'

/** What running one member gave: the shell's part of a MemberResult. */
export interface MemberRun {
  status: 'ran' | 'failed' | 'budget'
  /** One sentence: how it stopped. */
  detail: string
  /** The member's last answer ('' when none). */
  text: string
  draft: PublicationDraft
}

export interface MemberResult extends Omit<MemberRun, 'status'> {
  /** The member's name in the fleet. */
  member: string
  /** The plan's label (`fleet:NAME/member`). */
  label: string
  /** `skipped`: a pipeline stopped before it, because an earlier member failed. */
  status: MemberRun['status'] | 'skipped'
}

/** `previous`: in a pipeline, the results of the members before this one; in parallel, empty. */
export type RunMember = (plan: AgentPlan, previous: readonly MemberResult[]) => Promise<MemberRun>

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

function memberName(fleet: FleetDef, plans: AgentPlan[], index: number): string {
  const plan = plans[index] as AgentPlan
  return fleet.members.length === plans.length ? (fleet.members[index]?.name ?? plan.label) : plan.label
}

async function runOne(runMember: RunMember, plan: AgentPlan, previous: readonly MemberResult[], member: string): Promise<MemberResult> {
  try {
    const run = await runMember(plan, previous)
    return { ...run, member, label: plan.label }
  } catch (error) {
    // One member's crash must not lose what the others found.
    return { member, label: plan.label, status: 'failed', detail: error instanceof Error ? error.message : String(error), text: '', draft: emptyDraft() }
  }
}

async function parallel(fleet: FleetDef, plans: AgentPlan[], runMember: RunMember, concurrency: number): Promise<MemberResult[]> {
  const results: MemberResult[] = new Array<MemberResult>(plans.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const index = next++
      results[index] = await runOne(runMember, plans[index] as AgentPlan, [], memberName(fleet, plans, index))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, worker))
  return results
}

/** A pipeline: each member sees the results before it; a failure stops the ones after it. */
async function sequential(fleet: FleetDef, plans: AgentPlan[], runMember: RunMember): Promise<MemberResult[]> {
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

export async function runFleet(fleet: FleetDef, plans: AgentPlan[], runMember: RunMember, options: RunFleetOptions = {}): Promise<FleetRun> {
  const asked = options.concurrency ?? DEFAULT_FLEET_CONCURRENCY
  const concurrency = Number.isFinite(asked) ? Math.max(1, Math.floor(asked)) : DEFAULT_FLEET_CONCURRENCY
  const members = fleet.strategy === 'sequential' ? await sequential(fleet, plans, runMember) : await parallel(fleet, plans, runMember, concurrency)
  return { fleet: fleet.name, strategy: fleet.strategy, aggregation: fleet.aggregation, members, publication: mergeFleetResults(fleet, members) }
}
