import { describe, expect, it } from '@jest/globals'
import { askedWaitMs, decideRetry, GITHUB_RETRY, kindOfStatus, MODEL_RETRY, type FailureKind, type RetryQuestion } from '../../src/retry/retry-policy.js'

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0)

const ask = (q: Partial<RetryQuestion>): RetryQuestion => ({
  kind: 'server',
  status: 500,
  headers: {},
  retryCount: 0,
  replaySafe: true,
  nowMs: NOW,
  ...q
})

type Row = [string, Partial<RetryQuestion>, false | number]

describe('decideRetry with GitHub bounds', () => {
  it.each<Row>([
    ['waits exactly the retry-after of a secondary limit', { kind: 'secondary_limit', status: 403, headers: { 'retry-after': '30' } }, 30_000],
    ['waits a minute after a secondary limit without retry-after', { kind: 'secondary_limit', status: 403 }, 60_000],
    ['doubles the minute on each further secondary limit', { kind: 'secondary_limit', status: 403, retryCount: 1 }, 120_000],
    ['gives up when the doubled wait passes the cap', { kind: 'secondary_limit', status: 403, retryCount: 2 }, false],
    [
      'retries a secondary limit on a POST: GitHub refused it, nothing was created',
      { kind: 'secondary_limit', status: 429, replaySafe: false, headers: { 'retry-after': '1' } },
      1_000
    ],
    [
      'waits until a spent quota resets, plus a second',
      { kind: 'primary_limit', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 5) } },
      6_000
    ],
    ['waits a minute for a spent quota without a reset time', { kind: 'primary_limit', status: 403 }, 60_000],
    [
      'gives up when the quota resets after the cap',
      { kind: 'primary_limit', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3_000) } },
      false
    ],
    ['backs off 2 s after the first server error', {}, 2_000],
    ['backs off 4 s after the second', { retryCount: 1 }, 4_000],
    ['backs off 8 s after the third', { retryCount: 2 }, 8_000],
    ['gives up after three retries', { retryCount: 3 }, false],
    ['waits a server error’s retry-after rather than its own backoff', { headers: { 'retry-after': '20' } }, 20_000],
    ['retries a 500 on a POST: GitHub answered that it failed', { replaySafe: false }, 2_000],
    ['retries a bare 429', { kind: 'rate_limit', status: 429 }, 2_000],
    ['retries a refused connection on a POST: nothing was sent', { kind: 'connection', status: null, replaySafe: false }, 2_000],
    ['retries a read that timed out', { kind: 'timeout', status: null }, 2_000],
    ['never repeats a POST that timed out: it may have created the comment', { kind: 'timeout', status: null, replaySafe: false }, false],
    ['never repeats a POST after a 504', { kind: 'timeout', status: 504, replaySafe: false }, false],
    ['never retries a 403 that is not a rate limit', { kind: 'fatal', status: 403 }, false]
  ])('%s', (_name, question, expected) => {
    const decision = decideRetry(ask(question), GITHUB_RETRY)
    expect(decision.retry ? decision.waitMs : false).toBe(expected)
  })
})

