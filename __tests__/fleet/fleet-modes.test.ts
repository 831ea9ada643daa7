// AOF's hierarchical, tiered, deep and swarm modes: who runs when, with what input, and the one
// publication each gives.
import { describe, expect, it } from '@jest/globals'
import type { AgentDef, FleetDef, FleetMember } from '../../src/config/types.js'
import type { AgentPlan } from '../../src/execute/plan-invocation.js'
import type { ReviewDraft } from '../../src/fleet/publication-draft.js'
import { membersThatRun, nextFleetSteps, parseDeepPlan } from '../../src/fleet/plan-fleet-steps.js'
import { runFleet, type FleetStep, type MemberRun } from '../../src/fleet/run-fleet.js'

const at = { file: 'fleets/f.yaml', line: 1 }

function agent(name: string): AgentDef {
  return { name, instructions: `You are ${name}.`, tools: [], maxIterations: 5, extra: {}, location: at }
}

function member(name: string, extra: Partial<FleetMember> = {}): FleetMember {
  return { name, agent: agent(name), role: 'worker', location: at, ...extra }
}

function fleet(mode: FleetDef['mode'], members: FleetMember[], extra: Partial<FleetDef> = {}): FleetDef {
  return { name: 'f', mode, strategy: 'parallel', aggregation: 'merge', members, location: at, ...extra }
}

function plans(def: FleetDef): AgentPlan[] {
  return def.members.map((m) => ({
    agent: m.agent,
    label: `fleet:f/${m.name}`,
    instructions: m.agent.instructions,
    tools: [],
    model: 'anthropic:claude-sonnet-4-5',
    unknownVariables: []
  }))
}

const review = (event: ReviewDraft['event'], body: string, comments: ReviewDraft['comments'] = []): ReviewDraft => ({ event, body, comments })

function answer(text: string, reviews: ReviewDraft[] = []): MemberRun {
  return { status: 'ran', detail: 'finished after 1 model call', text, draft: { reviews, comments: [] } }
}

const failed: MemberRun = { status: 'failed', detail: 'model error', text: '', draft: { reviews: [], comments: [] } }

interface Call {
  member: string
  stage: string
  tier?: number
  input: Record<string, unknown> | null
  instruction: string | null
  label: string
}

/** Runs the fleet with answers chosen per member and stage; returns the run and every call in order. */
async function run(def: FleetDef, answers: (step: FleetStep, calls: Call[]) => MemberRun) {
  const calls: Call[] = []
  const result = await runFleet(def, plans(def), async (plan, _previous, step) => {
    if (!step) throw new Error('a step mode runs every member with its step')
    calls.push({
      member: step.member,
      stage: step.stage,
      ...(step.tier === undefined ? {} : { tier: step.tier }),
      input: step.input,
      instruction: step.instruction,
      label: plan.label
    })
    return answers(step, calls)
  })
  return { result, calls, order: calls.map((c) => `${c.member}:${c.stage}${c.tier === undefined ? '' : c.tier}`) }
}

