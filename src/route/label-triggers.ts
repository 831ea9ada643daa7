import type { Config } from '../config/types.js'
import { bindingKind, normalizeKey } from './command-keys.js'

const LABEL_ACTIONS = new Set(['labeled', 'unlabeled'])

/**
 * The enabled Triggers that start work when a label is added or removed: an `actions` filter or an
 * `event.action` key (`pull_request.labeled`) names labeled or unlabeled. AOF's filters cannot
 * name one label, so such a Trigger reacts to every label, and an agent without `allowed_labels`
 * may add none: a label it picked could start that work (with an App token the write starts a new run).
 */
export function labelTriggers(config: Pick<Config, 'triggers'>): string[] {
  return config.triggers
    .filter((trigger) => {
      if (!trigger.enabled) return false
      if (trigger.actions.some((action) => LABEL_ACTIONS.has(action.toLowerCase()))) return true
      return trigger.commands.some((binding) => bindingKind(binding) === 'event-action' && LABEL_ACTIONS.has(normalizeKey(binding.key).split('.')[1] ?? ''))
    })
    .map((trigger) => trigger.name)
}