describe('decideRetry with model bounds', () => {
  it.each<Row>([
    ['waits what a 429 asks', { kind: 'rate_limit', status: 429, headers: { 'retry-after': '30' } }, 30_000],
    ['honours a 0 s retry-after', { kind: 'rate_limit', status: 429, headers: { 'retry-after': '0' } }, 0],
    ['reads Anthropic’s retry-after-ms first', { kind: 'rate_limit', status: 429, headers: { 'retry-after-ms': '1500', 'retry-after': '9' } }, 1_500],
    ['reads a retry-after given as an HTTP date', { kind: 'rate_limit', status: 429, headers: { 'retry-after': new Date(NOW + 7_000).toUTCString() } }, 7_000],
    ['takes a wait read from the body (Gemini’s RetryInfo)', { kind: 'rate_limit', status: 429, askedWaitMs: 37_000 }, 37_000],
    ['backs off 2 s on a first 529', { kind: 'overloaded', status: 529 }, 2_000],
    ['doubles the backoff each retry', { kind: 'overloaded', status: 529, retryCount: 2 }, 8_000],
    ['retries a timeout of a model call, which is safe to send again', { kind: 'timeout', status: null }, 2_000],
    ['stops after three retries', { retryCount: 3 }, false],
    ['refuses a retry-after past the 60 s ceiling', { kind: 'rate_limit', status: 429, headers: { 'retry-after': '3600' } }, false],
    ['never retries a 4xx', { kind: 'fatal', status: 400 }, false]
  ])('%s', (_name, question, expected) => {
    const decision = decideRetry(ask(question), MODEL_RETRY)
    expect(decision.retry ? decision.waitMs : false).toBe(expected)
  })

  it('caps its own backoff at the longest wait instead of refusing', () => {
    const decision = decideRetry(ask({ retryCount: 9 }), { ...MODEL_RETRY, maxRetries: 20 })
    expect(decision).toMatchObject({ retry: true, waitMs: 60_000 })
  })
})

describe('decideRetry, every case', () => {
  it('scales every wait, so tests stay fast', () => {
    const decision = decideRetry(ask({ kind: 'secondary_limit', status: 403, headers: { 'retry-after': '60' } }), { ...GITHUB_RETRY, timeScale: 0.001 })
    expect(decision).toMatchObject({ retry: true, waitMs: 60 })
  })

  it('compares the cap with the unscaled wait, so scaling never turns a refusal into a retry', () => {
    const decision = decideRetry(ask({ kind: 'secondary_limit', status: 403, headers: { 'retry-after': '3000' } }), { ...GITHUB_RETRY, timeScale: 0.001 })
    expect(decision.retry).toBe(false)
  })

  it.each<[string, Partial<RetryQuestion>, string]>([
    ['a retry', { kind: 'secondary_limit', status: 403, headers: { 'retry-after': '2' } }, 'hit the secondary rate limit; retry 1/3 in 2s'],
    ['a server error', { status: 502, retryCount: 1 }, 'hit a server error (HTTP 502); retry 2/3 in 4s'],
    [
      'a wait too long',
      { kind: 'rate_limit', status: 429, headers: { 'retry-after': '3600' } },
      'was rate limited (HTTP 429); asked to wait 3600s, longer than the 120s this run waits'
    ],
    ['the last retry', { kind: 'overloaded', status: 529, retryCount: 3 }, 'found the server overloaded (HTTP 529) again; gave up after 3 retries'],
    [
      'a POST not repeated',
      { kind: 'timeout', status: null, replaySafe: false },
      'got no answer in time; not sent again, since it may have been carried out and a retry could do it twice'
    ]
  ])('says why in one sentence: %s', (_name, question, reason) => {
    expect(decideRetry(ask(question), GITHUB_RETRY).reason).toBe(reason)
  })
})

describe('kindOfStatus', () => {
  it.each<[number, FailureKind]>([
    [429, 'rate_limit'],
    [529, 'overloaded'],
    [504, 'timeout'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [408, 'server'],
    [400, 'fatal'],
    [404, 'fatal'],
    [422, 'fatal']
  ])('reads %i as %s', (status, kind) => {
    expect(kindOfStatus(status)).toBe(kind)
  })
})

describe('askedWaitMs', () => {
  it.each<[string, Record<string, string>, number | null]>([
    ['nothing asked', {}, null],
    ['a negative retry-after counts as now', { 'retry-after': '-5' }, 0],
    ['an unreadable retry-after is no answer', { 'retry-after': 'soon' }, null],
    ['a reset in the past means one second', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 - 60) }, 1_000],
    ['a reset without a spent quota is no wait', { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': String(NOW / 1000 + 60) }, null]
  ])('%s', (_name, headers, expected) => {
    expect(askedWaitMs({ kind: 'server', status: 500, headers }, NOW)).toBe(expected)
  })
})
