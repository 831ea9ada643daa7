import { describe, expect, it } from '@jest/globals'
import { GITHUB_RETRY, type Failure } from '../../src/retry/retry-policy.js'
import { withRetry, type RetryShell } from '../../src/retry/with-retry.js'
import { fakeClock } from './fake-clock.js'

class Answer extends Error {
  constructor(readonly failure: Failure) {
    super(`HTTP ${failure.status}`)
  }
}

function shell(lines: string[], overrides: Partial<RetryShell<Failure>> = {}): RetryShell<Failure> {
  return {
    settings: GITHUB_RETRY,
    clock: fakeClock(),
    logger: { info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) },
    label: 'GitHub: POST /x',
    replaySafe: true,
    classify: (error) => (error as Answer).failure,
    ...overrides
  }
}

/** A call that fails with each of `failures` in turn, then answers 'ok'. */
function failing(...failures: Failure[]): { call: () => Promise<string>; calls: () => number } {
  let calls = 0
  return {
    call: async () => {
      const failure = failures[calls++]
      if (failure) throw new Answer(failure)
      return 'ok'
    },
    calls: () => calls
  }
}

const server = (status = 500): Failure => ({ kind: 'server', status, headers: {} })

describe('withRetry', () => {
  it('waits the policy’s backoff between attempts, logging each retry', async () => {
    const lines: string[] = []
    const clock = fakeClock()
    const { call, calls } = failing(server(502), server(503))
    await expect(withRetry(call, shell(lines, { clock }))).resolves.toBe('ok')
    expect(calls()).toBe(3)
    expect(clock.waits).toEqual([2_000, 4_000])
    expect(lines).toEqual([
      'info: GitHub: POST /x hit a server error (HTTP 502); retry 1/3 in 2s',
      'info: GitHub: POST /x hit a server error (HTTP 503); retry 2/3 in 4s'
    ])
  })

  it('gives up after the last retry with a warning, throwing what finalError makes', async () => {
    const lines: string[] = []
    const { call, calls } = failing(server(), server(), server(), server(), server())
    const attempts: number[] = []
    const finalError = (_e: unknown, _f: Failure, n: number) => {
      attempts.push(n)
      return new Error('final')
    }
    await expect(withRetry(call, shell(lines, { finalError }))).rejects.toThrow('final')
    expect(calls()).toBe(4)
    expect(attempts).toEqual([4])
    expect(lines.at(-1)).toBe('warning: GitHub: POST /x hit a server error (HTTP 500) again; gave up after 3 retries')
  })

  it('throws a fatal failure at once and quietly: the caller reports it', async () => {
    const lines: string[] = []
    const { call, calls } = failing({ kind: 'fatal', status: 404, headers: {} })
    await expect(withRetry(call, shell(lines))).rejects.toThrow('HTTP 404')
    expect(calls()).toBe(1)
    expect(lines).toEqual([])
  })

  it('does not send a request that is not replay-safe again after a timeout', async () => {
    const lines: string[] = []
    const { call, calls } = failing({ kind: 'timeout', status: 504, headers: {} })
    await expect(withRetry(call, shell(lines, { replaySafe: false }))).rejects.toThrow('HTTP 504')
    expect(calls()).toBe(1)
    expect(lines[0]).toMatch(/^warning: .*a retry could do it twice$/)
  })
})
