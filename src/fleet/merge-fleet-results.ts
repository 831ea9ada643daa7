// A fleet's members' drafts -> one publication: one review when any member reviewed (their comments
// folded into its body), otherwise one comment. `merge` keeps the strictest verdict; `consensus`
// takes the verdict most members gave, or, with coordination.consensus, what AOF's algorithm decides.
import type { FleetDef } from '../config/types.js'
import type { ReviewEvent } from '../github/types.js'
import { answerKey, evaluateConsensus, type Vote } from './evaluate-consensus.js'
import type { DraftComment, PublicationDraft, ReviewDraft } from './publication-draft.js'

/** What running one member gave: the shell's part of a MemberResult. */
export interface MemberRun {
  status: 'ran' | 'failed' | 'budget'
  /** One sentence: how it stopped. */
  detail: string
  /** The member's last answer ('' when none). */
  text: string
  draft: PublicationDraft
}

export interface MemberResult extends Omit<MemberRun, 'status'> {
  /** The member's name in the fleet. */
  member: string
  /** The plan's label (`fleet:NAME/member`). */
  label: string
  /** `skipped`: a pipeline stopped before it, because an earlier member failed. */
  status: MemberRun['status'] | 'skipped'
}

export interface FleetPublication {
  /** The one review to submit, when any member drafted one. */
  review: ReviewDraft | null
  /** The one comment to post, when no member reviewed but some commented. */
  comment: string | null
  /** The merged verdict (null: nobody reviewed). */
  verdict: ReviewEvent | null
  /** For the job summary: members that did not finish, disagreement, merged duplicates. */
  notes: string[]
}

const STRICTNESS: Record<ReviewEvent, number> = { APPROVE: 0, COMMENT: 1, REQUEST_CHANGES: 2 }

export const VERDICT_WORDS: Record<ReviewEvent, string> = { APPROVE: 'approves', COMMENT: 'comments', REQUEST_CHANGES: 'requests changes' }
const VERDICT_PLURAL: Record<ReviewEvent, string> = { APPROVE: 'approve', COMMENT: 'comment', REQUEST_CHANGES: 'request changes' }

/** A member's own verdict: the strictest of its reviews; null when it drafted none. */
export function memberVerdict(result: MemberResult): ReviewEvent | null {
  if (result.status === 'failed' || result.status === 'skipped') return null
  let verdict: ReviewEvent | null = null
  for (const review of result.draft.reviews) {
    if (verdict === null || STRICTNESS[review.event] > STRICTNESS[verdict]) verdict = review.event
  }
  return verdict
}

/** REQUEST_CHANGES if any member asks for changes; APPROVE only if every member approves. */
export function strictest(members: MemberResult[]): ReviewEvent {
  const verdicts = members.map(memberVerdict)
  if (verdicts.includes('REQUEST_CHANGES')) return 'REQUEST_CHANGES'
  return verdicts.length > 0 && verdicts.every((v) => v === 'APPROVE') ? 'APPROVE' : 'COMMENT'
}

function majority(members: MemberResult[]): { verdict: ReviewEvent; line: string; disagree: boolean } {
  const counts = new Map<ReviewEvent, number>()
  for (const verdict of members.map(memberVerdict)) if (verdict) counts.set(verdict, (counts.get(verdict) ?? 0) + 1)
  // A member that failed or did not review has no vote, but still counts toward the majority needed.
  for (const [verdict, count] of counts) {
    if (count * 2 > members.length) {
      const verb = count === 1 ? VERDICT_WORDS[verdict] : VERDICT_PLURAL[verdict]
      return { verdict, line: `Consensus: ${count} of ${members.length} members ${verb}.`, disagree: false }
    }
  }
  const votes = members.map((m) => {
    const verdict = memberVerdict(m)
    return `${m.member} ${verdict ? VERDICT_WORDS[verdict] : 'gave no verdict'}`
  })
  return { verdict: 'COMMENT', line: `Members disagree (${votes.join(', ')}); no verdict has a majority, so this is a comment.`, disagree: true }
}

/** What a member votes: its review verdict when it drafted one, else its answer's fingerprint (AOF's). */
export function voteOf(fleet: FleetDef, result: MemberResult): Vote {
  const verdict = memberVerdict(result)
  const weight = fleet.members.find((m) => m.name === result.member)?.weight ?? 1
  return { member: result.member, key: verdict ?? answerKey(result.text), weight }
}

