// Spacing between request starts, for servers that ask for it (GitHub: a second between
// content-creating requests). The rule is a pure function of what started when; `Pacer` applies
// it through an injected clock, so a test checks every wait without real time passing.
import type { Clock } from './with-retry.js'

export interface PaceRule {
  /** Least time between two starts, once `unpaced` starts have gone out. */
  spacingMs: number
  /** Starts that go out without spacing (0 and 1 both mean: space from the second start on). */
  unpaced: number
}

export interface PaceState {
  started: number
  /** When the last start went out (the clock's ms), or null before the first. */
  lastStartMs: number | null
}

/** How long the next start waits: nothing for the first `unpaced`, then what is left of the spacing. */
export function paceWaitMs(state: PaceState, nowMs: number, rule: PaceRule): number {
  if (state.lastStartMs === null || state.started < Math.max(rule.unpaced, 1)) return 0
  return Math.max(0, state.lastStartMs + rule.spacingMs - nowMs)
}

/** Takes turns in call order and holds each until its start is due. */
export class Pacer {
  private state: PaceState = { started: 0, lastStartMs: null }
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly rule: PaceRule,
    private readonly clock: Clock
  ) {}

  /** Resolves when the caller may start. */
  turn(): Promise<void> {
    const mine = this.queue.then(async () => {
      const wait = paceWaitMs(this.state, this.clock.now(), this.rule)
      if (wait > 0) await this.clock.sleep(wait)
      this.state = { started: this.state.started + 1, lastStartMs: this.clock.now() }
    })
    // A sleep that rejected must not stop the turns after it.
    this.queue = mine.catch(() => undefined)
    return mine
  }
}
