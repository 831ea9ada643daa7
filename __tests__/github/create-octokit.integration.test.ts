import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { getProxyUrl } from '@actions/http-client'
import { createOctokit, proxyVariable } from '../../src/github/create-octokit.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startTunnelProxy } from '../support/tunnel-proxy.js'
import { fakeClock } from '../retry/fake-clock.js'
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
      const octokit = createOctokit({ token: TOKEN, baseUrl, logger: recordingLogger(), retry: { timeScale: 0.001 } })
      const before = github.requests.length
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'app', issue_number: 3 })
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
      const octokit = createOctokit({ token: TOKEN, baseUrl, logger: recordingLogger(), retry: { timeScale: 0.001, maxRetries: 0 } })
      await expect(octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'app', issue_number: 3 })).rejects.toThrow()
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
      const octokit = createOctokit({ token: TOKEN, baseUrl: github.url, logger: recordingLogger(), retry: { timeScale: 0.001 } })
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'app', issue_number: 3 })
      expect(data.number).toBe(3)
      expect(proxy.connects).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  test('without proxy variables, Node fetch talks to the API directly, with the token', async () => {
    clear()
    const octokit = createOctokit({ token: TOKEN, baseUrl: github.url, logger: recordingLogger(), retry: { timeScale: 0.001 } })
    const before = github.requests.length
    await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'app', issue_number: 3 })
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
  // A fake clock: the waits below are the ones the client asked for, exactly, and no real time passes.
  let github: GitHubServer
  beforeAll(async () => {
    github = await startGitHubServer()
    github.world.addIssue(REPO, { number: 3, title: 'Crash', user: 'alice' })
    github.world.addLabel(REPO, 'bug')
  })
  afterAll(() => github.close())

  const client = (unpacedWrites?: number) => {
    const clock = fakeClock()
    const octokit = createOctokit({
      token: TOKEN,
      baseUrl: github.url,
      logger: recordingLogger(),
      clock,
      ...(unpacedWrites === undefined ? {} : { unpacedWrites })
    })
    return { clock, octokit }
  }
  const label = { owner: 'acme', repo: 'app', issue_number: 3, labels: ['bug'] }

  test('the first 10 writes of a run go out without waiting; from the 11th they are spaced a second apart', async () => {
    const { clock, octokit } = client()
    for (let i = 0; i < 12; i++) await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', label)
    expect(clock.waits).toEqual([1000, 1000])
  })

  test('with no unpaced writes, every write after the first waits for the spacing', async () => {
    const { clock, octokit } = client(0)
    for (let i = 0; i < 3; i++) await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', label)
    expect(clock.waits).toEqual([1000, 1000])
  })

  test('writes that notify people are spaced 3 s apart once past the allowance', async () => {
    const { clock, octokit } = client(1)
    for (let i = 0; i < 3; i++)
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'app', issue_number: 3, body: `c${i}` })
    // Each write takes its turn in the write lane (1 s), then in the notification lane (the rest of 3 s).
    expect(clock.waits).toEqual([1000, 2000, 3000])
  })

  test('reads are never paced', async () => {
    const { clock, octokit } = client(0)
    for (let i = 0; i < 3; i++) await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'acme', repo: 'app', issue_number: 3 })
    expect(clock.waits).toEqual([])
  })

  test('a retried write waits GitHub’s retry-after, then takes its turn again', async () => {
    const { clock, octokit } = client()
    github.fail({
      operationId: 'issues/add-labels',
      status: 403,
      headers: { 'retry-after': '7' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', label)
    expect(clock.waits).toEqual([7000])
  })
})
