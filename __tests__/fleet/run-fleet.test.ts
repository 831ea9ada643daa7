import { describe, expect, it } from '@jest/globals'
import type { AgentDef, FleetDef } from '../../src/config/types.js'
import type { AgentPlan } from '../../src/execute/plan-invocation.js'
import { mergeFleetResults } from '../../src/fleet/merge-fleet-results.js'
import type { DraftComment, PublicationDraft, ReviewDraft } from '../../src/fleet/publication-draft.js'
import { runFleet, type MemberResult, type MemberRun } from '../../src/fleet/run-fleet.js'

const at = { file: 'fleets/f.yaml', line: 1 }

function agent(name: string): AgentDef {
  return { name, instructions: `You are ${name}.`, tools: [], maxIterations: 5, extra: {}, location: at }
}

function fleet(names: string[], strategy: FleetDef['strategy'] = 'parallel', aggregation: FleetDef['aggregation'] = 'merge'): FleetDef {
  return {
    name: 'review-fleet',
    mode: strategy === 'sequential' ? 'pipeline' : 'peer',
    strategy,
    aggregation,
    members: names.map((name) => ({ name, agent: agent(name), role: 'specialist', location: at })),
    location: at
  }
}

function plans(def: FleetDef): AgentPlan[] {
  return def.members.map((m) => ({
    agent: m.agent,
    label: `fleet:${def.name}/${m.name}`,
    instructions: m.agent.instructions,
    tools: [],
    model: 'google:gemini-2.5-flash',
    unknownVariables: []
  }))
}

function review(event: ReviewDraft['event'], body: string, comments: DraftComment[] = []): ReviewDraft {
  return { event, body, comments }
}

function ran(draft: Partial<PublicationDraft>, text = ''): MemberRun {
  return { status: 'ran', detail: 'finished after 2 model calls', text, draft: { reviews: draft.reviews ?? [], comments: draft.comments ?? [] } }
}

function result(member: string, run: MemberRun): MemberResult {
  return { ...run, member, label: `fleet:review-fleet/${member}` }
}

describe('mergeFleetResults (merge)', () => {
  const security = result(
    'security-reviewer',
    ran({
      reviews: [
        review('REQUEST_CHANGES', 'SQL injection in the user search.', [
          { path: 'src/users.ts', line: 12, body: 'Use a parameterised query.' },
          { path: 'src/users.ts', line: 30, body: 'Missing authorization check.' }
        ])
      ]
    })
  )
  const api = result(
    'api-reviewer',
    ran({
      reviews: [
        review('COMMENT', 'The endpoint change is backwards compatible.', [
          { path: 'src/users.ts', line: 12, body: '  Use a  parameterised query. ' },
          { path: 'src/routes.ts', line: 4, body: 'Document the new query parameter.' }
        ])
      ],
      comments: ['Migration 0042 locks the users table.']
    })
  )

  it('publishes one review: a section per member, inline comments merged, the strictest verdict', () => {
    const merged = mergeFleetResults(fleet(['security-reviewer', 'api-reviewer']), [security, api])
    expect(merged.comment).toBeNull()
    expect(merged.verdict).toBe('REQUEST_CHANGES')
    expect(merged.review?.event).toBe('REQUEST_CHANGES')
    expect(merged.review?.body).toBe(
      [
        '**Review by fleet `review-fleet`** (2 members)',
        '### security-reviewer (requests changes)\n\nSQL injection in the user search.',
        '### api-reviewer (comments)\n\nThe endpoint change is backwards compatible.\n\nMigration 0042 locks the users table.'
      ].join('\n\n')
    )
    expect(merged.review?.comments).toEqual([
      { path: 'src/users.ts', line: 12, body: '**security-reviewer, api-reviewer:** Use a parameterised query.' },
      { path: 'src/users.ts', line: 30, body: '**security-reviewer:** Missing authorization check.' },
      { path: 'src/routes.ts', line: 4, body: '**api-reviewer:** Document the new query parameter.' }
    ])
    expect(merged.notes).toEqual(['fleet review-fleet: 1 inline comment made by more than one member merged'])
  })

  it.each([
    [['APPROVE', 'APPROVE'], 'APPROVE'],
    [['APPROVE', 'COMMENT'], 'COMMENT'],
    [['APPROVE', 'REQUEST_CHANGES'], 'REQUEST_CHANGES'],
    [['COMMENT', 'REQUEST_CHANGES'], 'REQUEST_CHANGES'],
    [['APPROVE', null], 'COMMENT']
  ] as const)('merges verdicts %p into %s', (events, expected) => {
    const members = events.map((event, i) => result(`m${i}`, ran(event ? { reviews: [review(event, 'ok')] } : { comments: ['looked'] })))
    expect(mergeFleetResults(fleet(['m0', 'm1']), members).review?.event).toBe(expected)
  })

  it('does not approve when a member failed, and says which one in the body and the notes', () => {
    const members = [
      result('a', ran({ reviews: [review('APPROVE', 'LGTM')] })),
      result('b', { status: 'failed', detail: 'failed after 1 model call: HTTP 529 overloaded', text: '', draft: { reviews: [], comments: [] } })
    ]
    const merged = mergeFleetResults(fleet(['a', 'b']), members)
    expect(merged.review?.event).toBe('COMMENT')
    expect(merged.review?.body).toContain('_b did not finish: failed after 1 model call: HTTP 529 overloaded_')
    expect(merged.notes).toEqual(['b did not finish: failed after 1 model call: HTTP 529 overloaded'])
  })

  it('publishes one comment when members only commented', () => {
    const merged = mergeFleetResults(fleet(['a', 'b']), [result('a', ran({ comments: ['First.'] })), result('b', ran({ comments: ['Second.', 'Third.'] }))])
    expect(merged.review).toBeNull()
    expect(merged.comment).toBe('**Fleet `review-fleet`**\n\n### a\n\nFirst.\n\n### b\n\nSecond.\n\nThird.')
  })

  it('publishes nothing when no member drafted anything', () => {
    expect(mergeFleetResults(fleet(['a']), [result('a', ran({}, 'I looked and found nothing.'))])).toEqual({
      review: null,
      comment: null,
      verdict: null,
      notes: []
    })
  })
})