describe('hierarchical', () => {
  const def = fleet('hierarchical', [member('lead', { role: 'manager' }), member('security'), member('style', { role: 'specialist' })], { manager: 'lead' })

  it('has the manager delegate, every other member work with the plan, then the manager synthesize their findings', async () => {
    const { result, calls, order } = await run(def, (step) => {
      if (step.stage === 'delegate') return answer('security: look at auth; style: naming')
      if (step.stage === 'work')
        return answer(`${step.member} found things`, [review(step.member === 'security' ? 'REQUEST_CHANGES' : 'APPROVE', `${step.member} body`)])
      return answer('final', [review('REQUEST_CHANGES', 'Synthesis: fix the auth check.')])
    })
    expect(order).toEqual(['lead:delegate', 'security:work', 'style:work', 'lead:synthesize'])
    expect(calls[0]?.input).toEqual({
      workers: [
        { name: 'security', role: 'worker' },
        { name: 'style', role: 'specialist' }
      ]
    })
    expect(calls[0]?.instruction).toContain('Respond with a delegation plan')
    expect(calls[1]?.input).toEqual({ manager: 'lead', delegation_plan: 'security: look at auth; style: naming' })
    expect(calls[3]?.input).toEqual({
      worker_results: [
        { agent: 'security', status: 'ran', response: 'security found things', reviews: [{ event: 'REQUEST_CHANGES', body: 'security body', comments: [] }] },
        { agent: 'style', status: 'ran', response: 'style found things', reviews: [{ event: 'APPROVE', body: 'style body', comments: [] }] }
      ]
    })
    expect(calls.map((c) => c.label)).toEqual(['fleet:f/lead (delegate)', 'fleet:f/security (work)', 'fleet:f/style (work)', 'fleet:f/lead (synthesize)'])
    const body = result.publication.review?.body ?? ''
    expect(result.publication.review?.event).toBe('REQUEST_CHANGES')
    expect(body).toContain('Hierarchical: manager `lead` delegated to `security`, `style` and synthesized their findings.')
    expect(body.indexOf('### lead (manager synthesis) (requests changes)')).toBeLessThan(body.indexOf('### security (worker)'))
    expect(body).toContain('<details><summary>Delegation plan by lead</summary>')
    expect(result.text).toBe('final')
  })

  it('lets the manager’s verdict stand over the workers’', async () => {
    const { result } = await run(def, (step) =>
      step.stage === 'synthesize' ? answer('ok', [review('APPROVE', 'All fine after all.')]) : answer('x', [review('REQUEST_CHANGES', 'hmm')])
    )
    expect(result.publication.review?.event).toBe('APPROVE')
  })

  it('stops when the manager cannot delegate, as AOF does', async () => {
    const { result, order } = await run(def, () => failed)
    expect(order).toEqual(['lead:delegate'])
    expect(result.publication).toMatchObject({ review: null, comment: null })
    expect(result.publication.notes).toContain('manager lead could not delegate, so no worker ran')
  })

  it('publishes the workers’ findings when the synthesis fails, and says so', async () => {
    const { result } = await run(def, (step) => (step.stage === 'synthesize' ? failed : answer('x', [review('COMMENT', `${step.member} notes`)])))
    expect(result.publication.review?.body).toContain('security notes')
    expect(result.publication.notes).toContain("manager lead did not synthesize; the workers' findings are published as they are")
  })

  it('leaves out what the manager drafted while delegating', async () => {
    const { result } = await run(def, (step) => answer('x', step.stage === 'delegate' ? [review('APPROVE', 'premature')] : []))
    expect(JSON.stringify(result.publication)).not.toContain('premature')
    expect(result.publication.notes).toContain('lead drafted a publication while it was to delegate; not published')
  })
})

describe('tiered', () => {
  const members = [
    member('logs', { tier: 1 }),
    member('metrics', { tier: 1 }),
    member('claude', { tier: 2, weight: 1.5 }),
    member('gemini', { tier: 2 }),
    member('coordinator', { tier: 3, role: 'manager' })
  ]

  it('runs tiers in ascending order, passes every result up with pass_all_results, then the manager synthesizes', async () => {
    const def = fleet('tiered', members, {
      manager: 'coordinator',
      consensus: { algorithm: 'weighted', weights: {} },
      tiered: { tierConsensus: { '1': { algorithm: 'first_wins', weights: {} } }, passAllResults: true, finalAggregation: 'manager_synthesis' }
    })
    const { result, calls, order } = await run(def, (step) => {
      if (step.stage === 'synthesize') return answer('report', [review('COMMENT', 'RCA: the cache.')])
      return answer(`${step.member} says ${step.tier === 2 ? (step.member === 'claude' ? 'cache' : 'db') : 'data'}`)
    })
    expect(order).toEqual(['logs:tier1', 'metrics:tier1', 'claude:tier2', 'gemini:tier2', 'coordinator:tier3', 'coordinator:synthesize'])
    expect(calls[0]?.input).toBeNull()
    expect(calls[2]?.input).toEqual({
      tier: 1,
      previous_results: [
        { agent: 'logs', status: 'ran', response: 'logs says data' },
        { agent: 'metrics', status: 'ran', response: 'metrics says data' }
      ],
      consensus_result: 'logs says data',
      consensus_confidence: 1
    })
    // Weighted: claude (1.5) against gemini (1.0).
    expect(calls[4]?.input).toMatchObject({ tier: 2, consensus_result: 'claude says cache', consensus_confidence: 0.6 })
    const synthesis = calls[5]?.input as { tier_results: { tier: number; result: string | null; all_responses: unknown[] }[] }
    expect(synthesis.tier_results.map((t) => [t.tier, t.result, t.all_responses.length])).toEqual([
      [1, 'logs says data', 2],
      [2, 'claude says cache', 2],
      [3, 'coordinator says data', 1]
    ])
    const body = result.publication.review?.body ?? ''
    expect(body).toContain('tier 1 (first wins): 1 of 2 agree (confidence 1.00); tier 2 (weighted): 1 of 2 agree (confidence 0.60)')
    expect(body).toContain('Final: manager `coordinator` synthesized the tiers.')
    expect(body.indexOf('### coordinator (manager synthesis)')).toBeLessThan(body.indexOf('### Tier 1'))
  })

  it('passes only the consensus result up by default, and with final consensus the last tier’s winner decides', async () => {
    const def = fleet('tiered', members.slice(0, 4))
    const { result, calls } = await run(def, (step) =>
      step.tier === 1
        ? answer('same data')
        : answer('verdict', [review(step.member === 'claude' ? 'REQUEST_CHANGES' : 'REQUEST_CHANGES', `${step.member}: broken`)])
    )
    expect(calls[2]?.input).toEqual({ tier: 1, previous_result: 'same data', confidence: 1 })
    expect(calls[2]?.instruction).toBe('You are in tier 2 of fleet f. What tier 1 found is in the event data as fleet; build on it.')
    expect(result.publication.review?.event).toBe('REQUEST_CHANGES')
    expect(result.publication.review?.body).toContain('Final: the consensus of tier 2 stands (answer of `claude`).')
  })

  it('posts a comment, not a verdict, when the last tier reaches no consensus', async () => {
    const def = fleet('tiered', members.slice(0, 4))
    const { result } = await run(def, (step) =>
      step.tier === 1 ? answer('data') : answer('v', [review(step.member === 'claude' ? 'REQUEST_CHANGES' : 'APPROVE', `${step.member} view`)])
    )
    expect(result.publication.review?.event).toBe('COMMENT')
    expect(result.publication.review?.body).toContain('tier 2 reached no consensus, so this is a comment.')
    expect(result.publication.notes).toContain('fleet f: tier 2 reached no consensus; posted as a comment')
  })

  it('counts a member without a tier as tier 1 and drops failed members from the vote', async () => {
    const def = fleet('tiered', [member('a'), member('b', { tier: 1 }), member('c', { tier: 2 })])
    const { calls } = await run(def, (step) => (step.member === 'a' ? failed : answer(`${step.member} answer`)))
    expect(calls.map((c) => `${c.member}:${c.tier}`)).toEqual(['a:1', 'b:1', 'c:2'])
    expect(calls[2]?.input).toEqual({ tier: 1, previous_result: 'b answer', confidence: 1 })
  })
})

