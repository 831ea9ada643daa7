import { describe, expect, it } from '@jest/globals'
import { Pacer, paceWaitMs, type PaceRule } from '../../src/retry/pacing.js'
import { fakeClock } from './fake-clock.js'

describe('paceWaitMs', () => {
  const rule: PaceRule = { spacingMs: 1000, unpaced: 10 }
  it.each<[string, number, number | null, number, number]>([
    ['the first start never waits', 0, null, 0, 0],
    ['starts within the allowance do not wait', 9, 5_000, 5_000, 0],
    ['the first start past the allowance waits the spacing', 10, 5_000, 5_000, 1000],
    ['time already passed counts', 10, 5_000, 5_400, 600],
    ['a start long after the last waits nothing', 12, 5_000, 9_000, 0]
  ])('%s', (_name, started, lastStartMs, nowMs, expected) => {
    expect(paceWaitMs({ started, lastStartMs }, nowMs, rule)).toBe(expected)
  })

  it.each([0, 1])('with %i unpaced starts, the second start already waits', (unpaced) => {
    expect(paceWaitMs({ started: 1, lastStartMs: 0 }, 0, { spacingMs: 100, unpaced })).toBe(100)
  })
})

describe('Pacer', () => {
  async function startTimes(pacer: Pacer, now: () => number, jobs: number): Promise<number[]> {
    const starts: number[] = []
    for (let i = 0; i < jobs; i++) {
      await pacer.turn()
      starts.push(now())
    }
    return starts
  }

  it('lets the first 10 starts go at once and spaces the 11th and 12th', async () => {
    const clock = fakeClock(0)
    const starts = await startTimes(new Pacer({ spacingMs: 150, unpaced: 10 }, clock), clock.now, 12)
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 150, 300])
    expect(clock.waits).toEqual([150, 150])
  })

  it('with no unpaced starts, spaces every start after the first', async () => {
    const clock = fakeClock(0)
    const starts = await startTimes(new Pacer({ spacingMs: 100, unpaced: 0 }, clock), clock.now, 3)
    expect(starts).toEqual([0, 100, 200])
  })

  it('counts time spent between starts against the spacing', async () => {
    const clock = fakeClock(0)
    const pacer = new Pacer({ spacingMs: 1000, unpaced: 1 }, clock)
    await pacer.turn()
    clock.advance(700)
    await pacer.turn()
    expect(clock.waits).toEqual([300])
  })

  it('gives turns in call order to callers that ask at once', async () => {
    const clock = fakeClock(0)
    const pacer = new Pacer({ spacingMs: 10, unpaced: 0 }, clock)
    const order: string[] = []
    await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        await pacer.turn()
        order.push(`${name}@${clock.now()}`)
      })
    )
    expect(order).toEqual(['a@0', 'b@10', 'c@20'])
  })
})
