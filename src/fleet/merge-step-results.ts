// A hierarchical, tiered, deep or swarm fleet's steps -> one publication that says who produced
// what: the deciding step (manager synthesis, consensus winner, deep synthesis, the swarm's member)
// first and its verdict standing, then the other members' findings, credited. Pure.
import type { FleetDef } from '../config/types.js'
import type { ReviewEvent } from '../github/types.js'
import { memberVerdict, mergeInline, strictest, unfinished, VERDICT_WORDS, type FleetPublication, type MemberResult } from './merge-fleet-results.js'
import { deepState, significanceOf, tierOutcomes, type StepResult, type TierOutcome } from './plan-fleet-steps.js'

interface Shown {
  result: MemberResult
  heading: string
}

interface ModeSummary {
  /** One line under the header: how the mode ran. */
  line: string
  /** The step whose answer is the fleet's: first in the body, its verdict stands. */
  decider: Shown | null
  /** The other steps whose drafts are published, in order. */
  others: Shown[]
  /** A verdict the mode imposes (no consensus: a comment) and why. */
  forced?: { verdict: ReviewEvent; why: string }
  /** Collapsed extra (delegation plan, deep plan). */
  details?: string
  notes: string[]
}

const names = (list: string[]): string => list.map((n) => `\`${n}\``).join(', ')
const fixed = (n: number): string => n.toFixed(2)

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body.trim()}\n\n</details>`
}

function hierarchical(fleet: FleetDef, done: readonly StepResult[]): ModeSummary {
  const manager = fleet.manager ?? '?'
  const delegation = done.find((d) => d.step.stage === 'delegate')
  const synthesis = done.find((d) => d.step.stage === 'synthesize')
  const workers = done.filter((d) => d.step.stage === 'work')
  const notes: string[] = []
  if (delegation && delegation.result.status !== 'ran') notes.push(`manager ${manager} could not delegate, so no worker ran`)
  if (synthesis && synthesis.result.status !== 'ran') notes.push(`manager ${manager} did not synthesize; the workers' findings are published as they are`)
  const synthesized = synthesis?.result.status === 'ran'
  return {
    line: `Hierarchical: manager \`${manager}\` delegated to ${names(workers.map((w) => w.result.member)) || 'no worker'}${synthesized ? ' and synthesized their findings' : ''}.`,
    decider: synthesis ? { result: synthesis.result, heading: `${manager} (manager synthesis)` } : null,
    others: workers.map((w) => ({ result: w.result, heading: `${w.result.member} (worker)` })),
    ...(delegation?.result.text.trim() ? { details: details(`Delegation plan by ${manager}`, delegation.result.text) } : {}),
    notes
  }
}

function tierLine(outcome: TierOutcome): string {
  const c = outcome.consensus
  const answered = outcome.results.filter((r) => r.result.status === 'ran').length
  const agreed = c.reached ? `${c.votes} of ${answered} agree (confidence ${fixed(c.confidence)})` : `no consensus: ${c.reason ?? 'no agreement'}`
  return `tier ${outcome.tier} (${c.algorithm.replace('_', ' ')}): ${agreed}`
}

function tiered(fleet: FleetDef, done: readonly StepResult[]): ModeSummary {
  const outcomes = tierOutcomes(fleet, done)
  const synthesis = done.find((d) => d.step.stage === 'synthesize')
  const final = fleet.tiered?.finalAggregation ?? 'consensus'
  const notes: string[] = []
  const shownTier = (r: StepResult): Shown => ({ result: r.result, heading: `Tier ${r.step.tier ?? 1} · ${r.result.member}` })
  const all = outcomes.flatMap((o) => o.results)
  let decider: Shown | null = null
  let forced: ModeSummary['forced']
  let how: string
  if (final === 'manager_synthesis' && synthesis) {
    decider = { result: synthesis.result, heading: `${synthesis.result.member} (manager synthesis)` }
    how = `manager \`${synthesis.result.member}\` synthesized the tiers`
    if (synthesis.result.status !== 'ran') notes.push(`manager ${synthesis.result.member} did not synthesize; the tiers are published as they are`)
  } else if (final === 'consensus' && outcomes.length) {
    const last = outcomes.at(-1) as TierOutcome
    const winner = last.results.find((r) => r.result.member === last.consensus.winner)
    if (last.consensus.reached && winner) {
      decider = shownTier(winner)
      how = `the consensus of tier ${last.tier} stands (answer of \`${winner.result.member}\`)`
    } else {
      forced = { verdict: 'COMMENT', why: `tier ${last.tier} reached no consensus, so this is a comment` }
      how = `tier ${last.tier} reached no consensus`
      notes.push(`fleet ${fleet.name}: tier ${last.tier} reached no consensus; posted as a comment`)
    }
  } else {
    how = final === 'manager_synthesis' ? 'no manager to synthesize, so the tiers are merged' : 'the tiers are merged'
  }
  const others = all.filter((r) => r.result !== decider?.result).map(shownTier)
  return { line: `Tiered: ${outcomes.map(tierLine).join('; ') || 'no tier ran'}. Final: ${how}.`, decider, others, ...(forced ? { forced } : {}), notes }
}

