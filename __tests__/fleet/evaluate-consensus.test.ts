import { describe, expect, it } from '@jest/globals'
import type { ConsensusSettings } from '../../src/config/types.js'
import { answerKey, evaluateConsensus, type Vote } from '../../src/fleet/evaluate-consensus.js'

const votes = (...keys: string[]): Vote[] => keys.map((key, i) => ({ member: `m${i + 1}`, key, weight: 1 }))
const settings = (s: Partial<ConsensusSettings>): ConsensusSettings => ({ algorithm: 'majority', weights: {}, ...s })

describe('evaluateConsensus (AOF consensus engine)', () => {
  it.each<
    [string, ConsensusSettings | undefined, Vote[], { reached: boolean; winner: string | null; votes: number; confidence: number; requiresReview: boolean }]
  >([
    ['default majority: 2 of 3 agree', undefined, votes('X', 'X', 'Y'), { reached: true, winner: 'm1', votes: 2, confidence: 2 / 3, requiresReview: false }],
    ['default majority: all differ', undefined, votes('A', 'B', 'C'), { reached: false, winner: 'm1', votes: 1, confidence: 1 / 3, requiresReview: true }],
    [
      'majority: an even split is no majority',
      undefined,
      votes('A', 'A', 'B', 'B'),
      { reached: false, winner: 'm1', votes: 2, confidence: 0.5, requiresReview: true }
    ],
    [
      'majority with min_votes 2 of 4',
      settings({ minVotes: 2 }),
      votes('A', 'A', 'B', 'C'),
      { reached: true, winner: 'm1', votes: 2, confidence: 0.5, requiresReview: false }
    ],
    [
      'majority below min_confidence: reached, but flagged',
      settings({ minConfidence: 0.9 }),
      votes('A', 'A', 'B'),
      { reached: true, winner: 'm1', votes: 2, confidence: 2 / 3, requiresReview: true }
    ],
    [
      'unanimous: all agree',
      settings({ algorithm: 'unanimous' }),
      votes('A', 'A'),
      { reached: true, winner: 'm1', votes: 2, confidence: 1, requiresReview: false }
    ],
    [
      'unanimous: one differs',
      settings({ algorithm: 'unanimous' }),
      votes('A', 'A', 'B'),
      { reached: false, winner: null, votes: 0, confidence: 0, requiresReview: true }
    ],
    [
      'first_wins: the first answer',
      settings({ algorithm: 'first_wins' }),
      votes('B', 'A', 'A'),
      { reached: true, winner: 'm1', votes: 1, confidence: 1, requiresReview: false }
    ],
    [
      'human_review: never reached',
      settings({ algorithm: 'human_review' }),
      votes('A', 'A'),
      { reached: false, winner: 'm1', votes: 0, confidence: 0, requiresReview: true }
    ]
  ])('%s', (_name, s, v, expected) => {
    expect(evaluateConsensus(s, v)).toMatchObject({ ...expected, confidence: expect.closeTo(expected.confidence, 5) })
  })

  it('weighs votes by consensus.weights before the member’s own weight, and needs 0.5 by default', () => {
    const v: Vote[] = [
      { member: 'security', key: 'REQUEST_CHANGES', weight: 1 },
      { member: 'style', key: 'APPROVE', weight: 1 },
      { member: 'perf', key: 'APPROVE', weight: 0.5 }
    ]
    const weighted = settings({ algorithm: 'weighted', weights: { security: 2 } })
    expect(evaluateConsensus(weighted, v)).toMatchObject({ reached: true, winner: 'security', votes: 1, confidence: expect.closeTo(2 / 3.5, 5) })
    expect(evaluateConsensus({ ...weighted, minConfidence: 0.7 }, v)).toMatchObject({ reached: false, requiresReview: true })
    expect(evaluateConsensus({ ...weighted, minConfidence: 0.7 }, v).reason).toBe('weighted confidence 0.57 below threshold 0.70')
  })

  it('reaches nothing without answers', () => {
    expect(evaluateConsensus(undefined, [])).toMatchObject({
      reached: false,
      winner: null,
      requiresReview: true,
      reason: 'no member gave an answer to vote on'
    })
  })

  it('does not let a member named like an Object.prototype key take a weight it was not given', () => {
    const v: Vote[] = [
      { member: 'constructor', key: 'A', weight: 1 },
      { member: 'b', key: 'B', weight: 1.5 }
    ]
    expect(evaluateConsensus(settings({ algorithm: 'weighted' }), v).winner).toBe('b')
  })

  it('fingerprints answers as AOF does: trimmed, lower-cased, the first 100 characters and the length', () => {
    expect(answerKey('  LGTM \n')).toBe('lgtm')
    const long = 'a'.repeat(100)
    expect(answerKey(`${long}b`)).toBe(`${long}...101`)
    expect(answerKey(`${long}b`)).not.toBe(answerKey(`${long}bc`))
  })
})
