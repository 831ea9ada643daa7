import { planLabels, removalRefusal, type LabelPolicy } from '../../src/github/plan-labels.js'
import type { RepoLabel } from '../../src/github/types.js'

const repoLabels: RepoLabel[] = ['bug', 'Enhancement', 'documentation'].map((name) => ({ name, color: 'ededed', description: null }))
const open: LabelPolicy = { createLabels: false }

describe('planLabels', () => {
  it.each<[string, string[], LabelPolicy, { add: string[]; create: string[]; dropped: string[] }]>([
    [
      'applies labels that exist, spelled as the repository spells them',
      ['bug', 'enhancement'],
      open,
      { add: ['bug', 'Enhancement'], create: [], dropped: [] }
    ],
    ['drops a label that does not exist', ['bug', 'urgent'], open, { add: ['bug'], create: [], dropped: ['urgent'] }],
    ['creates a missing label when create_labels is set', ['urgent'], { createLabels: true }, { add: ['urgent'], create: ['urgent'], dropped: [] }],
    [
      'limits labels to allowed_labels even when they exist',
      ['bug', 'documentation'],
      { createLabels: false, allowedLabels: ['bug'] },
      { add: ['bug'], create: [], dropped: ['documentation'] }
    ],
    [
      'creates an allowed label that does not exist yet',
      ['priority:high'],
      { createLabels: false, allowedLabels: ['priority:high'] },
      { add: ['priority:high'], create: ['priority:high'], dropped: [] }
    ],
    ['ignores blanks and duplicates', ['bug', ' BUG ', ''], open, { add: ['bug'], create: [], dropped: [] }],
    ['drops a name longer than GitHub allows', ['x'.repeat(51)], { createLabels: true }, { add: [], create: [], dropped: ['x'.repeat(51)] }]
  ])('%s', (_name, requested, policy, expected) => {
    const plan = planLabels(requested, repoLabels, policy)
    expect({ add: plan.add, create: plan.create, dropped: plan.dropped.map((d) => d.label) }).toEqual(expected)
  })

  it('adds no label without allowed_labels when a Trigger of the config reacts to labels, and names it', () => {
    const plan = planLabels(['bug'], repoLabels, { createLabels: false, labelTriggers: ['on-label'] })
    expect(plan.add).toEqual([])
    expect(plan.dropped[0]?.reason).toBe("Trigger 'on-label' of the config starts work on labeled events, so an agent without allowed_labels adds no label")
  })

  it('adds what allowed_labels lists even when a Trigger reacts to labels', () => {
    const plan = planLabels(['bug', 'documentation'], repoLabels, { createLabels: false, allowedLabels: ['bug'], labelTriggers: ['on-label'] })
    expect(plan.add).toEqual(['bug'])
  })

  it('says why a label was dropped', () => {
    expect(planLabels(['urgent'], repoLabels, open).dropped[0]?.reason).toBe(
      'does not exist in the repository (list it in allowed_labels or set create_labels: true)'
    )
  })
})

describe('removalRefusal', () => {
  it.each<[string, string, LabelPolicy, string | null]>([
    ['refuses every removal without allowed_labels', 'do-not-merge', open, 'the agent has no allowed_labels, and without them it removes no label'],
    ['refuses a label not on allowed_labels', 'do-not-merge', { createLabels: false, allowedLabels: ['triaged'] }, "not in the agent's allowed_labels"],
    ['lets a listed label go, in any case', 'Triaged', { createLabels: false, allowedLabels: ['triaged'] }, null]
  ])('%s', (_name, label, policy, expected) => {
    expect(removalRefusal(label, policy)).toBe(expected)
  })
})
