// A clock whose time moves only when something sleeps: every wait is recorded, none is real.
import type { Clock } from '../../src/retry/with-retry.js'

export interface FakeClock extends Clock {
  waits: number[]
  advance(ms: number): void
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start
  const waits: number[] = []
  return {
    waits,
    now: () => now,
    advance: (ms) => {
      now += ms
    },
    sleep: async (ms) => {
      waits.push(ms)
      now += ms
    }
  }
}
