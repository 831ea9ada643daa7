// Injected failures: a queue of answers the server gives instead of the real one, consumed in order.
import { STATUS_CODES } from 'node:http'

export interface FaultSpec {
  operationId: string
  status: number
  headers?: Record<string, string>
  /** JSON body; defaults to GitHub's usual message for the status. */
  body?: unknown
  /** How many matching requests fail (default 1). */
  times?: number
}

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.'

/** A 403 (or 429) secondary rate limit, as GitHub sends it, with `retry-after`. */
export function secondaryRateLimit(operationId: string, options: { status?: 403 | 429; retryAfter?: number; times?: number } = {}): FaultSpec {
  return {
    operationId,
    status: options.status ?? 403,
    headers: { 'retry-after': String(options.retryAfter ?? 1) },
    body: {
      message: SECONDARY_RATE_LIMIT_MESSAGE,
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
    },
    times: options.times ?? 1
  }
}

/** A primary rate limit: 403 with `x-ratelimit-remaining: 0` and a reset time `resetInSeconds` ahead. */
export function primaryRateLimit(operationId: string, options: { resetInSeconds?: number; times?: number } = {}): FaultSpec {
  return {
    operationId,
    status: 403,
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (options.resetInSeconds ?? 1))
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
    },
    times: options.times ?? 1
  }
}

// What GitHub says for a status when the test does not care to spell it out.
function defaultMessage(status: number): string {
  switch (status) {
    case 401:
      return 'Bad credentials'
    case 403:
      return 'Resource not accessible by integration'
    case 404:
      return 'Not Found'
    case 422:
      return 'Validation Failed'
    case 429:
      return SECONDARY_RATE_LIMIT_MESSAGE
    case 500:
    case 502:
      return 'Server Error'
    default:
      return STATUS_CODES[status] ?? 'Error'
  }
}

export interface FaultAnswer {
  status: number
  headers: Record<string, string>
  body: unknown
}

export class FaultQueue {
  private readonly pending: Array<FaultSpec & { left: number }> = []

  add(spec: FaultSpec): void {
    this.pending.push({ ...spec, left: spec.times ?? 1 })
  }

  clear(): void {
    this.pending.length = 0
  }

  /** Faults not yet consumed (a test can assert its script ran out). */
  get remaining(): number {
    return this.pending.reduce((n, f) => n + f.left, 0)
  }

  /** The next fault for this operation, consumed; undefined when none is queued. */
  take(operationId: string, documentationUrl: string): FaultAnswer | undefined {
    const index = this.pending.findIndex((f) => f.operationId === operationId && f.left > 0)
    const fault = this.pending[index]
    if (!fault) return undefined
    fault.left -= 1
    if (fault.left === 0) this.pending.splice(index, 1)
    const headers = { ...(fault.status === 429 && !fault.headers ? { 'retry-after': '1' } : {}), ...(fault.headers ?? {}) }
    const body = fault.body ?? { message: defaultMessage(fault.status), documentation_url: documentationUrl, status: String(fault.status) }
    return { status: fault.status, headers, body }
  }
}
