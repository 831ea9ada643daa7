// AOF's consensus engine: members' answers grouped by a fingerprint, then one of five algorithms
// decides whether they agree. Pure.
import type { ConsensusAlgorithm, ConsensusSettings } from '../config/types.js'

/** One member's answer. Failed members give none (AOF drops them before voting). */
export interface Vote {
  member: string
  /** What is compared: equal keys agree. */
  key: string
  /** The member's own weight (AOF's default 1.0); `weights` in the settings take precedence. */
  weight: number
}

export interface ConsensusOutcome {
  algorithm: ConsensusAlgorithm
  reached: boolean
  /** The member whose answer stands for the winning group (null: no answer at all). */
  winner: string | null
  /** Members in the winning group. */
  votes: number
  /** 0..1: the winning group's share (of members, or of weight for weighted). */
  confidence: number
  requiresReview: boolean
  /** Why a person should look, when requiresReview. */
  reason: string | null
}

const MAJORITY: ConsensusSettings = { algorithm: 'majority', weights: {} }

/** AOF's response_key: trimmed and lower-cased; beyond 100 characters, the first 100 and the length. */
export function answerKey(text: string): string {
  const normalized = text.trim().toLowerCase()
  const chars = [...normalized]
  return chars.length <= 100 ? normalized : `${chars.slice(0, 100).join('')}...${chars.length}`
}

interface Group {
  key: string
  members: string[]
  weight: number
}

function weightOf(settings: ConsensusSettings, vote: Vote): number {
  return Object.hasOwn(settings.weights, vote.member) ? (settings.weights[vote.member] as number) : vote.weight
}

/** Groups in the order their first member voted, so ties go to the earliest answer. */
function groupVotes(votes: readonly Vote[], settings: ConsensusSettings): Group[] {
  const groups = new Map<string, Group>()
  for (const vote of votes) {
    const group = groups.get(vote.key) ?? { key: vote.key, members: [], weight: 0 }
    group.members.push(vote.member)
    group.weight += weightOf(settings, vote)
    groups.set(vote.key, group)
  }
  return [...groups.values()]
}

function largest(groups: Group[], by: (g: Group) => number): Group | null {
  let best: Group | null = null
  for (const group of groups) if (!best || by(group) > by(best)) best = group
  return best
}

const fixed = (n: number): string => n.toFixed(2)

/** `settings` absent: AOF's default engine (majority, more than half of the answers). */
export function evaluateConsensus(settings: ConsensusSettings | undefined, votes: readonly Vote[]): ConsensusOutcome {
  const s = settings ?? MAJORITY
  const base = { algorithm: s.algorithm }
  if (votes.length === 0) {
    return { ...base, reached: false, winner: null, votes: 0, confidence: 0, requiresReview: true, reason: 'no member gave an answer to vote on' }
  }
  const groups = groupVotes(votes, s)
  const total = votes.length
  switch (s.algorithm) {
    case 'unanimous': {
      const agree = groups.length === 1
      return {
        ...base,
        reached: agree,
        winner: agree ? (votes[0]?.member ?? null) : null,
        votes: agree ? total : 0,
        confidence: agree ? 1 : 0,
        requiresReview: !agree,
        reason: agree ? null : 'not all members agreed (unanimous consensus required)'
      }
    }
    case 'weighted': {
      const totalWeight = votes.reduce((sum, v) => sum + weightOf(s, v), 0)
      const best = largest(groups, (g) => g.weight) as Group
      const confidence = totalWeight > 0 ? best.weight / totalWeight : 0
      const threshold = s.minConfidence ?? 0.5
      const reached = confidence >= threshold
      return {
        ...base,
        reached,
        winner: best.members[0] ?? null,
        votes: best.members.length,
        confidence,
        requiresReview: !reached,
        reason: reached ? null : `weighted confidence ${fixed(confidence)} below threshold ${fixed(threshold)}`
      }
    }
    case 'first_wins':
      return { ...base, reached: true, winner: votes[0]?.member ?? null, votes: 1, confidence: 1, requiresReview: false, reason: null }
    case 'human_review':
      // AOF suggests the most confident answer; members give no confidence here, so the first.
      return {
        ...base,
        reached: false,
        winner: votes[0]?.member ?? null,
        votes: 0,
        confidence: 0,
        requiresReview: true,
        reason: 'human review required for the final decision'
      }
    case 'majority': {
      const best = largest(groups, (g) => g.members.length) as Group
      const needed = s.minVotes ?? Math.floor(total / 2) + 1
      const confidence = best.members.length / total
      const reached = best.members.length >= needed
      const requiresReview = !reached || (s.minConfidence !== undefined && confidence < s.minConfidence)
      return {
        ...base,
        reached,
        winner: best.members[0] ?? null,
        votes: best.members.length,
        confidence,
        requiresReview,
        reason: requiresReview ? `${best.members.length} of ${total} agree (need ${needed}); confidence ${fixed(confidence)}` : null
      }
    }
  }
}
