// Test helper: flow ports that record every request and answer from a script.
import type { FlowPorts, NodeOutput } from '../../src/flow/flow-types.js'

export type Call = { port: keyof FlowPorts; request: Record<string, unknown> }

export interface FakePorts extends FlowPorts {
  calls: Call[]
  /** Node ids in the order a port was asked for them. */
  ran(): string[]
}

/** `answers[node]`: the output a node's port returns, or an Error it throws. */
export function fakePorts(answers: Record<string, NodeOutput | Error> = {}): FakePorts {
  const calls: Call[] = []
  const answer = (port: keyof FlowPorts) => async (request: { node: string }) => {
    calls.push({ port, request: { ...request } })
    const found = Object.hasOwn(answers, request.node) ? answers[request.node] : undefined
    if (found instanceof Error) throw found
    return found
  }
  return {
    calls,
    ran: () => calls.map((c) => c.request.node as string),
    runAgent: answer('runAgent'),
    runFleet: answer('runFleet'),
    postComment: answer('postComment'),
    addLabels: answer('addLabels'),
    checkRun: answer('checkRun'),
    dispatchWorkflow: answer('dispatchWorkflow')
  }
}
