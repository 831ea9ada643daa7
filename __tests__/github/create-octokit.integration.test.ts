import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { getProxyUrl } from '@actions/http-client'
import { createOctokit, pacedGroup, proxyVariable } from '../../src/github/create-octokit.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startTunnelProxy } from '../support/tunnel-proxy.js'
import { recordingLogger, REPO, TOKEN } from './harness.js'

// The client is built from @octokit/core rather than @actions/github's getOctokit (see
// create-octokit.ts); these tests hold it to what getOctokit gave: a proxy when the runner sets
// one, none otherwise, and the write pacing the action relies on.

const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const

describe('createOctokit and proxies', () => {
  let github: GitHubServer
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  beforeAll(async () => {
    github = await startGitHubServer()
    github.world.addIssue(REPO, { number: 3, title: 'Crash', user: 'alice' })
  })
  afterAll(() => github.close())
  afterEach(() => {
    for (const name of PROXY_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })
  const clear = (): void => PROXY_VARIABLES.forEach((name) => delete process.env[name])

  test('with HTTP_PROXY set, every request goes through the proxy', async () => {
    clear()
    const proxy = await startTunnelProxy(github.port)
    try {
      process.env.HTTP_PROXY = proxy.url
      // A non-loopback host name: @actions/http-client never proxies localhost.
      const baseUrl = github.url.replace('127.0.0.1', 'api.github.test')
      const octokit = createOctokit({ token: TOKEN, baseUrl, logger: recordingLogger(), throttle: { timeScale: 0.001 } })
      const before = github.requests.length
      const { data } = await octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 3 })
      expect(data.title).toBe('Crash')
      expect(proxy.connects).toEqual([`api.github.test:${github.port}`])
      expect(github.requests.slice(before).map((r) => r.operationId)).toEqual(['issues/get'])
      expect(github.invalidRequests).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  test('NO_PROXY still applies: the request goes direct (and here fails to resolve the name)', async () => {
    clear()
    const proxy = await startTunnelProxy(github.port)
    try {
      process.env.HTTP_PROXY = proxy.url
      process.env.NO_PROXY = 'api.github.test'
      const baseUrl = github.url.replace('127.0.0.1', 'api.github.test')
      const octokit = createOctokit({ token: TOKEN, baseUrl, logger: recordingLogger(), throttle: { timeScale: 0.001, maxRetries: 0 } })
      await expect(octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 3 })).rejects.toThrow()
      expect(proxy.connects).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  test('a loopback API host is never proxied, as @actions/http-client decides', async () => {
    clear()
    const proxy = await startTunnelProxy(github.port)
    try {
      process.env.HTTP_PROXY = proxy.url
      const octokit = createOctokit({ token: TOKEN, baseUrl: github.url, logger: recordingLogger(), throttle: { timeScale: 0.001 } })
      const { data } = await octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 3 })
      expect(data.number).toBe(3)
      expect(proxy.connects).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  test('without proxy variables, Node fetch talks to the API directly, with the token', async () => {
    clear()
    const octokit = createOctokit({ token: TOKEN, baseUrl: github.url, logger: recordingLogger(), throttle: { timeScale: 0.001 } })
    const before = github.requests.length
    await octokit.rest.issues.get({ owner: 'acme', repo: 'app', issue_number: 3 })
    expect(github.requests.slice(before).map((r) => [r.operationId, r.actor])).toEqual([['issues/get', github.identity.login]])
  })

  test.each([
    ['https://api.github.com', { HTTPS_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
    ['https://api.github.com', { https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128' }, 'http://lower:3128'],
    ['https://api.github.com', { HTTP_PROXY: 'http://proxy:3128' }, undefined],
    ['http://ghes.internal/api/v3', { HTTP_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
    ['http://ghes.internal/api/v3', { HTTPS_PROXY: 'http://proxy:3128' }, undefined],
    ['https://api.github.com', { HTTPS_PROXY: '' }, undefined],
    ['https://api.github.com', {}, undefined]
  ])('proxyVariable(%s, %j) is %s, and a proxy is used exactly when @actions/http-client would use one', (baseUrl, env, expected) => {
    clear()
    Object.assign(process.env, env)
    expect(proxyVariable(baseUrl, process.env)).toBe(expected)
    expect(proxyVariable(baseUrl, process.env) !== undefined).toBe(getProxyUrl(baseUrl) !== '')
  })
})

describe('write pacing', () => {
  async function startTimes(group: ReturnType<typeof pacedGroup>, jobs: number): Promise<number[]> {
    const starts: number[] = []
    for (let i = 0; i < jobs; i++) await group.key('run').schedule(async () => starts.push(performance.now()))
    return starts
  }

  test('the first 10 writes of a run go out without waiting; from the 11th they are spaced', async () => {
    const spacing = 150
    const starts = await startTimes(pacedGroup(spacing, 10), 12)
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0))
    // Lower bounds are what the limiter guarantees; the upper bound only says "not paced".
    expect(gaps[9]).toBeGreaterThanOrEqual(spacing - 5)
    expect(gaps[10]).toBeGreaterThanOrEqual(spacing - 5)
    expect((starts[9] ?? 0) - (starts[0] ?? 0)).toBeLessThan(spacing)
  })

  test('with no unpaced writes, every write waits for the spacing', async () => {
    const starts = await startTimes(pacedGroup(100, 0), 3)
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(95)
    expect((starts[2] ?? 0) - (starts[1] ?? 0)).toBeGreaterThanOrEqual(95)
  })
})
