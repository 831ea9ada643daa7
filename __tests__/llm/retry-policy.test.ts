import { describe, expect, it } from '@jest/globals'
import { DEFAULT_RETRY_SETTINGS, retryPolicy, type FailureKind } from '../../src/llm/retry-policy.js'

describe('retryPolicy', () => {
  it.each<[string, FailureKind, number | null, number, boolean, number]>([
    ['waits what a 429 asks', 'rate_limit', 30, 0, true, 30_000],
    ['honours a 0 s retry-after', 'rate_limit', 0, 0, true, 0],
    ['backs off 2 s on a first 529', 'overloaded', null, 0, true, 2_000],
    ['doubles the backoff each retry', 'overloaded', null, 2, true, 8_000],
    ['retries a 5xx', 'server', null, 1, true, 4_000],
    ['retries a timeout', 'timeout', null, 0, true, 2_000],
    ['retries a refused connection', 'connection', null, 0, true, 2_000],
    ['stops after three retries', 'server', null, 3, false, 0],
    ['refuses a retry-after past the 60 s ceiling', 'rate_limit', 3_600, 0, false, 0],
    ['never retries a 4xx', 'fatal', null, 0, false, 0]
  ])('%s', (_, kind, retryAfterSeconds, retryCount, retry, waitMs) => {
    expect(retryPolicy({ kind, retryAfterSeconds, retryCount })).toMatchObject({ retry, waitMs })
  })

  it('scales every wait for tests', () => {
    expect(retryPolicy({ kind: 'rate_limit', retryAfterSeconds: 5, retryCount: 0 }, { ...DEFAULT_RETRY_SETTINGS, timeScale: 0.001 }).waitMs).toBe(5)
  })

  it('caps the backoff at the longest wait', () => {
    expect(retryPolicy({ kind: 'server', retryAfterSeconds: null, retryCount: 9 }, { ...DEFAULT_RETRY_SETTINGS, maxRetries: 20 }).waitMs).toBe(60_000)
  })

  it('says why in one sentence', () => {
    expect(retryPolicy({ kind: 'rate_limit', retryAfterSeconds: 3_600, retryCount: 0 }).reason).toBe(
      'rate limited (429); the provider asks to wait 3600s, longer than the 60s this run waits'
    )
    expect(retryPolicy({ kind: 'overloaded', retryAfterSeconds: null, retryCount: 1 }).reason).toBe('overloaded; retry 2/3 in 4s')
  })
})
