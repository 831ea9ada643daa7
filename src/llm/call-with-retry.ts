// Runs one model call under the retry policy; a final failure becomes a ModelCallError.
import { ModelCallError, type ModelFailure } from './model-call-error.js'
import { retryPolicy, type RetrySettings } from './retry-policy.js'
import type { ModelLogger, Provider, Sleep } from './types.js'

export interface RetryContext {
  provider: Provider
  model: string
  settings: RetrySettings
  sleep: Sleep
  logger: ModelLogger
  /** Reads a provider's thrown error into plain data; each adapter brings its own. */
  classify(error: unknown): ModelFailure
}

export const realSleep: Sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function callWithRetry<T>(call: () => Promise<T>, context: RetryContext): Promise<T> {
  for (let retryCount = 0; ; retryCount++) {
    try {
      return await call()
    } catch (error) {
      const failure = context.classify(error)
      const decision = retryPolicy({ kind: failure.kind, retryAfterSeconds: failure.retryAfterSeconds, retryCount }, context.settings)
      const label = `${context.provider}:${context.model}`
      if (!decision.retry) {
        if (failure.kind !== 'fatal') context.logger.warning(`${label}: ${decision.reason}`)
        throw new ModelCallError(context.provider, context.model, failure, retryCount + 1)
      }
      context.logger.info(`${label}: ${decision.reason}`)
      await context.sleep(decision.waitMs)
    }
  }
}
