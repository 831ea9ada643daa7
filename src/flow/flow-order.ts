// The order a flow's nodes are decided in: dependencies first, document order among equals.
import type { FlowConnection, FlowDef } from '../config/types.js'

/** Connections may start at these markers instead of a node (AOF: `start`; its docs: `trigger`). */
export const ENTRY_MARKERS: ReadonlySet<string> = new Set(['start', 'trigger'])

export type FlowOrder = { ok: true; order: string[]; entries: Set<string>; incoming: Map<string, FlowConnection[]> } | { ok: false; error: string }

/** Nodes on one cycle, in loop order, for the message (`a → b → a`). */
function describeCycle(left: Set<string>, connections: FlowConnection[]): string {
  // Drop nodes that merely wait behind the cycle: repeatedly remove those with no successor left.
  const on = new Set(left)
  for (let changed = true; changed;) {
    changed = false
    for (const id of on) {
      if (!connections.some((c) => c.from === id && on.has(c.to))) {
        on.delete(id)
        changed = true
      }
    }
  }
  const next = (id: string): string => connections.find((c) => c.from === id && on.has(c.to))?.to ?? id
  let node = [...on][0] ?? ''
  const seen: string[] = []
  while (!seen.includes(node)) {
    seen.push(node)
    node = next(node)
  }
  return [...seen.slice(seen.indexOf(node)), node].join(' → ')
}

/**
 * Entry nodes are those connected from `start`/`trigger`; a flow with no such connection starts at
 * every node without an incoming connection. A cycle is refused (Kahn's algorithm leaves it over).
 */
export function flowOrder(flow: FlowDef): FlowOrder {
  const ids = flow.nodes.map((n) => n.id)
  const known = new Set(ids)
  const incoming = new Map<string, FlowConnection[]>(ids.map((id) => [id, []]))
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]))
  const fromMarker = new Set<string>()
  for (const c of flow.connections) {
    if (!known.has(c.to)) return { ok: false, error: `flow '${flow.name}' connects to '${c.to}', which is not one of its nodes` }
    if (ENTRY_MARKERS.has(c.from) && !known.has(c.from)) {
      fromMarker.add(c.to)
      continue
    }
    if (!known.has(c.from)) return { ok: false, error: `flow '${flow.name}' connects from '${c.from}', which is not one of its nodes (or start)` }
    incoming.get(c.to)?.push(c)
    outgoing.get(c.from)?.push(c.to)
  }
  const entries = fromMarker.size > 0 ? fromMarker : new Set(ids.filter((id) => incoming.get(id)?.length === 0))

  const waiting = new Map(ids.map((id) => [id, incoming.get(id)?.length ?? 0]))
  const position = new Map(ids.map((id, i) => [id, i]))
  const ready = ids.filter((id) => waiting.get(id) === 0)
  const order: string[] = []
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
    const id = ready.shift() as string
    order.push(id)
    for (const to of outgoing.get(id) ?? []) {
      const left = (waiting.get(to) ?? 0) - 1
      waiting.set(to, left)
      if (left === 0) ready.push(to)
    }
  }
  if (order.length < ids.length) {
    const left = new Set(ids.filter((id) => !order.includes(id)))
    return { ok: false, error: `flow '${flow.name}' has a cycle (${describeCycle(left, flow.connections)}); a flow runs each node at most once` }
  }
  return { ok: true, order, entries, incoming }
}
