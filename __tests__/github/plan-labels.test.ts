import { planLabels, type LabelPolicy } from '../../src/github/plan-labels.js'
import type { RepoLabel } from '../../src/github/types.js'

const repoLabels: RepoLabel[] = ['bug', 'Enhancement', 'documentation'].map((name) => ({ name, color: 'ededed', description: null }))
const open: LabelPolicy = { createLabels: false }

describe('planLabels', () => {
  it.each<[string, string[], LabelPolicy, { add: string[]; create: string[]; dropped: string[] }]>([
    ['applies labels that exist, spelled as the repository spells them', ['bug', 'enhancement'], open, { add: ['bug', 'Enhancement'], create: [], dropped: [] }],
    ['drops a label that does not exist', ['bug', 'urgent'], open, { add: ['bug'], create: [], dropped: ['urgent'] }],
    ['creates a missing label when create_labels is set', ['urgent'], { createLabels: true }, { add: ['urgent'], create: ['urgent'], dropped: [] }],
    ['limits labels to allowed_labels even when they exist', ['bug', 'documentation'], { createLabels: false, allowedLabels: ['bug'] }, { add: ['bug'], create: [], dropped: ['documentation'] }],
    ['creates an allowed label that does not exist yet', ['priority:high'], { createLabels: false, allowedLabels: ['priority:high'] }, { add: ['priority:high'], create: ['priority:high'], dropped: [] }],
    ['ignores blanks and duplicates', ['bug', ' BUG ', ''], open, { add: ['bug'], create: [], dropped: [] }],
    ['drops a name longer than GitHub allows', ['x'.repeat(51)], { createLabels: true }, { add: [], create: [], dropped: ['x'.repeat(51)] }]
  ])('%s', (_name, requested, policy, expected) => {
    const plan = planLabels(requested, repoLabels, policy)
    expect({ add: plan.add, create: plan.create, dropped: plan.dropped.map((d) => d.label) }).toEqual(expected)
  })

  it('says why a label was dropped', () => {
    expect(planLabels(['urgent'], repoLabels, open).dropped[0]?.reason).toBe(
      'does not exist in the repository (list it in allowed_labels or set create_labels: true)'
    )
  })
})
