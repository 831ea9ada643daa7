import { createHash } from 'node:crypto'
import type { FlowDef } from '../config/types.js'
import { canonicalJson } from '../shared/canonical-json.js'

/**
 * A short digest of what a flow does (nodes, their config, connections; not where they are written).
 * A paused flow resumes only into the same definition: the config may change between the request
 * and the `/approve`, and positions and outputs of the old one would not fit the new one.
 */
export function flowFingerprint(flow: FlowDef): string {
  const shape = {
    name: flow.name,
    nodes: flow.nodes.map((n) => ({ id: n.id, type: n.type, config: n.config })),
    connections: flow.connections.map((c) => ({ from: c.from, to: c.to, when: c.when ?? null }))
  }
  return createHash('sha256').update(canonicalJson(shape)).digest('hex').slice(0, 16)
}
