// Who runs next, with what, in AOF's hierarchical, tiered, deep and swarm modes: a pure function of
// the fleet and the steps run so far, so each mode's schedule is tested as a table and run by one
// loop (run-fleet.ts). Step instructions are ours or the fleet's YAML (trusted); what members
// answered goes into the step's input, which the member reads as untrusted event data.
import type { FleetDef } from '../config/types.js'
import { evaluateConsensus, type ConsensusOutcome } from './evaluate-consensus.js'
import { voteOf, type MemberResult } from './merge-fleet-results.js'

export type StepStage = 'delegate' | 'work' | 'synthesize' | 'tier' | 'plan' | 'step' | 'replan' | 'handle'

export interface FleetStep {
  member: string
  stage: StepStage
  /** Appended to the member's own instructions for this step; null: its instructions alone. */
  instruction: string | null
  /** Given to the member with the event data as `fleet` (members' answers: untrusted); null: none. */
  input: Record<string, unknown> | null
  /** Tiered mode: the tier this step runs in. */
  tier?: number
  /** Whether the step's drafts (review, comments) go into the fleet's publication. */
  publishes: boolean
}

export interface StepResult {
  step: FleetStep
  result: MemberResult
}

export const ok = (r: StepResult): boolean => r.result.status === 'ran'

/** A member's answer as the next member sees it: its last text, and what it drafted. */
export function answerOf(result: MemberResult): Record<string, unknown> {
  const { draft } = result
  const reviews = draft.reviews.map((r) => ({
    event: r.event,
    body: r.body,
    comments: r.comments.map((c) => ({ path: c.path, line: c.line, body: c.body }))
  }))
  return {
    agent: result.member,
    status: result.status,
    response: result.text,
    ...(reviews.length ? { reviews } : {}),
    ...(draft.comments.length ? { comments: draft.comments } : {})
  }
}

// ---- hierarchical: the manager plans, every other member works, the manager synthesizes ----

function hierarchical(fleet: FleetDef, done: readonly StepResult[]): FleetStep[] {
  const manager = fleet.manager
  if (!manager || !fleet.members.some((m) => m.name === manager)) return []
  const workers = fleet.members.filter((m) => m.name !== manager)
  const delegation = done.find((d) => d.step.stage === 'delegate')
  if (!delegation) {
    return [
      {
        member: manager,
        stage: 'delegate',
        instruction:
          `As the manager of fleet ${fleet.name}, analyze this task and decide how to delegate it. ` +
          'The task is the event in the event data; fleet.workers lists the available workers and their roles. ' +
          'Respond with a delegation plan: what each worker should focus on. Do not publish anything in this step: ' +
          'the workers run next, then you synthesize their findings.',
        input: { workers: workers.map((w) => ({ name: w.name, role: w.role })) },
        publishes: false
      }
    ]
  }
  if (!ok(delegation)) return []
  if (!done.some((d) => d.step.stage === 'work')) {
    return workers.map((w) => ({
      member: w.name,
      stage: 'work',
      instruction:
        `You are a worker in fleet ${fleet.name}. Your manager's delegation plan is in the event data as fleet.delegation_plan: ` +
        'use it to focus your part of the task, within your own instructions.',
      input: { manager, delegation_plan: delegation.result.text },
      publishes: true
    }))
  }
  if (done.some((d) => d.step.stage === 'synthesize')) return []
  return [
    {
      member: manager,
      stage: 'synthesize',
      instruction:
        `As the manager of fleet ${fleet.name}, synthesize your workers' findings (fleet.worker_results in the event data) ` +
        "into the fleet's one final result, and publish it as your instructions say. It is published once, for the whole fleet.",
      input: { worker_results: done.filter((d) => d.step.stage === 'work').map((d) => answerOf(d.result)) },
      publishes: true
    }
  ]
}

// ---- tiered: tiers in ascending order, each in parallel, consensus passed up ----

/** AOF's get_tiers: each member's tier (1 when unset), ascending. */
export function tiersOf(fleet: FleetDef): number[] {
  return [...new Set(fleet.members.map((m) => m.tier ?? 1))].sort((a, b) => a - b)
}

export interface TierOutcome {
  tier: number
  results: StepResult[]
  consensus: ConsensusOutcome
}

/** Each tier that has run, with the consensus of its members that answered (AOF drops failures). */
export function tierOutcomes(fleet: FleetDef, done: readonly StepResult[]): TierOutcome[] {
  return tiersOf(fleet)
    .map((tier) => ({ tier, results: done.filter((d) => d.step.stage === 'tier' && d.step.tier === tier) }))
    .filter((t) => t.results.length > 0)
    .map(({ tier, results }) => {
      const settings = fleet.tiered?.tierConsensus[String(tier)] ?? fleet.consensus
      return {
        tier,
        results,
        consensus: evaluateConsensus(
          settings,
          results.filter(ok).map((r) => voteOf(fleet, r.result))
        )
      }
    })
}

function winnerText(outcome: TierOutcome): string | null {
  return outcome.results.find((r) => r.result.member === outcome.consensus.winner)?.result.text ?? null
}