describe('mergeFleetResults (consensus)', () => {
  it.each([
    [['APPROVE', 'APPROVE', 'REQUEST_CHANGES'], 'APPROVE', 'Consensus: 2 of 3 members approve.'],
    [['REQUEST_CHANGES', 'REQUEST_CHANGES', 'APPROVE'], 'REQUEST_CHANGES', 'Consensus: 2 of 3 members request changes.'],
    [
      ['APPROVE', 'COMMENT', 'REQUEST_CHANGES'],
      'COMMENT',
      'Members disagree (m0 approves, m1 comments, m2 requests changes); no verdict has a majority, so this is a comment.'
    ],
    [
      ['APPROVE', 'APPROVE', null, null],
      'COMMENT',
      'Members disagree (m0 approves, m1 approves, m2 gave no verdict, m3 gave no verdict); no verdict has a majority, so this is a comment.'
    ]
  ] as const)('takes the majority of %p: %s', (events, expected, line) => {
    const names = events.map((_, i) => `m${i}`)
    const members = events.map((event, i) => result(`m${i}`, ran(event ? { reviews: [review(event, `says ${event}`)] } : {})))
    const merged = mergeFleetResults(fleet(names, 'parallel', 'consensus'), members)
    expect(merged.review?.event).toBe(expected)
    expect(merged.review?.body.split('\n\n')[1]).toBe(line)
  })

  it('notes the disagreement for the summary', () => {
    const members = [result('a', ran({ reviews: [review('APPROVE', 'ok')] })), result('b', ran({ reviews: [review('REQUEST_CHANGES', 'no')] }))]
    expect(mergeFleetResults(fleet(['a', 'b'], 'parallel', 'consensus'), members).notes).toEqual(['fleet review-fleet: members disagree; posted as a comment'])
  })
})

describe('mergeFleetResults (consensus with coordination.consensus, AOF’s engine)', () => {
  const members = [
    result('security-reviewer', ran({ reviews: [review('REQUEST_CHANGES', 'Injection.')] })),
    result('performance-reviewer', ran({ reviews: [review('APPROVE', 'Fast enough.')] })),
    result('quality-reviewer', ran({ reviews: [review('APPROVE', 'Readable.')] }))
  ]
  const names = members.map((m) => m.member)
  const withConsensus = (consensus: FleetDef['consensus']): FleetDef => ({ ...fleet(names, 'parallel', 'consensus'), consensus })

  it.each<[string, FleetDef['consensus'], string, string]>([
    ['majority', { algorithm: 'majority', weights: {} }, 'APPROVE', 'Consensus (majority: 2 of 3 agree, confidence 0.67): performance-reviewer approves.'],
    [
      'weighted, security counting 3',
      { algorithm: 'weighted', weights: { 'security-reviewer': 3 } },
      'REQUEST_CHANGES',
      'Consensus (weighted: 1 of 3 agree, confidence 0.60): security-reviewer requests changes.'
    ],
    [
      'unanimous',
      { algorithm: 'unanimous', weights: {} },
      'COMMENT',
      'No consensus (unanimous): not all members agreed (unanimous consensus required); so this is a comment.'
    ],
    [
      'first_wins',
      { algorithm: 'first_wins', weights: {} },
      'REQUEST_CHANGES',
      'Consensus (first wins: 1 of 3 agree, confidence 1.00): security-reviewer requests changes.'
    ],
    [
      'human_review',
      { algorithm: 'human_review', weights: {} },
      'COMMENT',
      'No consensus (human review): human review required for the final decision; so this is a comment.'
    ]
  ])('decides by %s', (_name, consensus, event, line) => {
    const merged = mergeFleetResults(withConsensus(consensus), members)
    expect(merged.review?.event).toBe(event)
    expect(merged.review?.body.split('\n\n')[1]).toBe(line)
  })

  it('leaves a failed member out of the vote, as AOF does', () => {
    const failed: MemberResult = { ...result('security-reviewer', ran({})), status: 'failed', detail: 'model error' }
    const merged = mergeFleetResults(withConsensus({ algorithm: 'unanimous', weights: {} }), [failed, members[1] as MemberResult, members[2] as MemberResult])
    expect(merged.review?.event).toBe('APPROVE')
  })
})

