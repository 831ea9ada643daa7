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
    ['nothing (parallel and merge)', '', 'parallel', 'merge']
  ])('maps %s', async (_name, extra, strategy, aggregation) => {
    const config = await load({ 'aof/agents.yaml': AGENTS, 'aof/f.yaml': fleet(`  agents:\n    - name: code-reviewer\n${extra}`) })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f).toMatchObject({ strategy, aggregation })
  })

  it.each(['hierarchical', 'swarm', 'tiered', 'deep'])('refuses coordination.mode %s, which cannot run in a CI job', async (mode) => {
    const config = await load({ 'aof/agents.yaml': AGENTS, 'aof/f.yaml': fleet(`  agents:\n    - name: code-reviewer\n  coordination:\n    mode: ${mode}\n`) })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      ['error aof/f.yaml:9 spec.coordination.mode', `coordination.mode ${mode} cannot run in a CI job; use peer (parallel) or pipeline (sequential)`]
    ])
  })

  const cases: [string, string, string, string][] = [
    [
      'aggregation manager_synthesis',
      '  agents:\n    - name: code-reviewer\n  coordination:\n    aggregation: manager_synthesis\n',
      'error aof/f.yaml:9 spec.coordination.aggregation',
      'aggregation manager_synthesis needs a manager agent, which cannot run in a CI job; use merge or consensus'
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
