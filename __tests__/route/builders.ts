// Scenario builders: Config objects as the loader would produce them, and events from real payloads.
import type { AgentDef, CommandBinding, Config, FleetDef, FlowDef, TargetRef, TriggerDef } from '../../src/config/types.js'
import { buildEventContext } from '../../src/event/build-event-context.js'
import type { EventContext } from '../../src/event/types.js'
import { loadFixture, type Payload } from '../event/fixtures.js'

/** `agent:name`, `fleet:name`, `flow:name`. */
export function target(ref: string): TargetRef {
  const [kind, name] = ref.split(':') as [TargetRef['kind'], string]
  return { kind, name }
}

type BindingSpec = string | { target: string; params?: Record<string, unknown>; description?: string }

export interface TriggerSpec {
  type?: string
  enabled?: boolean
  events?: string[]
  actions?: string[]
  repositories?: string[]
  branches?: string[]
  allowedUsers?: string[]
  /** Keys as written in YAML (`/review`, `pull_request.opened`); the leading `/` is stripped like the loader does. */
  commands?: Record<string, BindingSpec>
  defaultAgent?: string
  file?: string
}

export function aTrigger(name: string, spec: TriggerSpec = {}): TriggerDef {
  const file = spec.file ?? `.github/aof/triggers/${name}.yaml`
  const commands: CommandBinding[] = Object.entries(spec.commands ?? {}).map(([key, b], i) => {
    const binding = typeof b === 'string' ? { target: b } : b
    return {
      key: key.replace(/^\//, ''),
      ...(key.startsWith('/') ? { slash: true } : {}),
      target: target(binding.target),
      description: binding.description ?? '',
      params: binding.params ?? {},
      location: { file, line: 10 + i }
    }
  })
  const trigger: TriggerDef = {
    name,
    type: spec.type ?? 'GitHub',
    enabled: spec.enabled ?? true,
    labels: {},
    events: spec.events ?? [],
    actions: spec.actions ?? [],
    repositories: spec.repositories ?? [],
    branches: spec.branches ?? [],
    allowedUsers: spec.allowedUsers ?? [],
    commands,
    location: { file, line: 1 }
  }
  if (spec.defaultAgent) trigger.defaultAgent = spec.defaultAgent
  return trigger
}

export function aConfig(triggers: TriggerDef[], extra: Partial<Config> = {}): Config {
  return { triggers, agents: {}, fleets: {}, flows: {}, skipped: { agent: {}, fleet: {}, flow: {} }, files: [], diagnostics: [], ...extra }
}

/** The per-team Triggers of the reference page (frontend, backend, infra), in that order. */
export function perTeamConfig(): Config {
  return aConfig([
    aTrigger('frontend-pr-bot', {
      repositories: ['myorg/web-app', 'myorg/mobile-app', 'myorg/ui-components'],
      events: ['pull_request', 'issue_comment'],
      commands: {
        'pull_request.opened': 'fleet:frontend-review-fleet',
        '/review': 'fleet:frontend-review-fleet',
        '/test': 'agent:jest-runner',
        '/storybook': 'agent:storybook-deployer'
      },
      defaultAgent: 'frontend-helper'
    }),
    aTrigger('backend-pr-bot', {
      repositories: ['myorg/api-server', 'myorg/data-pipeline', 'myorg/auth-service'],
      allowedUsers: ['alice', 'bob', 'charlie'],
      commands: {
        'pull_request.opened': 'fleet:backend-review-fleet',
        '/review': 'fleet:backend-review-fleet',
        '/deploy staging': 'flow:deploy-backend-staging',
        '/deploy production': { target: 'flow:deploy-backend-prod', params: { require_approval: true } }
      },
      defaultAgent: 'backend-helper'
    }),
    aTrigger('infra-pr-bot', {
      repositories: ['myorg/terraform-*', 'myorg/k8s-manifests', 'myorg/helm-charts'],
      commands: {
        'pull_request.opened': 'fleet:infra-review-fleet',
        '/plan': 'agent:terraform-planner',
        '/apply': { target: 'flow:terraform-apply-flow', params: { require_approval: true, approvers: ['platform-lead', 'sre-oncall'] } }
      },
      defaultAgent: 'infra-helper'
    })
  ])
}

export interface EventOptions {
  repo?: string
  sender?: string
  action?: string
}

function place(payload: Payload, options: EventOptions): Payload {
  if (options.repo) payload.repository.full_name = options.repo
  if (options.sender) payload.sender.login = options.sender
  if (options.action) payload.action = options.action
  return payload
}

/** An issue_comment from the real example; `onPullRequest` uses the derived PR-comment payload. */
export function commentEvent(body: string, options: EventOptions & { onPullRequest?: boolean } = {}): EventContext {
  const payload = loadFixture(options.onPullRequest ? 'issue_comment.created.on-pull-request.derived.json' : 'issue_comment.created.json')
  payload.comment.body = body
  return buildEventContext('issue_comment', place(payload, options))
}

export function pullRequestEvent(action: string, options: EventOptions & { base?: string; body?: string | null; eventName?: string } = {}): EventContext {
  const payload = place(loadFixture('pull_request.opened.json'), { ...options, action })
  if (options.base) payload.pull_request.base.ref = options.base
  if (options.body !== undefined) payload.pull_request.body = options.body
  return buildEventContext(options.eventName ?? 'pull_request', payload)
}

export function pushEvent(ref: string, options: EventOptions = {}): EventContext {
  const payload = place(loadFixture('push.json'), options)
  payload.ref = ref
  return buildEventContext('push', payload)
}

export function issuesEvent(action: string, options: EventOptions & { body?: string } = {}): EventContext {
  const payload = place(loadFixture('issues.opened.json'), { ...options, action })
  if (options.body !== undefined) payload.issue.body = options.body
  return buildEventContext('issues', payload)
}

export function anAgent(name: string, instructions: string, file = `.github/aof/agents/${name}.yaml`): AgentDef {
  return { name, instructions, tools: [], maxIterations: 10, extra: {}, location: { file, line: 3 } }
}

export function aFleet(name: string, members: AgentDef[]): FleetDef {
  const location = { file: `.github/aof/fleets/${name}.yaml`, line: 1 }
  return {
    name,
    mode: 'peer',
    strategy: 'parallel',
    aggregation: 'merge',
    members: members.map((agent) => ({ name: agent.name, agent, role: 'specialist', location })),
    location
  }
}

export function aFlow(name: string, agentNames: string[]): FlowDef {
  const location = { file: `.github/aof/flows/${name}.yaml`, line: 1 }
  return { name, nodes: agentNames.map((agent, i) => ({ id: `n${i}`, type: 'Agent', config: { agent }, location })), connections: [], location }
}
