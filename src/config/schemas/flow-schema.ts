import { z } from 'zod'
import { envelope, mapping, metadata, name, text } from './common.js'

const node = z.object(
  {
    id: name('a node id, e.g. review'),
    type: name('a node type, e.g. Agent'),
    config: mapping('a mapping of node settings, e.g. {agent: code-reviewer}').optional(),
    // An Action node's action may sit beside config, as in the reference's examples.
    action: name('an action, e.g. comment').optional(),
    conditions: z.unknown().optional()
  },
  { error: 'a mapping with id, type and config, e.g. {id: review, type: Agent, config: {agent: code-reviewer}}' }
)

const connection = z.object(
  {
    from: name('a node id, or start for the entry'),
    to: name('a node id'),
    when: z.union([z.string(), z.number(), z.boolean()], { error: 'a condition, e.g. "approved == true"' }).optional()
  },
  { error: 'a mapping {from, to, when}, e.g. {from: start, to: review}' }
)

export const flowSchema = z.object({
  ...envelope,
  metadata,
  spec: z.object(
    {
      description: text('a description').optional(),
      nodes: z
        .array(node, { error: 'a list of nodes, e.g. [{id: review, type: Agent, config: {agent: code-reviewer}}]' })
        .min(1, { error: 'a list of at least one node, e.g. [{id: review, type: Agent, config: {agent: code-reviewer}}]' }),
      connections: z.array(connection, { error: 'a list of connections, e.g. [{from: start, to: review}]' }).optional(),
      context: mapping('a mapping').optional(),
      config: mapping('a mapping').optional()
    },
    { error: 'a mapping with nodes and connections, e.g. {nodes: [...], connections: [{from: start, to: review}]}' }
  )
})

export type FlowDocument = z.infer<typeof flowSchema>