describe('deep', () => {
  const plan = JSON.stringify({
    goal: 'review',
    steps: [
      { step: 1, description: 'Read the diff', action: 'list changed files' },
      { step: 2, description: 'Check tests', action: 'look for tests' }
    ]
  })

  it('plans with the first member, runs each step with the findings so far, then synthesizes', async () => {
    const def = fleet('deep', [member('investigator'), member('unused')], {
      deep: { maxIterations: 10, planning: true, memory: true, plannerPrompt: 'Plan the review.' }
    })
    const { result, calls, order } = await run(def, (step) => {
      if (step.stage === 'plan') return answer(`Here is the plan:\n${plan}`)
      if (step.stage === 'step') return answer(`finding ${String(step.input?.step)}`)
      return answer('CONCLUSION: fine', [review('APPROVE', 'Looks good.')])
    })
    expect(order).toEqual(['investigator:plan', 'investigator:step', 'investigator:step', 'investigator:synthesize'])
    expect(calls[0]?.instruction).toMatch(/^Plan the review\.\n\nThe task is the event in the event data/)
    expect(calls[1]?.input).toEqual({ step: 1, description: 'Read the diff', action: 'list changed files' })
    expect(calls[2]?.input).toEqual({
      step: 2,
      description: 'Check tests',
      action: 'look for tests',
      previous_findings: ['Step 1: Read the diff -> finding 1']
    })
    expect(calls[3]?.input).toEqual({
      goal_achieved: true,
      findings: [
        { step: 1, description: 'Read the diff', evidence: 'finding 1', significance: 'low' },
        { step: 2, description: 'Check tests', evidence: 'finding 2', significance: 'low' }
      ]
    })
    expect(result.publication.review?.event).toBe('APPROVE')
    expect(result.publication.review?.body).toContain('Deep: `investigator` planned 2 steps, ran 2 and synthesized the findings.')
  })

  it('re-plans once after two alarming findings, keeping the steps done', async () => {
    const def = fleet('deep', [member('inv')], { deep: { maxIterations: 10, planning: true, memory: false } })
    const revised = JSON.stringify({ steps: [{ description: 'Trace the error', action: 'read logs' }] })
    const { calls, order } = await run(def, (step) => {
      if (step.stage === 'plan') return answer(plan)
      if (step.stage === 'replan') return answer(revised)
      if (step.stage === 'step') return answer(`critical error in step ${String(step.input?.step)}`)
      return answer('CONCLUSION: broken')
    })
    expect(order).toEqual(['inv:plan', 'inv:step', 'inv:step', 'inv:replan', 'inv:step', 'inv:synthesize'])
    expect(calls[3]?.input).toEqual({
      completed_steps: ['1: Read the diff', '2: Check tests'],
      key_findings: ['Step 1: Read the diff (high)', 'Step 2: Check tests (high)'],
      remaining_steps: []
    })
    expect(calls[4]?.input).toEqual({ step: 3, description: 'Trace the error', action: 'read logs' })
  })

  it('stops at max_iterations and synthesizes what it has', async () => {
    const def = fleet('deep', [member('inv')], { deep: { maxIterations: 1, planning: true, memory: true } })
    const { calls, order } = await run(def, (step) => answer(step.stage === 'plan' ? plan : 'ok'))
    expect(order).toEqual(['inv:plan', 'inv:step', 'inv:synthesize'])
    expect(calls[2]?.input).toMatchObject({ goal_achieved: false })
  })

  it('runs the event as one step without planning', async () => {
    const def = fleet('deep', [member('inv')], { deep: { maxIterations: 10, planning: false, memory: true } })
    const { calls, order } = await run(def, () => answer('ok'))
    expect(order).toEqual(['inv:step', 'inv:synthesize'])
    expect(calls[0]?.input).toMatchObject({ step: 1, description: 'Execute query' })
  })

  it('stops without a synthesis when a step fails, as AOF does', async () => {
    const def = fleet('deep', [member('inv')], { deep: { maxIterations: 10, planning: true, memory: true } })
    const { result, order } = await run(def, (step) => (step.stage === 'plan' ? answer(plan) : failed))
    expect(order).toEqual(['inv:plan', 'inv:step'])
    expect(result.publication.notes).toContain('fleet f: deep mode stopped: step 1 failed: model error')
  })

  it.each([
    ['no JSON', 'I will read the diff.', null],
    ['JSON without steps', '{"goal": "x"}', null],
    ['steps without actions', '{"steps": [{"description": "x"}]}', null],
    ['broken JSON', '{"steps": [', null],
    [
      'steps numbered in order, whatever they said',
      'plan: {"steps": [{"step": 7, "description": "a", "action": "b"}]} done',
      [{ step: 1, description: 'a', action: 'b' }]
    ]
  ])('reads a plan: %s', (_name, text, expected) => {
    expect(parseDeepPlan(text)).toEqual(expected)
  })

  it('falls back to AOF’s three-step plan when the planner gives none', async () => {
    const def = fleet('deep', [member('inv')], { deep: { maxIterations: 10, planning: true, memory: true } })
    const { calls } = await run(def, () => answer('no plan here'))
    expect(calls.filter((c) => c.stage === 'step').map((c) => c.input?.description)).toEqual(['Gather initial data', 'Analyze findings', 'Identify root cause'])
  })
})

