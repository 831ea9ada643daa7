// Which of the labels an agent asked for may be applied, created, or must be dropped (with why).

import type { RepoLabel } from './types.js'

/**
 * Which labels a write may touch. A model picks the labels, and labels steer people and other
 * automation (`safe-to-test`, `do-not-merge`), so without an allow-list the default is narrow.
 */
export interface LabelPolicy {
  /** The agent's `allowed_labels`: when non-empty, exactly the labels it may add or remove. */
  allowedLabels?: string[]
  /** The agent's `create_labels`: labels missing from the repository may be created. */
  createLabels: boolean
  /**
   * Triggers of the config that start work when a label is added or removed. Without
   * `allowedLabels`, any of them means no label may be added (they react to every label).
   */
  labelTriggers?: string[]
}

export interface LabelPlan {
  /** Names to add, spelled as the repository spells them. */
  add: string[]
  /** Names to create before adding (already included in `add`). */
  create: string[]
  dropped: { label: string; reason: string }[]
}

// GitHub's limit on a label name.
const MAX_LABEL_LENGTH = 50

const fold = (s: string) => s.trim().toLowerCase()

/** Removing needs the label on `allowed_labels`: without the list, no label is removed. */
export function removalRefusal(label: string, policy: LabelPolicy): string | null {
  const allowed = policy.allowedLabels ?? []
  if (allowed.length === 0) return 'the agent has no allowed_labels, and without them it removes no label'
  return allowed.some((a) => fold(a) === fold(label)) ? null : "not in the agent's allowed_labels"
}

function triggerList(names: string[]): string {
  return names.map((n) => `'${n}'`).join(', ')
}

export function planLabels(requested: string[], existing: RepoLabel[], policy: LabelPolicy): LabelPlan {
  const byName = new Map(existing.map((l) => [fold(l.name), l.name]))
  const allowed = new Map((policy.allowedLabels ?? []).map((a) => [fold(a), a.trim()]))
  const plan: LabelPlan = { add: [], create: [], dropped: [] }
  const seen = new Set<string>()
  const gates = allowed.size === 0 ? (policy.labelTriggers ?? []) : []
  for (const raw of requested) {
    const label = raw.trim()
    const key = fold(label)
    if (label === '' || seen.has(key)) continue
    seen.add(key)
    if (label.length > MAX_LABEL_LENGTH) {
      plan.dropped.push({ label, reason: `longer than GitHub's ${MAX_LABEL_LENGTH} characters` })
    } else if (allowed.size > 0 && !allowed.has(key)) {
      plan.dropped.push({ label, reason: "not in the agent's allowed_labels" })
    } else if (gates.length > 0) {
      const which = `Trigger${gates.length === 1 ? '' : 's'} ${triggerList(gates)}`
      plan.dropped.push({
        label,
        reason: `${which} of the config start${gates.length === 1 ? 's' : ''} work on labeled events, so an agent without allowed_labels adds no label`
      })
    } else if (byName.has(key)) {
      plan.add.push(byName.get(key) as string)
    } else if (allowed.has(key) || policy.createLabels) {
      const name = allowed.get(key) ?? label
      plan.create.push(name)
      plan.add.push(name)
    } else {
      plan.dropped.push({ label, reason: 'does not exist in the repository (list it in allowed_labels or set create_labels: true)' })
    }
  }
  return plan
}