/** What the next tier is given, in AOF's shapes (`pass_all_results` or the consensus result only). */
function tierInput(fleet: FleetDef, previous: TierOutcome): Record<string, unknown> {
  const confidence = previous.consensus.confidence
  if (fleet.tiered?.passAllResults) {
    return {
      tier: previous.tier,
      previous_results: previous.results.filter(ok).map((r) => answerOf(r.result)),
      consensus_result: winnerText(previous),
      consensus_confidence: confidence
    }
  }
  return { tier: previous.tier, previous_result: winnerText(previous), confidence }
}

function tiered(fleet: FleetDef, done: readonly StepResult[]): FleetStep[] {
  const tiers = tiersOf(fleet)
  const outcomes = tierOutcomes(fleet, done)
  const next = tiers[outcomes.length]
  if (next !== undefined) {
    const previous = outcomes.at(-1)
    return fleet.members
      .filter((m) => (m.tier ?? 1) === next)
      .map((m) => ({
        member: m.name,
        stage: 'tier',
        tier: next,
        instruction: previous
          ? `You are in tier ${next} of fleet ${fleet.name}. What tier ${previous.tier} found is in the event data as fleet; build on it.`
          : null,
        input: previous ? tierInput(fleet, previous) : null,
        publishes: true
      }))
  }
  const manager = fleet.manager
  if (fleet.tiered?.finalAggregation !== 'manager_synthesis' || !manager || done.some((d) => d.step.stage === 'synthesize')) return []
  return [
    {
      member: manager,
      stage: 'synthesize',
      instruction:
        `As the manager of fleet ${fleet.name}, synthesize a comprehensive report from all tier results (fleet.tier_results in the event data), ` +
        'and publish it as your instructions say. It is published once, for the whole fleet.',
      input: {
        task: 'synthesize',
        tier_results: outcomes.map((o) => ({
          tier: o.tier,
          result: winnerText(o),
          all_responses: o.results.filter(ok).map((r) => answerOf(r.result)),
          confidence: o.consensus.confidence
        }))
      },
      publishes: true
    }
  ]
}

// ---- deep: plan, run the steps one by one (re-planning once on alarming findings), synthesize ----

export interface DeepPlanStep {
  step: number
  description: string
  action: string
}

const DEFAULT_PLANNER_PROMPT = `You are a planning agent. Given a task, generate a structured plan.

Output your plan as JSON with this structure:
{
  "goal": "the goal",
  "steps": [
    {
      "step": 1,
      "description": "what this step does",
      "action": "the specific query or command to execute",
      "tool": "optional tool name"
    }
  ]
}

Generate 3-7 logical steps that will systematically carry out the task.`

const DEFAULT_SYNTHESIZER_PROMPT = `Synthesize the findings into a comprehensive report.

Provide:
1. A clear conclusion
2. Supporting evidence
3. Actionable recommendations

Format your response as:
CONCLUSION: [your conclusion]
EVIDENCE: [list key evidence points]
RECOMMENDATIONS: [numbered list of recommendations]`

/** AOF's plan when the planner's answer holds no plan it can read. */
const FALLBACK_PLAN: DeepPlanStep[] = [
  { step: 1, description: 'Gather initial data', action: 'Investigate the task in the event data' },
  { step: 2, description: 'Analyze findings', action: 'Analyze the data gathered in previous step' },
  { step: 3, description: 'Identify root cause', action: 'Based on analysis, identify the root cause' }
]

/** The JSON between the answer's first `{` and last `}`: its `steps`, each with a description and action. */
export function parseDeepPlan(answer: string): DeepPlanStep[] | null {
  const start = answer.indexOf('{')
  const end = answer.lastIndexOf('}')
  if (start < 0 || end <= start) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.slice(start, end + 1))
  } catch {
    return null
  }
  const steps = (parsed as { steps?: unknown } | null)?.steps
  if (!Array.isArray(steps)) return null
  const read = steps.flatMap((s: unknown) => {
    const { description, action } = (s ?? {}) as { description?: unknown; action?: unknown }
    return typeof description === 'string' && typeof action === 'string' ? [{ description, action }] : []
  })
  return read.length ? read.map((s, i) => ({ step: i + 1, ...s })) : null
}

/** AOF's reading of a step's result: words that mean trouble make it significant. */
export function significanceOf(text: string): 'high' | 'medium' | 'low' {
  const lower = text.toLowerCase()
  if (lower.includes('error') || lower.includes('critical') || lower.includes('failed')) return 'high'
  if (lower.includes('warning') || lower.includes('unusual')) return 'medium'
  return 'low'
}

export interface DeepState {
  /** The plan in force: completed steps first, then what is left. */
  plan: DeepPlanStep[]
  executed: StepResult[]
  replanned: boolean
  /** Why the loop stops early (a failed plan, step or re-plan): nothing more runs, not even the synthesis. */
  failed: string | null
}

