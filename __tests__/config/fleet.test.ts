import { describe, expect, it } from '@jest/globals'
import { errors, load, notices, warnings, where } from './memory-source.js'

const AGENTS = `kind: Agent
metadata: {name: code-reviewer}
spec: {instructions: Review.}
---
kind: Agent
metadata: {name: security-reviewer}
spec: {instructions: Look for vulnerabilities.}
`

const fleet = (spec: string) => `apiVersion: aof.dev/v1
kind: AgentFleet
metadata:
  name: f
spec:
${spec}`

describe('AgentFleet', () => {
  it('reads inline members and members that name a defined agent', async () => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet(`  agents:
    - name: style
      role: specialist
      spec:
        model: google:gemini-2.5-flash
        instructions: Check style.
    - name: code-reviewer
  coordination:
    mode: peer
    aggregation: merge
`)
    })
    expect(errors(config)).toEqual([])
    const f = config.fleets.f
    expect(f).toMatchObject({ name: 'f', strategy: 'parallel', aggregation: 'merge', location: { file: 'aof/f.yaml', line: 1 } })
    expect(f?.members.map((m) => [m.name, m.role, m.agent.instructions, m.location.line])).toEqual([
      ['style', 'specialist', 'Check style.', 7],
      ['code-reviewer', 'worker', 'Review.', 12]
    ])
    expect(f?.members[1]?.agent).toBe(config.agents['code-reviewer'])
  })

  it.each([
    ['coordination.mode: pipeline', '  coordination:\n    mode: pipeline\n', 'sequential', 'merge'],
    ['spec.strategy: sequential', '  strategy: sequential\n', 'sequential', 'merge'],
    ['spec.strategy: parallel with spec.aggregation: consensus', '  strategy: parallel\n  aggregation: consensus\n', 'parallel', 'consensus'],
    ['coordination.aggregation: consensus', '  coordination:\n    aggregation: consensus\n', 'parallel', 'consensus'],
    ['nothing (parallel and merge)', '', 'parallel', 'merge'],
    [
      'a peer fleet with consensus settings and no aggregation (consensus, as in AOF)',
      '  coordination:\n    mode: peer\n    consensus: {min_votes: 3}\n',
      'parallel',
      'consensus'
    ]
  ])('maps %s', async (_name, extra, strategy, aggregation) => {
    const config = await load({ 'aof/agents.yaml': AGENTS, 'aof/f.yaml': fleet(`  agents:\n    - name: code-reviewer\n${extra}`) })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f).toMatchObject({ strategy, aggregation })
  })

  it('reads a hierarchical fleet: its manager is coordination.manager, else the first member with role manager', async () => {
    const named = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet(
        '  agents:\n    - name: code-reviewer\n    - name: security-reviewer\n  coordination:\n    mode: hierarchical\n    manager: security-reviewer\n'
      )
    })
    expect(errors(named)).toEqual([])
    expect(named.fleets.f).toMatchObject({ mode: 'hierarchical', manager: 'security-reviewer' })
    const byRole = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet('  agents:\n    - name: code-reviewer\n    - name: security-reviewer\n      role: manager\n  coordination:\n    mode: hierarchical\n')
    })
    expect(errors(byRole)).toEqual([])
    expect(byRole.fleets.f?.manager).toBe('security-reviewer')
  })

  it('reads a tiered fleet with AOF’s names and defaults', async () => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet(`  agents:
    - name: code-reviewer
      tier: 1
    - name: security-reviewer
      tier: 2
      weight: 1.5
      role: manager
  coordination:
    mode: tiered
    consensus: {algorithm: weighted, min_votes: 2, min_confidence: 0.6, weights: {code-reviewer: 0.5}}
    tiered:
      pass_all_results: true
      final_aggregation: manager_synthesis
      tier_consensus:
        "1": {algorithm: first_wins}
`)
    })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f).toMatchObject({
      mode: 'tiered',
      manager: 'security-reviewer',
      consensus: { algorithm: 'weighted', minVotes: 2, minConfidence: 0.6, weights: { 'code-reviewer': 0.5 } },
      tiered: { passAllResults: true, finalAggregation: 'manager_synthesis', tierConsensus: { '1': { algorithm: 'first_wins', weights: {} } } }
    })
    expect(config.fleets.f?.members.map((m) => [m.name, m.tier, m.weight])).toEqual([
      ['code-reviewer', 1, undefined],
      ['security-reviewer', 2, 1.5]
    ])
    const defaults = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet('  agents:\n    - name: code-reviewer\n    - name: security-reviewer\n      tier: 2\n  coordination:\n    mode: tiered\n')
    })
    expect(defaults.fleets.f?.tiered).toEqual({ tierConsensus: {}, passAllResults: false, finalAggregation: 'consensus' })
  })

  it('reads a deep fleet with AOF’s defaults (10 iterations, planning and memory on)', async () => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet('  agents:\n    - name: code-reviewer\n  coordination:\n    mode: deep\n    deep:\n      planner_prompt: Plan it.\n')
    })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f?.deep).toEqual({ maxIterations: 10, planning: true, memory: true, plannerPrompt: 'Plan it.' })
  })

  it.each<[string, string, string[]]>([
    [
      'a hierarchical fleet without a manager',
      '  coordination:\n    mode: hierarchical\n',
      ['error aof/f.yaml:10 spec.coordination.mode: hierarchical mode needs a manager: set coordination.manager to a member, or give one member role: manager']
    ],
    [
      'a manager that is not a member',
      '  coordination:\n    mode: hierarchical\n    manager: boss\n',
      ["error aof/f.yaml:11 spec.coordination.manager: coordination.manager 'boss' is not a member of fleet 'f'; members: code-reviewer, security-reviewer"]
    ],
    [
      'a mode AOF does not have',
      '  coordination:\n    mode: mesh\n',
      ['error aof/f.yaml:10 spec.coordination.mode: coordination.mode must be peer, pipeline, hierarchical, tiered, deep or swarm (found the text "mesh")']
    ],
    [
      'an unknown consensus algorithm',
      '  coordination:\n    consensus: {algorithm: vote}\n',
      [
        'error aof/f.yaml:10 spec.coordination.consensus.algorithm: consensus algorithm must be one of majority, unanimous, weighted, first_wins, human_review (found the text "vote")'
      ]
    ],
    [
      'an unknown final aggregation',
      '  coordination:\n    mode: tiered\n    tiered: {final_aggregation: best}\n',
      [
        'error aof/f.yaml:11 spec.coordination.tiered.final_aggregation: tiered.final_aggregation must be consensus, merge or manager_synthesis (found the text "best")'
      ]
    ],
    [
      'an unknown distribution',
      '  coordination:\n    distribution: capability_based\n',
      [
        'error aof/f.yaml:10 spec.coordination.distribution: coordination.distribution must be round-robin, least-loaded, random, skill-based or sticky (found the text "capability_based")'
      ]
    ],
    [
      'max_iterations as text',
      '  coordination:\n    mode: deep\n    deep: {max_iterations: ten}\n',
      [
        'error aof/f.yaml:11 spec.coordination.deep.max_iterations: spec.coordination.deep.max_iterations must be a whole number of at least 1, e.g. 10 (found the text "ten")'
      ]
    ],
    [
      'pass_all_results as text',
      '  coordination:\n    mode: tiered\n    tiered: {pass_all_results: "yes"}\n',
      ['error aof/f.yaml:11 spec.coordination.tiered.pass_all_results: spec.coordination.tiered.pass_all_results must be true or false (found the text "yes")']
    ],
    [
      'min_confidence above 1',
      '  coordination:\n    consensus: {min_confidence: 2}\n',
      [
        'error aof/f.yaml:10 spec.coordination.consensus.min_confidence: spec.coordination.consensus.min_confidence must be a number from 0 to 1, e.g. 0.7 (found the number 2)'
      ]
    ],
    [
      'a weight as text',
      '  coordination:\n    consensus: {weights: {code-reviewer: high}}\n',
      [
        'error aof/f.yaml:10 spec.coordination.consensus.weights.code-reviewer: spec.coordination.consensus.weights.code-reviewer must be a number, e.g. 1.5 (found the text "high")'
      ]
    ]
  ])('reports %s at its file, line and field', async (_name, coordination, expected) => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet(`  agents:\n    - name: code-reviewer\n    - name: security-reviewer\n${coordination}`)
    })
    expect(errors(config).map((d) => `${where(d)}: ${d.message}`)).toEqual(expected)
  })

  it.each<[string, string, string[]]>([
    [
      'fields only another mode reads',
      '  coordination:\n    mode: peer\n    manager: code-reviewer\n    tiered: {pass_all_results: true}\n    deep: {planning: false}\n    consensus: {algorithm: unanimous}\n    aggregation: merge\n',
      [
        'notice aof/f.yaml:11 spec.coordination.manager: ignored in peer mode: manager (only hierarchical mode, and tiered with final_aggregation manager_synthesis, use a manager)',
        'notice aof/f.yaml:12 spec.coordination.tiered: ignored in peer mode: tiered (only tiered mode reads it)',
        'notice aof/f.yaml:13 spec.coordination.deep: ignored in peer mode: deep (only deep mode reads it)',
        'notice aof/f.yaml:14 spec.coordination.consensus: ignored in peer mode: consensus (only tiered mode, and peer mode with aggregation consensus, vote)'
      ]
    ],
    [
      'a deep fleet with more than one member',
      '  coordination:\n    mode: deep\n    deep: {planner_model: "google:gemini-2.5-pro"}\n',
      [
        "notice aof/f.yaml:10 spec.coordination.mode: deep mode plans, runs every step and synthesizes with the first member, 'code-reviewer', as AOF does; security-reviewer will not run",
        "notice aof/f.yaml:11 spec.coordination.deep.planner_model: ignored: deep.planner_model (AOF plans with the first member's model too)"
      ]
    ],
    [
      'a swarm fleet',
      '  coordination:\n    mode: swarm\n',
      [
        "notice aof/f.yaml:10 spec.coordination.mode: swarm mode gives the event to the least-loaded member, and in a job, where none has run yet, that is the first, 'code-reviewer', as in AOF; security-reviewer will not run"
      ]
    ],
    [
      'consensus fields AOF’s runtime does not read',
      '  coordination:\n    aggregation: consensus\n    consensus: {timeout_ms: 90000, allow_partial: true}\n',
      [
        "notice aof/f.yaml:11 spec.coordination.consensus.timeout_ms: ignored: consensus timeout_ms (AOF's runtime does not read it either; each member runs within its own limits)",
        "notice aof/f.yaml:11 spec.coordination.consensus.allow_partial: ignored: consensus allow_partial (AOF's runtime does not read it either; a member that fails has no vote)"
      ]
    ],
    [
      'a tiered fleet with one tier and an aggregation',
      '  coordination:\n    mode: tiered\n    aggregation: merge\n',
      [
        'notice aof/f.yaml:10 spec.coordination.mode: tiered mode with one tier (1) runs like peer mode with consensus; give members a tier: to run them in stages',
        'notice aof/f.yaml:11 spec.coordination.aggregation: ignored in tiered mode: aggregation (tiered mode combines tiers by tiered.final_aggregation)'
      ]
    ]
  ])('says what it does not use: %s', async (_name, coordination, expected) => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet(`  agents:\n    - name: code-reviewer\n    - name: security-reviewer\n${coordination}`)
    })
    expect(errors(config)).toEqual([])
    expect(notices(config).map((d) => `${where(d)}: ${d.message}`)).toEqual(expected)
  })

  it.each<[string, string, string]>([
    [
      'tier_consensus for a tier no member is in',
      '  coordination:\n    mode: tiered\n    tiered:\n      tier_consensus:\n        "3": {algorithm: majority}\n',
      `warning aof/f.yaml:13 spec.coordination.tiered.tier_consensus["3"]: tier_consensus '3' applies to no tier: the members' tiers are 1`
    ],
    [
      'manager_synthesis without a manager',
      '  coordination:\n    mode: tiered\n    tiered: {final_aggregation: manager_synthesis}\n',
      'warning aof/f.yaml:11 spec.coordination.tiered.final_aggregation: tiered.final_aggregation manager_synthesis has no manager (coordination.manager or a member with role: manager); the tiers are merged instead, as AOF does'
    ]
  ])('warns about %s', async (_name, coordination, expected) => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet(`  agents:\n    - name: code-reviewer\n    - name: security-reviewer\n${coordination}`)
    })
    expect(errors(config)).toEqual([])
    expect(
      warnings(config)
        .filter((d) => d.file === 'aof/f.yaml')
        .map((d) => `${where(d)}: ${d.message}`)
    ).toEqual([expected])
  })

  const cases: [string, string, string, string][] = [
    [
      'aggregation manager_synthesis in peer mode',
      '  agents:\n    - name: code-reviewer\n  coordination:\n    aggregation: manager_synthesis\n',
      'error aof/f.yaml:9 spec.coordination.aggregation',
      'aggregation manager_synthesis needs a manager: use coordination.mode hierarchical, or merge or consensus in peer mode'
    ],
    [
      'a member listed twice',
      '  agents:\n    - name: code-reviewer\n    - name: code-reviewer\n',
      'error aof/f.yaml:8 spec.agents[1].name',
      "member 'code-reviewer' is listed twice in fleet 'f'; member names must be unique"
    ],
    [
      'a member naming an agent that does not exist',
      '  agents:\n    - name: ghost\n',
      'error aof/f.yaml:7 spec.agents[0].name',
      "fleet 'f' member 'ghost' → agent 'ghost' is not defined; defined agents: code-reviewer, security-reviewer"
    ],
    [
      'an empty member list',
      '  agents: []\n',
      'error aof/f.yaml:6 spec.agents',
      'spec.agents must be a list of at least one member, e.g. [{name: code-reviewer}] (found an empty list)'
    ],
    [
      'a strategy that contradicts the mode',
      '  agents:\n    - name: code-reviewer\n  strategy: sequential\n  coordination:\n    mode: peer\n',
      'error aof/f.yaml:8 spec.strategy',
      'spec.strategy sequential contradicts coordination.mode peer (parallel); keep one'
    ],
    [
      'a member with both an inline spec and a config file',
      '  agents:\n    - name: x\n      config: ./x.yaml\n      spec:\n        instructions: X\n',
      'error aof/f.yaml:8 spec.agents[0].config',
      "member 'x' has both spec (an inline agent) and config (an agent file); keep one"
    ],
    [
      'a member role AOF does not have',
      '  agents:\n    - name: code-reviewer\n      role: boss\n',
      'error aof/f.yaml:8 spec.agents[0].role',
      'spec.agents[0].role must be one of worker, manager, specialist, validator (found the text "boss")'
    ]
  ]

  it.each(cases)('reports %s at its file, line and field', async (_name, spec, location, message) => {
    const config = await load({ 'aof/agents.yaml': AGENTS, 'aof/f.yaml': fleet(spec) })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([[location, message]])
  })

  it('skips a fleet whose member agent is not defined, rather than run it without that member', async () => {
    const config = await load({ 'aof/agents.yaml': AGENTS, 'aof/f.yaml': fleet('  agents:\n    - name: ghost\n    - name: code-reviewer\n') })
    expect(config.fleets.f).toBeUndefined()
    expect(config.skipped.fleet.f?.map((d) => [where(d), d.skips])).toEqual([['warning aof/f.yaml:7 spec.agents[0].name', "fleet 'f' is skipped"]])
  })

  it('finds a member’s agent through its config: file when the names differ', async () => {
    const config = await load({
      'aof/agents/sec.yaml': 'kind: Agent\nmetadata: {name: security-reviewer}\nspec: {instructions: Sec.}\n',
      'aof/fleets/f.yaml': fleet('  agents:\n    - name: security\n      config: ../agents/sec.yaml\n')
    })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f?.members[0]?.agent.name).toBe('security-reviewer')
  })

  it('reads a member’s config: from the repository root as AOF does, even outside config-path', async () => {
    const config = await load({
      'agents/github-pr-reviewer.yaml': 'name: pr-reviewer\nmodel: google:gemini-2.5-flash\nsystem_prompt: Review.\n',
      'aof/fleets/f.yaml': fleet('  agents:\n    - name: reviewer\n      config: agents/github-pr-reviewer.yaml\n')
    })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f?.members[0]?.agent.name).toBe('pr-reviewer')
    expect(config.files).toContain('agents/github-pr-reviewer.yaml')
  })

  it('says a member’s config: file was not found, where it looked, and skips the fleet', async () => {
    const config = await load({ 'aof/fleets/f.yaml': fleet('  agents:\n    - name: reviewer\n      config: agents/missing.yaml\n') })
    expect(config.fleets.f).toBeUndefined()
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      [
        'error aof/fleets/f.yaml:7 spec.agents[0].name',
        "fleet 'f' member 'reviewer' (config: agents/missing.yaml) → agent 'reviewer' is not defined; no agents are defined; its config file was not found at agents/missing.yaml or aof/fleets/agents/missing.yaml (AOF reads it relative to the repository root)"
      ]
    ])
  })

  it('never reads a member’s config: outside the repository', async () => {
    const config = await load({ 'aof/fleets/f.yaml': fleet('  agents:\n    - name: reviewer\n      config: ../../etc/passwd\n') })
    expect(config.files).toEqual(['aof/fleets/f.yaml'])
    expect(config.fleets.f).toBeUndefined()
  })

  it('ignores spec.strategy written as AOF’s schema sketches write it (a mapping), and an unknown word with a warning', async () => {
    const sketch = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet('  strategy:\n    type: Collaborative\n  agents:\n    - name: code-reviewer\n')
    })
    expect(errors(sketch)).toEqual([])
    expect(sketch.fleets.f?.strategy).toBe('parallel')
    expect(notices(sketch).map(where)).toEqual(['notice aof/f.yaml:6 spec.strategy'])
    const word = await load({ 'aof/agents.yaml': AGENTS, 'aof/f.yaml': fleet('  strategy: round-robin\n  agents:\n    - name: code-reviewer\n') })
    expect(errors(word)).toEqual([])
    expect(warnings(word).map(where)).toContain('warning aof/f.yaml:6 spec.strategy')
  })

  it('reports daemon-only scheduling fields once as ignored in a job', async () => {
    const config = await load({
      'aof/agents.yaml': AGENTS,
      'aof/f.yaml': fleet('  agents:\n    - name: code-reviewer\n      replicas: 3\n  coordination:\n    mode: peer\n    distribution: round-robin\n')
    })
    expect(errors(config)).toEqual([])
    expect(notices(config).map(where)).toEqual(['notice aof/f.yaml:8 spec.agents[0].replicas', 'notice aof/f.yaml:11 spec.coordination.distribution'])
  })
})
