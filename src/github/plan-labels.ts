// Which of the labels an agent asked for may be applied, created, or must be dropped (with why).

import type { RepoLabel } from './types.js'

export interface LabelPolicy {
  /** The agent's `allowed_labels`: when non-empty, the only labels it may add or remove. */
  allowedLabels?: string[]
  /** The agent's `create_labels`: labels missing from the repository may be created. */
  createLabels: boolean
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

export function isLabelAllowed(label: string, policy: LabelPolicy): boolean {
  const allowed = policy.allowedLabels ?? []
  return allowed.length === 0 || allowed.some((a) => fold(a) === fold(label))
}

export function planLabels(requested: string[], existing: RepoLabel[], policy: LabelPolicy): LabelPlan {
  const byName = new Map(existing.map((l) => [fold(l.name), l.name]))
  const allowed = new Map((policy.allowedLabels ?? []).map((a) => [fold(a), a.trim()]))
  const plan: LabelPlan = { add: [], create: [], dropped: [] }
  const seen = new Set<string>()
  for (const raw of requested) {
    const label = raw.trim()
    const key = fold(label)
    if (label === '' || seen.has(key)) continue
    seen.add(key)
    if (label.length > MAX_LABEL_LENGTH) {
      plan.dropped.push({ label, reason: `longer than GitHub's ${MAX_LABEL_LENGTH} characters` })
    } else if (allowed.size > 0 && !allowed.has(key)) {
      plan.dropped.push({ label, reason: 'not in the agent\'s allowed_labels' })
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
