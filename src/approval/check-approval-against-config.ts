// A request's state came from a comment anyone with write access can edit, and the config may have
// changed since: before resuming, everything that decides what runs and who may approve it is read
// again from the config (the default branch), and must agree with the state.
import type { CommandBinding, Config } from '../config/types.js'
import { canonicalJson } from '../shared/canonical-json.js'
import { flowFingerprint } from '../flow/flow-fingerprint.js'
import { approverList } from '../flow/read-node-config.js'
import type { Invocation } from '../route/types.js'
import type { ApprovalState } from './approval-state.js'
import { approvalPermission, approversFor } from './create-approval-request.js'
import { errorMessage } from '../shared/errors.js'

export type ConfigCheck =
  | {
      ok: true
      /** The invocation to run, rebuilt from the config (its params are the binding's). */
      invocation: Invocation
    }
  | { ok: false; reason: string }

function sameList(a: string[], b: string[]): boolean {
  const norm = (l: string[]) => l.map((x) => x.toLowerCase()).sort()
  return canonicalJson(norm(a)) === canonicalJson(norm(b))
}

function bindingOf(config: Config, state: ApprovalState): { binding: CommandBinding | null; problem: string | null } {
  const trigger = config.triggers.find((t) => t.name === state.trigger)
  if (!trigger) return { binding: null, problem: `Trigger '${state.trigger ?? '(none)'}' is no longer in the config` }
  const { key, target } = state.invocation
  if (key === null) {
    // default_agent invocations carry no params and no binding.
    return trigger.defaultAgent === target.name && target.kind === 'agent'
      ? { binding: null, problem: null }
      : { binding: null, problem: `Trigger '${trigger.name}' no longer sends this to agent '${target.name}'` }
  }
  const binding = trigger.commands.find((c) => c.key.toLowerCase() === key.toLowerCase())
  if (!binding) return { binding: null, problem: `Trigger '${trigger.name}' no longer has the command ${key}` }
  if (binding.target.kind !== target.kind || binding.target.name !== target.name) {
    return { binding: null, problem: `${key} now runs ${binding.target.kind}:${binding.target.name}, not ${target.kind}:${target.name}` }
  }
  return { binding, problem: null }
}

export function checkApprovalAgainstConfig(state: ApprovalState, config: Config): ConfigCheck {
  const refuse = (why: string): ConfigCheck => ({ ok: false, reason: `cannot resume request ${state.id}: ${why}; ask again` })
  const { binding, problem } = bindingOf(config, state)
  if (problem) return refuse(problem)
  const params = binding?.params ?? {}
  if (canonicalJson(params) !== canonicalJson(state.invocation.params))
    return refuse(`the params of ${state.invocation.key ?? 'the command'} differ from the config's`)
  const invocation: Invocation = { ...state.invocation, params }
  if (state.requiredPermission !== approvalPermission(invocation)) return refuse('the permission it needs differs from the config')

  let ask: { approvers: string[] | null } | null = null
  if (state.flow) {
    const flow = config.flows[state.flow.flow]
    if (!flow || state.invocation.target.kind !== 'flow' || state.invocation.target.name !== flow.name)
      return refuse(`flow '${state.flow.flow}' is not what ${state.invocation.key ?? 'the command'} runs`)
    if (flowFingerprint(flow) !== state.flow.fingerprint) return refuse(`flow '${flow.name}' changed after the request`)
    const node = flow.nodes.find((n) => n.id === state.flow?.pausedAt)
    if (node?.type !== 'Approval') return refuse(`flow '${flow.name}' has no Approval node '${state.flow.pausedAt}'`)
    try {
      ask = { approvers: approverList(node, node.config) }
    } catch (error) {
      return refuse(errorMessage(error))
    }
  }
  if (!sameList(state.approvers, approversFor(invocation, ask))) return refuse('its approvers differ from the config')
  return { ok: true, invocation }
}
