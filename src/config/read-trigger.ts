import { addReference } from './add-reference.js'
import { checkShape } from './check-shape.js'
import { declareName } from './declare-name.js'
import type { DocContext } from './document-context.js'
import type { FieldPath } from './format-field.js'
import { GITHUB_EVENTS } from './github-events.js'
import type { LoadState } from './load-state.js'
import { triggerSchema, type CommandBindingDocument, type TriggerDocument } from './schemas/trigger-schema.js'
import { classifyTriggerType, TRIGGER_TYPES } from './trigger-type.js'
import type { CommandBinding, Severity, TargetKind, TriggerDef } from './types.js'

type Spec = TriggerDocument['spec']

const TARGET_KINDS: TargetKind[] = ['agent', 'fleet', 'flow']

/** `['*']` is AOF's "any" spelling; the router reads "any" as an empty list. */
function anyIfStar(values: string[] | undefined): string[] {
  if (!values) return []
  return values.includes('*') ? [] : values
}

function warnUnknownEvents(ctx: DocContext, events: string[] | undefined): void {
  events?.forEach((event, index) => {
    if (event !== '*' && !GITHUB_EVENTS.has(event)) {
      ctx.report(
        'warning',
        ['spec', 'config', 'github_events', index],
        `'${event}' is not a GitHub event that starts a workflow (e.g. pull_request, issue_comment, push); this filter will never match it`
      )
    }
  })
}

/** `commands` sits under `spec` in AOF's code and under `spec.config` in the reference's flattened examples. */
function commandsOf(ctx: DocContext, spec: Spec): { base: FieldPath; commands: Record<string, CommandBindingDocument> } | null {
  if (spec.commands && spec.config?.commands) {
    ctx.report('error', ['spec', 'config', 'commands'], 'commands are given twice, under spec and under spec.config; keep one (AOF reads spec.commands)', {
      key: true
    })
  }
  if (spec.commands) return { base: ['spec', 'commands'], commands: spec.commands }
  if (spec.config?.commands) return { base: ['spec', 'config', 'commands'], commands: spec.config.commands }
  return null
}

function readCommands(ctx: DocContext, state: LoadState, spec: Spec, severity: Severity): CommandBinding[] {
  const found = commandsOf(ctx, spec)
  if (!found) return []
  const bindings: CommandBinding[] = []
  const keys = new Map<string, string>()
  for (const [written, binding] of Object.entries(found.commands)) {
    const path = [...found.base, written]
    const key = written.startsWith('/') ? written.slice(1) : written
    if (key.trim() === '') {
      ctx.report('error', path, `command '${written}' has no name; write a command such as /review or an event such as pull_request.opened`, { key: true })
      continue
    }
    const targets = TARGET_KINDS.filter((kind) => binding[kind] !== undefined)
    if (targets.length !== 1) {
      const named = targets.length === 0 ? 'it names none' : `it names ${targets.join(' and ')}`
      ctx.report('error', path, `command ${written} must name exactly one of agent, fleet or flow; ${named}`, { key: true })
      continue
    }
    const previous = keys.get(key)
    if (previous !== undefined) {
      ctx.report('error', path, `command ${written} is given twice in this trigger (as '${previous}' and '${written}')`, { key: true })
      continue
    }
    keys.set(key, written)
    const kind = targets[0] as TargetKind
    const name = binding[kind] as string
    addReference(ctx, state, kind, name, [...path, kind], `command ${written}`, severity)
    bindings.push({
      key,
      target: { kind, name },
      description: binding.description ?? '',
      params: binding.params ?? {},
      ...(written.trimStart().startsWith('/') ? { slash: true } : {}),
      location: ctx.location(path, { key: true })
    })
  }
  return bindings
}

const DEFAULT_AGENT_PATHS: FieldPath[] = [
  ['spec', 'default_agent'],
  ['spec', 'defaultAgent'],
  ['spec', 'config', 'default_agent'],
  ['spec', 'config', 'defaultAgent']
]

function readDefaultAgent(ctx: DocContext, state: LoadState, spec: Spec, severity: Severity): string | undefined {
  const values: [FieldPath, string][] = []
  const candidates = [spec.default_agent, spec.defaultAgent, spec.config?.default_agent, spec.config?.defaultAgent]
  candidates.forEach((value, i) => {
    if (value !== undefined) values.push([DEFAULT_AGENT_PATHS[i] as FieldPath, value])
  })
  const [first, second] = values
  if (!first) return undefined
  if (second) {
    ctx.report('error', second[0], `the default agent is given twice (${first[0].join('.')} and ${second[0].join('.')}); keep one`, { key: true })
  }
  addReference(ctx, state, 'agent', first[1], first[0], 'default_agent', severity)
  return first[1]
}

function branchesOf(spec: Spec): string[] {
  const branches = spec.config?.branches
  if (!branches) return []
  return Array.isArray(branches) ? branches : branches.target
}

/** Reads a `kind: Trigger` whose `spec.type` is GitHub (other types are set aside before this). */
export function readTrigger(ctx: DocContext, state: LoadState): void {
  // The secret authenticates webhooks to AOF's server; in a job GitHub itself delivered the event.
  ctx.ignored.push(['spec', 'config', 'webhook_secret'])
  const data = checkShape(ctx, triggerSchema, ctx.value)
  if (!data) return
  const { metadata, spec } = data
  if (classifyTriggerType(spec.type).kind !== 'github') {
    ctx.report('error', ['spec', 'type'], `spec.type must be one of ${TRIGGER_TYPES} (found the text ${JSON.stringify(spec.type)})`)
    return
  }
  if (!declareName(ctx, state, 'trigger', metadata.name, ['metadata', 'name'])) return
  if (spec.config?.webhook_secret !== undefined) {
    ctx.report(
      'notice',
      ['spec', 'config', 'webhook_secret'],
      'ignored in a job: webhook_secret (GitHub delivers the event to the job; there is no webhook to verify)',
      {
        once: 'webhook_secret',
        key: true
      }
    )
  }
  warnUnknownEvents(ctx, spec.config?.github_events)
  const enabled = spec.enabled ?? true
  // A disabled trigger never routes, so a dangling name in it is a warning, not a failed run.
  const severity: Severity = enabled ? 'error' : 'warning'
  const config: NonNullable<Spec['config']> = spec.config ?? {}
  const trigger: TriggerDef = {
    name: metadata.name,
    // Spelled as AOF spells it, so later stages can compare with 'GitHub' whatever the case written.
    type: 'GitHub',
    enabled,
    labels: Object.fromEntries(Object.entries(metadata.labels ?? {}).map(([k, v]) => [k, String(v)])),
    events: anyIfStar(config.github_events),
    actions: anyIfStar(config.actions),
    repositories: [...new Set([...(config.repositories ?? []), ...(config.allowed_repos ?? [])])],
    branches: branchesOf(spec),
    allowedUsers: config.allowed_users ?? [],
    commands: readCommands(ctx, state, spec, severity),
    location: ctx.location([])
  }
  const defaultAgent = readDefaultAgent(ctx, state, spec, severity)
  if (defaultAgent !== undefined) trigger.defaultAgent = defaultAgent
  if (config.reply_on_refusal === true) trigger.replyOnRefusal = true
  state.triggers.push(trigger)
}