describe('swarm', () => {
  it('gives the event to one member: the least loaded, which in a job is the first', async () => {
    const def = fleet('swarm', [member('processor'), member('validator', { role: 'validator' })])
    const { result, order } = await run(def, (step) => answer('done', [review('COMMENT', `${step.member} handled it`)]))
    expect(order).toEqual(['processor:handle'])
    expect(result.publication.review?.body).toContain('Swarm: `processor` handled the event.')
  })
})

describe('nextFleetSteps', () => {
  it.each<[string, FleetDef]>([
    ['hierarchical without a manager', fleet('hierarchical', [member('a')])],
    ['hierarchical whose manager is not a member', fleet('hierarchical', [member('a')], { manager: 'ghost' })],
    ['deep without members', fleet('deep', [])],
    ['peer (run by runFleet itself)', fleet('peer', [member('a')])]
  ])('schedules nothing for %s', (_name, def) => {
    expect(nextFleetSteps(def, [])).toEqual([])
  })
})

describe('membersThatRun', () => {
  it.each<[FleetDef['mode'], string[]]>([
    ['peer', ['a', 'b']],
    ['pipeline', ['a', 'b']],
    ['hierarchical', ['a', 'b']],
    ['tiered', ['a', 'b']],
    ['deep', ['a']],
    ['swarm', ['a']]
  ])('%s fleets can call on %p', (mode, expected) => {
    expect(membersThatRun(fleet(mode, [member('a'), member('b')]))).toEqual(expected)
  })
})
