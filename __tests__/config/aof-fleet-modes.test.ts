// AOF's own fleets in every coordination mode load with the mode's settings and AOF's defaults;
// what a job cannot apply is said, with file and line.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Config } from '../../src/config/types.js'
import { repoRoot } from '../support/run-action.js'
import { errors, load, where } from './memory-source.js'

const DIR = join(repoRoot, '__fixtures__', 'aof-fleets')

function files(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(DIR)) if (name.endsWith('.yaml')) out[`aof/fleets/${name}`] = readFileSync(join(DIR, name), 'utf8')
  for (const name of readdirSync(join(DIR, 'agents'))) out[`aof/fleets/agents/${name}`] = readFileSync(join(DIR, 'agents', name), 'utf8')
  return out
}

describe("AOF's fleets in every mode", () => {
  let config: Config
  beforeAll(async () => {
    config = await load(files())
  })

  it('load without errors', () => {
    expect(errors(config).map((d) => `${where(d)}: ${d.message}`)).toEqual([])
  })

  it.each([
    ['incident-response-team', { mode: 'hierarchical', manager: 'triage-agent' }],
    [
      'simple-rca',
      {
        mode: 'tiered',
        manager: 'coordinator',
        consensus: { algorithm: 'weighted', minConfidence: 0.6, weights: {} },
        tiered: { tierConsensus: {}, passAllResults: true, finalAggregation: 'manager_synthesis' }
      }
    ],
    ['code-review-team', { mode: 'tiered', tiered: { tierConsensus: {}, passAllResults: false, finalAggregation: 'consensus' } }],
    ['rca-deep-fleet', { mode: 'deep', deep: { maxIterations: 10, planning: true, memory: true } }],
    ['high-volume-fleet', { mode: 'swarm' }]
  ])('reads %s', (name, expected) => {
    expect(config.fleets[name]).toMatchObject(expected)
  })

  it('reads the tiers and weights of a tiered fleet', () => {
    expect(config.fleets['simple-rca']?.members.map((m) => [m.name, m.tier, m.weight ?? null, m.role])).toEqual([
      ['k8s-collector', 1, null, 'worker'],
      ['analyzer-1', 2, 1.5, 'worker'],
      ['analyzer-2', 2, 1, 'worker'],
      ['coordinator', 3, null, 'manager']
    ])
  })

  it('takes the deep fleet’s own planner and synthesizer prompts', () => {
    expect(config.fleets['rca-deep-fleet']?.deep?.plannerPrompt).toMatch(/^You are planning an investigation for a production issue\./)
    expect(config.fleets['rca-deep-fleet']?.deep?.synthesizerPrompt).toMatch(/CONCLUSION: \[1-2 sentence root cause\]/)
  })

  it('says what it does not apply, where', () => {
    const said = config.diagnostics.filter((d) => d.file.startsWith('aof/fleets/') && !d.file.includes('/agents/')).map((d) => `${where(d)}: ${d.message}`)
    expect(said).toEqual([
      'notice aof/fleets/code-review-team.yaml:31 spec.coordination.mode: tiered mode with one tier (1) runs like peer mode with consensus; give members a tier: to run them in stages',
      'notice aof/fleets/code-review-team.yaml:32 spec.coordination.distribution: ignored in a job: coordination.distribution (each event is one task: every member the mode calls on runs once)',
      'warning aof/fleets/code-review-team.yaml:34 spec.coordination.tiered.tiers: spec.coordination.tiered.tiers is not a field github-agent knows; it is ignored',
      "notice aof/fleets/code-review-team.yaml:34 spec.coordination.tiered.tiers: AOF's tiered settings have no tiers field either, so AOF runs these members by their own tier: (1 when unset); give each member a tier: instead",
      'notice aof/fleets/high-volume-fleet.yaml:34 spec.agents[0].replicas: ignored in a job: replicas (each member runs once per event)',
      "notice aof/fleets/high-volume-fleet.yaml:70 spec.coordination.mode: swarm mode gives the event to the least-loaded member, and in a job, where none has run yet, that is the first, 'processor', as in AOF; validator will not run",
      'warning aof/fleets/rca-deep-fleet.yaml:25 spec.display: spec.display is not a field github-agent knows; it is ignored',
      'notice aof/fleets/rca-deep-fleet.yaml:99 spec.shared: ignored in a job: shared (members share no memory in a job)'
    ])
  })
})