function deep(fleet: FleetDef, done: readonly StepResult[]): ModeSummary {
  const member = fleet.members[0]?.name ?? '?'
  const state = deepState(fleet, done)
  const synthesis = done.find((d) => d.step.stage === 'synthesize')
  const ran = state.executed.length
  const steps = state.plan.map((s, i) => {
    const result = state.executed[i]
    const mark = result ? (result.result.status === 'ran' ? `done, ${significanceOf(result.result.text)} significance` : 'failed') : 'not run'
    return `${s.step}. ${s.description} (${mark})`
  })
  const how = state.failed
    ? `stopped: ${state.failed}`
    : `planned ${state.plan.length} step${state.plan.length === 1 ? '' : 's'}, ran ${ran}${state.replanned ? ', re-planned once' : ''} and synthesized the findings`
  return {
    line: `Deep: \`${member}\` ${how}.`,
    decider: synthesis ? { result: synthesis.result, heading: `${member} (synthesis)` } : null,
    others: [],
    ...(steps.length ? { details: details('Plan and steps', steps.join('\n')) } : {}),
    notes: state.failed ? [`fleet ${fleet.name}: deep mode stopped: ${state.failed}`] : []
  }
}

function swarm(done: readonly StepResult[]): ModeSummary {
  const handled = done[0]
  return {
    line: handled ? `Swarm: \`${handled.result.member}\` handled the event.` : 'Swarm: no member ran.',
    decider: handled ? { result: handled.result, heading: handled.result.member } : null,
    others: [],
    notes: []
  }
}

function summarize(fleet: FleetDef, done: readonly StepResult[]): ModeSummary {
  if (fleet.mode === 'hierarchical') return hierarchical(fleet, done)
  if (fleet.mode === 'tiered') return tiered(fleet, done)
  if (fleet.mode === 'deep') return deep(fleet, done)
  return swarm(done)
}

/** A step's drafts; a step that drafted nothing shows its answer, which is what the next step was given. */
function sectionOf(shown: Shown, verdict: ReviewEvent | null): string {
  const { draft, text } = shown.result
  const parts = [...draft.reviews.map((r) => r.body.trim()), ...draft.comments.map((c) => c.trim())].filter((p) => p !== '')
  if (parts.length === 0 && text.trim()) parts.push(text.trim())
  const heading = `### ${shown.heading}${verdict ? ` (${VERDICT_WORDS[verdict]})` : ''}`
  return parts.length ? `${heading}\n\n${parts.join('\n\n')}` : ''
}

/** Drafts of steps that do not publish (planning) are left out, and said so. */
function unpublished(done: readonly StepResult[]): string[] {
  return done
    .filter((d) => !d.step.publishes && (d.result.draft.reviews.length > 0 || d.result.draft.comments.length > 0))
    .map((d) => `${d.result.member} drafted a publication while it was to ${d.step.stage === 'delegate' ? 'delegate' : d.step.stage}; not published`)
}

export interface StepPublication {
  publication: FleetPublication
  /** The fleet's answer as text (a flow's next node reads it): the deciding step's, else every shown step's. */
  text: string
}

export function mergeStepResults(fleet: FleetDef, done: readonly StepResult[]): StepPublication {
  const summary = summarize(fleet, done)
  const shown = [...(summary.decider ? [summary.decider] : []), ...summary.others]
  const results = shown.map((s) => s.result)
  const notes = [...unfinished(done.map((d) => d.result)), ...summary.notes, ...unpublished(done)]
  const footer = unfinished(done.map((d) => d.result)).map((n) => `_${n}_`)
  const text = summary.decider ? summary.decider.result.text : results.map((r) => `${r.member}: ${r.text}`).join('\n\n')
  const reviewed = results.some((r) => memberVerdict(r) !== null)
  const sections = shown.map((s) => sectionOf(s, reviewed ? memberVerdict(s.result) : null)).filter((s) => s !== '')
  const extra = summary.details ? [summary.details] : []
  if (!reviewed) {
    if (sections.length === 0) return { publication: { review: null, comment: null, verdict: null, notes }, text }
    const comment = [`**Fleet \`${fleet.name}\`** (${fleet.mode})`, summary.line, ...sections, ...extra, ...footer].join('\n\n')
    return { publication: { review: null, comment, verdict: null, notes }, text }
  }
  const deciderVerdict = summary.decider ? memberVerdict(summary.decider.result) : null
  const verdict = summary.forced?.verdict ?? deciderVerdict ?? strictest(results.filter((r) => memberVerdict(r) !== null))
  const header = [`**Review by fleet \`${fleet.name}\`** (${fleet.mode})`, summary.line, ...(summary.forced ? [`${summary.forced.why}.`] : [])]
  const inline = mergeInline(results, new Set(results.map((r) => r.member)).size > 1)
  if (inline.duplicates > 0) {
    notes.push(`fleet ${fleet.name}: ${inline.duplicates} inline comment${inline.duplicates === 1 ? '' : 's'} made by more than one member merged`)
  }
  const body = [...header, ...sections, ...extra, ...footer].join('\n\n')
  return { publication: { review: { event: verdict, body, comments: inline.comments }, comment: null, verdict, notes }, text }
}
