import type { AgentDef, Config } from '../config/types.js'
import type { EventContext, MetadataValue } from '../event/types.js'
import type { Invocation } from '../route/types.js'
import { renderTemplate } from '../template/render-template.js'
import { sanitizeDeep, sanitizeUntrusted } from '../text/sanitize-untrusted.js'

/** One agent ready to run: what it is told, which tools it gets, which model. */
export interface AgentPlan {
  agent: AgentDef
  /** Label for reports: `agent:NAME` or `fleet:F/member`. */
  label: string
  instructions: string
  tools: string[]
  /** As written in YAML, or the action's `model` input; '' when neither names one. */
  model: string
  /** Template names that rendered empty because nothing defines them. */
  unknownVariables: string[]
}

export interface InvocationPlan {
  target: string
  agents: AgentPlan[]
  /** Set when the target cannot run in this version; the summary shows it. */
  unsupported?: string
}

/** Metadata for templates: the event's, plus the command this invocation carries (`command`, `command_args`). */
export function invocationMetadata(event: EventContext, invocation: Invocation): Record<string, MetadataValue> {
  const command = invocation.via === 'command' || invocation.via === 'mention' ? invocation.key : null
  return {
    ...event.metadata,
    command: command === null ? null : `/${command}`,
    command_args: invocation.args
  }
}

function planAgent(agent: AgentDef, label: string, metadata: Record<string, MetadataValue>, invocation: Invocation, defaultModel: string): AgentPlan {
  // `{{ metadata.pr_title }}` and `{{ command.args }}` put strangers' text into the instructions
  // themselves: it is sanitised as the event data is, or a hidden comment would reach the model there.
  const rendered = renderTemplate(agent.instructions, {
    metadata: sanitizeDeep(metadata),
    params: invocation.params,
    command: { name: invocation.key, args: sanitizeUntrusted(invocation.args) }
  })
  return {
    agent,
    label,
    instructions: rendered.text,
    tools: agent.tools.filter((t) => t.enabled).map((t) => t.name),
    model: agent.model ?? defaultModel,
    unknownVariables: rendered.unknown
  }
}

/** Pure: turn a routed invocation into the agents to run, with rendered instructions. */
export function planInvocation(config: Config, event: EventContext, invocation: Invocation, defaultModel: string): InvocationPlan {
  const target = invocation.target
  if (!target) return { target: 'help', agents: [] }
  const label = `${target.kind}:${target.name}`
  const metadata = invocationMetadata(event, invocation)
  if (target.kind === 'agent') {
    const agent = config.agents[target.name]
    if (!agent) return { target: label, agents: [], unsupported: `agent '${target.name}' is not defined` }
    return { target: label, agents: [planAgent(agent, label, metadata, invocation, defaultModel)] }
  }
  if (target.kind === 'fleet') {
    const fleet = config.fleets[target.name]
    if (!fleet) return { target: label, agents: [], unsupported: `fleet '${target.name}' is not defined` }
    return {
      target: label,
      agents: fleet.members.map((m) => planAgent(m.agent, `${label}/${m.name}`, metadata, invocation, defaultModel))
    }
  }
  // A flow plans its agents node by node as it runs (src/execute/run-target.ts).
  return { target: label, agents: [] }
}