/** coordination.consensus given: AOF's engine over the members that answered (AOF drops the others). */
function configuredConsensus(fleet: FleetDef, members: MemberResult[]): { verdict: ReviewEvent; line: string; disagree: boolean } {
  const outcome = evaluateConsensus(
    fleet.consensus,
    members.filter((m) => m.status === 'ran').map((m) => voteOf(fleet, m))
  )
  const algorithm = outcome.algorithm.replace('_', ' ')
  const winner = members.find((m) => m.member === outcome.winner)
  const verdict = winner ? memberVerdict(winner) : null
  if (outcome.reached && verdict) {
    const share = `${outcome.votes} of ${members.filter((m) => m.status === 'ran').length} agree, confidence ${outcome.confidence.toFixed(2)}`
    return { verdict, line: `Consensus (${algorithm}: ${share}): ${winner?.member} ${VERDICT_WORDS[verdict]}.`, disagree: false }
  }
  const why = outcome.reached ? 'the agreed answer has no verdict' : (outcome.reason ?? 'no agreement')
  return { verdict: 'COMMENT', line: `No consensus (${algorithm}): ${why}; so this is a comment.`, disagree: true }
}

function commentKey(c: DraftComment): string {
  return [c.path, c.side ?? 'RIGHT', c.start_line ?? '', c.line, c.body.trim().replace(/\s+/g, ' ').toLowerCase()].join('\u0000')
}

/** Inline comments of every member, the same remark on the same line once, credited to all who made it. */
export function mergeInline(members: MemberResult[], credit: boolean): { comments: DraftComment[]; duplicates: number } {
  const merged = new Map<string, { comment: DraftComment; by: string[] }>()
  let duplicates = 0
  for (const member of members) {
    for (const review of member.draft.reviews) {
      for (const comment of review.comments) {
        const key = commentKey(comment)
        const seen = merged.get(key)
        if (seen) {
          duplicates++
          if (!seen.by.includes(member.member)) seen.by.push(member.member)
        } else {
          merged.set(key, { comment, by: [member.member] })
        }
      }
    }
  }
  const comments = [...merged.values()].map(({ comment, by }) => (credit ? { ...comment, body: `**${by.join(', ')}:** ${comment.body}` } : comment))
  return { comments, duplicates }
}

function section(member: MemberResult, verdict: ReviewEvent | null): string {
  const parts = [...member.draft.reviews.map((r) => r.body.trim()), ...member.draft.comments.map((c) => c.trim())].filter((p) => p !== '')
  const heading = `### ${member.member}${verdict ? ` (${VERDICT_WORDS[verdict]})` : ''}`
  return parts.length > 0 ? `${heading}\n\n${parts.join('\n\n')}` : ''
}

export function unfinished(members: MemberResult[]): string[] {
  return members.filter((m) => m.status !== 'ran').map((m) => `${m.member} ${m.status === 'skipped' ? 'did not run' : 'did not finish'}: ${m.detail}`)
}

export function mergeFleetResults(fleet: FleetDef, members: MemberResult[]): FleetPublication {
  const notes = unfinished(members)
  const reviewed = members.some((m) => memberVerdict(m) !== null)
  const sections = members.map((m) => section(m, reviewed ? memberVerdict(m) : null)).filter((s) => s !== '')
  const footer = notes.map((n) => `_${n}_`)
  if (!reviewed) {
    if (sections.length === 0) return { review: null, comment: null, verdict: null, notes }
    const comment = [`**Fleet \`${fleet.name}\`**`, ...sections, ...footer].join('\n\n')
    return { review: null, comment, verdict: null, notes }
  }
  let verdict = strictest(members)
  const header = [`**Review by fleet \`${fleet.name}\`** (${members.length} member${members.length === 1 ? '' : 's'})`]
  if (fleet.aggregation === 'consensus') {
    const vote = fleet.consensus ? configuredConsensus(fleet, members) : majority(members)
    verdict = vote.verdict
    header.push(vote.line)
    if (vote.disagree) notes.push(`fleet ${fleet.name}: members disagree; posted as a comment`)
  }
  const inline = mergeInline(members, members.length > 1)
  if (inline.duplicates > 0)
    notes.push(`fleet ${fleet.name}: ${inline.duplicates} inline comment${inline.duplicates === 1 ? '' : 's'} made by more than one member merged`)
  const body = [...header, ...sections, ...footer].join('\n\n')
  return { review: { event: verdict, body, comments: inline.comments }, comment: null, verdict, notes }
}
