import type { CommandBinding, TriggerDef } from '../config/types.js'
import { GITHUB_EVENT_NAMES } from '../event/github-event-names.js'

/**
 * What a `commands:` key answers to. The loader strips the leading `/`, so the shape decides:
 * `pull_request.opened` is an event.action key, a bare GitHub event name (`push`) an event key,
 * anything else a slash-command (`review`, `deploy staging`).
 */
export type KeyKind = 'event-action' | 'event' | 'slash'

const EVENT_ACTION = /^[a-z_]+\.[a-z_]+$/

/** Lower-case, no leading `/`, single spaces: the form keys are compared in. */
export function normalizeKey(key: string): string {
  return key.trim().replace(/^\//, '').replace(/\s+/g, ' ').toLowerCase()
}

export function keyKind(key: string): KeyKind {
  if (key.trim().startsWith('/')) return 'slash'
  const normalized = normalizeKey(key)
  if (EVENT_ACTION.test(normalized)) return 'event-action'
  if (GITHUB_EVENT_NAMES.has(normalized)) return 'event'
  return 'slash'
}

/** A key the YAML wrote with its `/` is a slash-command whatever the word; the shape decides for the rest. */
export function bindingKind(binding: CommandBinding): KeyKind {
  return binding.slash ? 'slash' : keyKind(binding.key)
}

export function slashBindings(trigger: TriggerDef): CommandBinding[] {
  return trigger.commands.filter((binding) => bindingKind(binding) === 'slash')
}

/** The first event binding whose key is one of `candidates` (already normalized), in candidate order. */
export function findBinding(trigger: TriggerDef, candidates: readonly string[]): CommandBinding | undefined {
  for (const candidate of candidates) {
    const binding = trigger.commands.find((b) => !b.slash && normalizeKey(b.key) === candidate)
    if (binding) return binding
  }
  return undefined
}