/** A member that waits until the test lets it finish, counting how many run at once. */
function gatedRunner() {
  let active = 0
  let peak = 0
  const waiting: (() => void)[] = []
  const started: string[] = []
  const runMember = async (plan: AgentPlan): Promise<MemberRun> => {
    started.push(plan.agent.name)
    active++
    peak = Math.max(peak, active)
    await new Promise<void>((resolve) => waiting.push(resolve))
    active--
    return ran({ reviews: [review('COMMENT', `${plan.agent.name} done`)] })
  }
  const releaseAll = async (): Promise<void> => {
    while (waiting.length > 0 || active > 0) {
      waiting.shift()?.()
      await new Promise((r) => setImmediate(r))
    }
  }
  return { runMember, releaseAll, peak: () => peak, started }
}

describe('runFleet', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [10, 5]
  ])('runs at most %p members at once (5 members: peak %p)', async (concurrency, expected) => {
    const def = fleet(['a', 'b', 'c', 'd', 'e'])
    const gate = gatedRunner()
    const running = runFleet(def, plans(def), gate.runMember, { concurrency })
    await new Promise((r) => setImmediate(r))
    await gate.releaseAll()
    const run = await running
    expect(gate.peak()).toBe(expected)
    expect(run.members.map((m) => [m.member, m.status])).toEqual(['a', 'b', 'c', 'd', 'e'].map((n) => [n, 'ran']))
    expect(run.publication.review?.body).toContain('### e (comments)\n\ne done')
  })

  it('runs 3 members at once by default', async () => {
    const def = fleet(['a', 'b', 'c', 'd'])
    const gate = gatedRunner()
    const running = runFleet(def, plans(def), gate.runMember)
    await new Promise((r) => setImmediate(r))
    expect(gate.started).toEqual(['a', 'b', 'c'])
    await gate.releaseAll()
    await running
    expect(gate.peak()).toBe(3)
  })

  it('keeps the other members when one throws', async () => {
    const def = fleet(['a', 'b'])
    const run = await runFleet(def, plans(def), async (plan) => {
      if (plan.agent.name === 'a') throw new Error('no API key for google:gemini-2.5-flash')
      return ran({ reviews: [review('APPROVE', 'fine')] })
    })
    expect(run.members.map((m) => [m.member, m.status, m.detail])).toEqual([
      ['a', 'failed', 'no API key for google:gemini-2.5-flash'],
      ['b', 'ran', 'finished after 2 model calls']
    ])
    expect(run.publication.review?.event).toBe('COMMENT')
  })

  it('runs a sequential fleet as a pipeline: each member sees the results before it', async () => {
    const def = fleet(['triage', 'fix', 'check'], 'sequential')
    const seen: string[][] = []
    const run = await runFleet(def, plans(def), async (plan, previous) => {
      seen.push(previous.map((p) => `${p.member}: ${p.text}`))
      return ran({}, `${plan.agent.name} output`)
    })
    expect(seen).toEqual([[], ['triage: triage output'], ['triage: triage output', 'fix: fix output']])
    expect(run.members.map((m) => m.status)).toEqual(['ran', 'ran', 'ran'])
  })

  it('stops a pipeline at a failed member', async () => {
    const def = fleet(['triage', 'fix', 'check'], 'sequential')
    const calls: string[] = []
    const run = await runFleet(def, plans(def), async (plan) => {
      calls.push(plan.agent.name)
      return plan.agent.name === 'fix'
        ? { status: 'failed', detail: 'model error', text: '', draft: { reviews: [], comments: [] } }
        : ran({ comments: [`${plan.agent.name} says hi`] })
    })
    expect(calls).toEqual(['triage', 'fix'])
    expect(run.members.map((m) => [m.member, m.status])).toEqual([
      ['triage', 'ran'],
      ['fix', 'failed'],
      ['check', 'skipped']
    ])
    expect(run.publication.notes).toEqual(['fix did not finish: model error', 'check did not run: fix failed earlier in the pipeline'])
  })
})
