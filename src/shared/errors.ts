// Errors every stage shares: a one-line message for any thrown value, and the error that means
// "the user must change something" (printed without a stack trace).

/** The message of an Error, or the value itself as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A mistake in how the action is used (missing environment, unreadable payload, bad config). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
