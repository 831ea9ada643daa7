import { z } from 'zod'
import { agentSpecSchema } from './agent-schema.js'
import { count, envelope, mapping, metadata, name, text } from './common.js'

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

// Mode, strategy and aggregation values are checked by the reader, which knows why each cannot run.
const coordination = z.object(
  {
    mode: name('peer (parallel) or pipeline (sequential)').optional(),
    aggregation: name('merge or consensus').optional(),
    distribution: z.unknown().optional(),
    consensus: z.unknown().optional(),
    manager: z.unknown().optional(),
    tiered: z.unknown().optional(),
    deep: z.unknown().optional()
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
