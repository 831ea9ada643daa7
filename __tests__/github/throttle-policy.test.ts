import { DEFAULT_THROTTLE_SETTINGS, throttlePolicy, type RetryQuestion } from '../../src/github/throttle-policy.js'

const ask = (q: Partial<RetryQuestion>): RetryQuestion => ({
  kind: 'server',
  retryAfterSeconds: null,
  retryCount: 0,
  method: 'POST',
  url: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
  ...q
})

describe('throttlePolicy', () => {
  it.each([
    ['waits exactly the retry-after of a secondary limit', ask({ kind: 'secondary', retryAfterSeconds: 30 }), true, 30_000],
    ['waits a minute after a secondary limit without retry-after', ask({ kind: 'secondary' }), true, 60_000],
    ['doubles the minute on each further secondary limit', ask({ kind: 'secondary', retryCount: 1 }), true, 120_000],
    ['gives up when the doubled wait passes the cap', ask({ kind: 'secondary', retryCount: 2 }), false, 0],
    ['waits until the primary limit resets', ask({ kind: 'primary', retryAfterSeconds: 5 }), true, 5_000],
    ['gives up when the primary limit resets after the cap', ask({ kind: 'primary', retryAfterSeconds: 3_000 }), false, 0],
    ['backs off 1 s after the first server error', ask({ kind: 'server' }), true, 1_000],
    ['backs off 4 s after the second server error', ask({ kind: 'server', retryCount: 1 }), true, 4_000],
    ['backs off 9 s after the third server error', ask({ kind: 'server', retryCount: 2 }), true, 9_000],
    ['never retries a server error sooner than its retry-after', ask({ kind: 'server', retryAfterSeconds: 20 }), true, 20_000],
    ['gives up after three retries of a server error', ask({ kind: 'server', retryCount: 3 }), false, 0],
    ['gives up after three retries of a secondary limit', ask({ kind: 'secondary', retryAfterSeconds: 1, retryCount: 3 }), false, 0]
  ])('%s', (_name, question, retry, waitMs) => {
    const decision = throttlePolicy(question)
    expect(decision).toMatchObject({ retry, waitMs })
  })

  it('scales every wait by timeScale so tests stay fast', () => {
    const decision = throttlePolicy(ask({ kind: 'secondary', retryAfterSeconds: 60 }), { ...DEFAULT_THROTTLE_SETTINGS, timeScale: 0.001 })
    expect(decision).toMatchObject({ retry: true, waitMs: 60 })
  })

  it('compares the cap with the unscaled wait, so scaling never turns a refusal into a retry', () => {
    const decision = throttlePolicy(ask({ kind: 'primary', retryAfterSeconds: 3_000 }), { ...DEFAULT_THROTTLE_SETTINGS, timeScale: 0.001 })
    expect(decision.retry).toBe(false)
  })

  it('caps its own server-error backoff instead of refusing', () => {
    const decision = throttlePolicy(ask({ kind: 'server', retryCount: 4 }), { maxRetries: 10, maxWaitMs: 10_000, timeScale: 1 })
    expect(decision).toMatchObject({ retry: true, waitMs: 10_000 })
  })

  it('names the request, the cause and the attempt in its reason', () => {
    const decision = throttlePolicy(ask({ kind: 'secondary', retryAfterSeconds: 2 }))
    expect(decision.reason).toBe('POST /repos/{owner}/{repo}/issues/{issue_number}/comments hit the secondary rate limit; retry 1/3 in 2s')
  })

  it('honours a custom retry bound', () => {
    expect(throttlePolicy(ask({ retryCount: 1 }), { ...DEFAULT_THROTTLE_SETTINGS, maxRetries: 1 }).retry).toBe(false)
  })
})
