import { z } from 'zod'
import { agentSpecSchema } from './agent-schema.js'
import { count, envelope, flag, mapping, metadata, name, text } from './common.js'

const member = z.object(
  {
    name: name('a member name, e.g. security-reviewer'),
    spec: agentSpecSchema.optional(),
    config: name('a path to an agent YAML file, e.g. ./agents/security-reviewer.yaml').optional(),
    replicas: count('a whole number of at least 1').optional(),
    role: z.enum(['worker', 'manager', 'specialist', 'validator'], { error: 'one of worker, manager, specialist, validator' }).optional(),
    labels: mapping('a mapping of label names to values').optional(),
    tier: count('a whole number of at least 1').optional(),
    weight: z.number({ error: 'a number, e.g. 1.0' }).optional()
  },
  {
    error:
      'a mapping with a name and an inline spec, e.g. {name: security-reviewer, spec: {model: ..., instructions: ...}}, or {name: code-reviewer} for a defined agent'
  }
)

// AOF's ConsensusConfig. Enumerated values (algorithm) are checked by the reader, which names the choices.
const consensus = z.object(
  {
    algorithm: name('majority, unanimous, weighted, first_wins or human_review').optional(),
    min_votes: count('a whole number of at least 1, e.g. 2').optional(),
    timeout_ms: count('a whole number of milliseconds, e.g. 60000').optional(),
    allow_partial: flag().optional(),
    weights: z
      .record(z.string(), z.number({ error: 'a number, e.g. 1.5' }), { error: 'a mapping of member names to numbers, e.g. {security: 1.5}' })
      .optional(),
    min_confidence: z
      .number({ error: 'a number from 0 to 1, e.g. 0.7' })
      .min(0, { error: 'a number from 0 to 1, e.g. 0.7' })
      .max(1, { error: 'a number from 0 to 1, e.g. 0.7' })
      .optional()
  },
  { error: 'a mapping, e.g. {algorithm: majority, min_votes: 2}' }
)

const tiered = z.object(
  {
    tier_consensus: z
      .record(z.string(), consensus, { error: 'a mapping of tier numbers to consensus settings, e.g. {"1": {algorithm: first_wins}}' })
      .optional(),
    pass_all_results: flag().optional(),
    final_aggregation: name('consensus, merge or manager_synthesis').optional()
  },
  { error: 'a mapping, e.g. {pass_all_results: true, final_aggregation: manager_synthesis}' }
)

const deep = z.object(
  {
    max_iterations: count('a whole number of at least 1, e.g. 10').optional(),
    planning: flag().optional(),
    memory: flag().optional(),
    planner_model: name('a model name, e.g. anthropic:claude-sonnet-4-5').optional(),
    planner_prompt: text('text: the planning instructions').optional(),
    synthesizer_prompt: text('text: the synthesis instructions').optional()
  },
  { error: 'a mapping, e.g. {max_iterations: 10, planning: true}' }
)

// Mode, strategy, distribution and aggregation values are checked by the reader, which names the choices.
const coordination = z.object(
  {
    mode: name('peer, pipeline, hierarchical, tiered, deep or swarm').optional(),
    aggregation: name('merge, consensus or manager_synthesis').optional(),
    distribution: name('round-robin, least-loaded, random, skill-based or sticky').optional(),
    consensus: consensus.optional(),
    manager: name('the name of a member, e.g. coordinator').optional(),
    tiered: tiered.optional(),
    deep: deep.optional()
  },
  { error: 'a mapping, e.g. {mode: peer, aggregation: merge}' }
)

export const fleetSchema = z.object({
  ...envelope,
  metadata,
  spec: z.object(
    {
      agents: z
        .array(member, { error: 'a list of members, e.g. [{name: security-reviewer, spec: {...}}, {name: code-reviewer}]' })
        .min(1, { error: 'a list of at least one member, e.g. [{name: code-reviewer}]' }),
      coordination: coordination.optional(),
      // github-agent's own field; AOF has none, and its files use `strategy:` for other things (read-fleet).
      strategy: z.unknown().optional(),
      aggregation: name('merge or consensus').optional(),
      description: text('a description').optional(),
      shared: z.unknown().optional(),
      communication: z.unknown().optional(),
      scaling: z.unknown().optional()
    },
    { error: 'a mapping with agents, e.g. {agents: [{name: code-reviewer}], coordination: {mode: peer}}' }
  )
})

export type FleetDocument = z.infer<typeof fleetSchema>