export function deepState(fleet: FleetDef, done: readonly StepResult[]): DeepState {
  const planning = fleet.deep?.planning ?? true
  const planned = done.find((d) => d.step.stage === 'plan')
  let plan: DeepPlanStep[] = planning
    ? planned
      ? (parseDeepPlan(planned.result.text) ?? FALLBACK_PLAN)
      : []
    : [{ step: 1, description: 'Execute query', action: 'Carry out your instructions for the event in the event data' }]
  const executed: StepResult[] = []
  let replanned = false
  let failed: string | null = planned && !ok(planned) ? `planning failed: ${planned.result.detail}` : null
  for (const d of done) {
    if (d.step.stage === 'step') {
      executed.push(d)
      if (!ok(d) && !failed) failed = `step ${executed.length} failed: ${d.result.detail}`
    } else if (d.step.stage === 'replan') {
      replanned = true
      if (!ok(d) && !failed) failed = `re-planning failed: ${d.result.detail}`
      const revised = parseDeepPlan(d.result.text) ?? FALLBACK_PLAN
      const kept = plan.slice(0, executed.length)
      plan = [...kept, ...revised.map((s, i) => ({ ...s, step: kept.length + i + 1 }))]
    }
  }
  return { plan, executed, replanned, failed }
}

function findings(state: DeepState): { step: number; description: string; evidence: string; significance: string }[] {
  return state.executed.map((d, i) => ({
    step: i + 1,
    description: state.plan[i]?.description ?? '',
    evidence: d.result.text,
    significance: significanceOf(d.result.text)
  }))
}

function deep(fleet: FleetDef, done: readonly StepResult[]): FleetStep[] {
  const member = fleet.members[0]?.name
  if (!member || done.some((d) => d.step.stage === 'synthesize')) return []
  const settings = { maxIterations: 10, planning: true, memory: true, ...fleet.deep }
  if (settings.planning && !done.some((d) => d.step.stage === 'plan')) {
    const prompt = settings.plannerPrompt ?? DEFAULT_PLANNER_PROMPT
    return [
      {
        member,
        stage: 'plan',
        instruction: `${prompt}\n\nThe task is the event in the event data. Generate your plan; do not publish anything in this step.`,
        input: null,
        publishes: false
      }
    ]
  }
  const state = deepState(fleet, done)
  if (state.failed) return []
  const found = findings(state)
  const last = done.at(-1)
  if (!state.replanned && last?.step.stage === 'step' && found.filter((f) => f.significance === 'high').length >= 2) {
    return [
      {
        member,
        stage: 'replan',
        instruction:
          'Based on new findings, revise the plan. The completed steps, key findings and remaining steps are in the event data as fleet. ' +
          'Generate a revised plan (JSON, in the same format as before) that incorporates these findings and focuses on the most promising leads.',
        input: {
          completed_steps: state.plan.slice(0, state.executed.length).map((s) => `${s.step}: ${s.description}`),
          key_findings: found.map((f) => `Step ${f.step}: ${f.description} (${f.significance})`),
          remaining_steps: state.plan.slice(state.executed.length).map((s) => `${s.step}: ${s.description}`)
        },
        publishes: false
      }
    ]
  }
  const index = state.executed.length
  const next = state.plan[index]
  if (next && index < settings.maxIterations) {
    const memory = settings.memory ? found.map((f) => `Step ${f.step}: ${f.description} -> ${f.evidence}`) : []
    return [
      {
        member,
        stage: 'step',
        instruction:
          'Execute the step of your plan that is in the event data as fleet.step and provide your findings. ' +
          'Do not publish anything in this step: the synthesis is published.',
        input: { step: next.step, description: next.description, action: next.action, ...(memory.length ? { previous_findings: memory } : {}) },
        publishes: false
      }
    ]
  }
  const prompt = settings.synthesizerPrompt ?? DEFAULT_SYNTHESIZER_PROMPT
  return [
    {
      member,
      stage: 'synthesize',
      instruction: `${prompt}\n\nThe findings of your plan's steps are in the event data as fleet.findings. Synthesize your report, and publish it as your instructions say.`,
      input: { goal_achieved: index >= state.plan.length, findings: found },
      publishes: true
    }
  ]
}

// ---- swarm: the least-loaded member takes the event; in a job none has run, so the first ----

function swarm(fleet: FleetDef, done: readonly StepResult[]): FleetStep[] {
  const member = fleet.members[0]?.name
  if (!member || done.length > 0) return []
  return [{ member, stage: 'handle', instruction: null, input: null, publishes: true }]
}

/** The members that can be called on at all: deep and swarm fleets run only their first member. */
export function membersThatRun(fleet: FleetDef): string[] {
  const names = fleet.members.map((m) => m.name)
  return fleet.mode === 'deep' || fleet.mode === 'swarm' ? names.slice(0, 1) : names
}

/** The next steps to run together; [] when the fleet is done. Peer and pipeline fleets run in run-fleet.ts. */
export function nextFleetSteps(fleet: FleetDef, done: readonly StepResult[]): FleetStep[] {
  switch (fleet.mode) {
    case 'hierarchical':
      return hierarchical(fleet, done)
    case 'tiered':
      return tiered(fleet, done)
    case 'deep':
      return deep(fleet, done)
    case 'swarm':
      return swarm(fleet, done)
    default:
      return []
  }
}
