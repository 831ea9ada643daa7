// The shell around the policy: runs a call, asks `decideRetry` after each failure, logs and waits.
// Time comes from an injected clock, so tests wait for nothing and assert every wait exactly.
import { decideRetry, type Failure, type RetrySettings } from './retry-policy.js'
import type { Logger } from '../shared/logger.js'

export type Sleep = (ms: number) => Promise<void>

export interface Clock {
  /** Epoch ms. */
  now(): number
  sleep: Sleep
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))
}

/** What the loop reports: a Logger's info and warning. */
export type RetryLogger = Pick<Logger, 'info' | 'warning'>

export interface RetryShell<F extends Failure> {
  settings: RetrySettings
  clock: Clock
  logger: RetryLogger
  /** Starts each log line: `GitHub: POST /repos/{owner}/{repo}/issues` or `anthropic:claude-sonnet-4-5:`. */
  label: string
  replaySafe: boolean
  /** Reads a thrown error into plain data; each adapter brings its own. */
  classify(error: unknown): F
  /** What to throw once the policy gives up (the error itself when absent). */
  finalError?(error: unknown, failure: F, attempts: number): unknown
}

export async function withRetry<T, F extends Failure>(call: () => Promise<T>, shell: RetryShell<F>): Promise<T> {
  for (let retryCount = 0; ; retryCount++) {
    try {
      return await call()
    } catch (error) {
      const failure = shell.classify(error)
      const decision = decideRetry({ ...failure, retryCount, replaySafe: shell.replaySafe, nowMs: shell.clock.now() }, shell.settings)
      if (!decision.retry) {
        if (failure.kind !== 'fatal') shell.logger.warning(`${shell.label} ${decision.reason}`)
        throw shell.finalError ? shell.finalError(error, failure, retryCount + 1) : error
      }
      shell.logger.info(`${shell.label} ${decision.reason}`)
      await shell.clock.sleep(decision.waitMs)
    }
  }
}
