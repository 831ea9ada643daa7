// MCP servers through the bundle: the real "everything" MCP server from npm, over stdio and over
// streamable HTTP, a scripted Anthropic model that calls its tools, and the local GitHub API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, repoRoot, runAction } from '../support/run-action.js'
import { fixtureEvent, type Payload } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const EVERYTHING = join(repoRoot, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js')

const trigger =
  'apiVersion: aof.dev/v1\nkind: Trigger\nmetadata: {name: pr}\nspec:\n  type: GitHub\n  config: {github_events: [pull_request, pull_request_target, issues]}\n  default_agent: hybrid-agent\n'

/**
 * AOF's examples/agents/hybrid-agent.yaml, adapted to run offline: its MCP server
 * (`npx @modelcontextprotocol/server-github`, which needs npm's registry and GitHub) is the MCP
 * everything server run by node from node_modules, its path from the step's env; the MCP tools it
 * picks (search_code, create_issue) are the everything server's echo, get-sum and get-env; the
 * built-in kubectl, docker, git and shell tools are left out, and github_post_comment is added.
 */
function hybridAgent(marker: string, server = 'stdio'): string {
  const mcp =
    server === 'stdio'
      ? [
          '    - name: everything',
          '      transport: stdio',
          '      command: node',
          `      args: ["\${EVERYTHING_SERVER}", "stdio", "${marker}"]`,
          '      env:',
          '        SERVER_MODE: "${SERVER_MODE}"'
        ]
      : ['    - name: everything', '      transport: http', `      endpoint: "${server}"`, '      headers: {X-Agent: github-agent}']
  return [
    '# Hybrid Agent Example - Using both Built-in and MCP tools',
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata:',
    '  name: hybrid-agent',
    '  labels: {category: devops, tier: production}',
    'spec:',
    '  model: anthropic:claude-sonnet-5-5',
    '  instructions: |',
    '    You are a DevOps engineer with access to both built-in tools and MCP-based tools.',
    '  tools:',
    '    - github_post_comment',
    '    - name: echo',
    '      source: mcp',
    '      server: everything',
    '    - name: get-sum',
    '      source: mcp',
    '      server: everything',
    '    - name: get-env',
    '      source: mcp',
    '      server: everything',
    '  mcp_servers:',
    ...mcp,
    '  max_iterations: 5',
    '  temperature: 0.3',
    ''
  ].join('\n')
}

function running(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', marker]).toString().trim().split('\n').filter(Boolean).map(Number)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

describe.each(nodeBinaries())('MCP servers through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let anthropic: AnthropicServer
  let httpServer: ChildProcess
  let httpPort: number

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    github.world.setFile(REPO, 'master', '.github/aof/trigger.yaml', trigger)
    github.world.setPermission(REPO, 'Codertocat', 'write')
    github.world.setPermission(REPO, 'reader-rita', 'read')
    github.world.addPull(REPO, { number: 2, head: { ref: 'changes', sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' }, base: { ref: 'master' } })
    httpPort = await freePort()
    httpServer = spawn(process.execPath, [EVERYTHING, 'streamableHttp'], {
      env: { PATH: process.env.PATH ?? '', PORT: String(httpPort) },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the everything server did not listen')), 15_000)
      httpServer.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  })
  afterAll(async () => {
    httpServer.kill()
    await Promise.all([github.close(), anthropic.close()])
  })
  beforeEach(() => github.reset())

  async function run(
    eventName: string,
    payload: Payload,
    agentYaml: string,
    env: Record<string, string> = {},
    extra: Partial<Parameters<typeof runAction>[0]> = {}
  ) {
    github.world.setFile(REPO, 'master', '.github/aof/agents/hybrid-agent.yaml', agentYaml)
    const before = anthropic.requests.length
    const result = await runAction({
      ...extra,
      node,
      eventName,
      payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'check-name': '', ...(extra.inputs ?? {}) },
      env: {
        ANTHROPIC_BASE_URL: anthropic.url,
        EVERYTHING_SERVER: EVERYTHING,
        SERVER_MODE: 'from-the-yaml-env',
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-secret',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-secret',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/token',
        ...env
      }
    })
    return { result, requests: anthropic.requests.slice(before) }
  }

  it('offers the picked tools of an stdio server, returns its real answers, lists each call, and stops the server', async () => {
    const marker = `mcp-e2e-${process.pid}-${Date.now()}`
    anthropic.script([
      {
        content: [
          { type: 'tool_use', name: 'get-sum', input: { a: 2, b: 40 } },
          { type: 'tool_use', name: 'echo', input: { message: 'hello from the model' } },
          { type: 'tool_use', name: 'get-env', input: {} }
        ]
      },
      { content: [{ type: 'tool_use', name: 'github_post_comment', input: { body: 'The sum is 42.' } }] },
      { content: [{ type: 'text', text: 'Done.' }] }
    ])
    const { result, requests } = await run('pull_request', fixtureEvent('pull_request.opened.json'), hybridAgent(marker))

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'agent:hybrid-agent', conclusion: 'success' })
    // (a) what the model was offered: the picked MCP tools with the server's input schemas, and nothing else of the server.
    const offered = requests[0]?.body.tools as { name: string; description: string; input_schema: any }[]
    expect(offered.map((t) => t.name).sort()).toEqual(['echo', 'get-env', 'get-sum', 'github_post_comment'])
    expect(offered.find((t) => t.name === 'get-sum')).toMatchObject({
      description: expect.stringContaining("(from MCP server 'everything')"),
      input_schema: { type: 'object', properties: { a: { type: 'number', description: 'First number' }, b: { type: 'number' } }, required: ['a', 'b'] }
    })
    expect(offered.find((t) => t.name === 'echo')?.input_schema).toMatchObject({ properties: { message: { type: 'string' } }, required: ['message'] })
    // (b) what the model got back: the server's own answers.
    const results = requests[1]?.body.messages.at(-1).content as { type: string; content: any }[]
    const text = (i: number) => JSON.stringify(results[i]?.content)
    expect(text(0)).toContain('The sum of 2 and 40 is 42.')
    expect(text(1)).toContain('Echo: hello from the model')
    // The server's environment: its YAML env and the base, none of the step's secrets or inputs.
    expect(text(2)).toContain('from-the-yaml-env')
    for (const secret of [anthropic.apiKey, 'ghs_e2eTestToken', 'runtime-token-secret', 'oidc-request-secret', 'INPUT_', 'GITHUB_', 'ACTIONS_']) {
      expect(text(2)).not.toContain(secret)
    }
    expect(github.requests.filter((r) => r.operationId === 'issues/create-comment').map((r) => (r.body as { body: string }).body)).toEqual([
      expect.stringContaining('The sum is 42.')
    ])
    // (c) the server is gone once the run ends.
    expect(running(marker)).toEqual([])
    // (d) the summary lists each call.
    expect(result.summary).toContain('### MCP calls')
    expect(result.summary).toMatch(/\| `agent:hybrid-agent` \| `everything` \| `get-sum` \| \d+ ms \| ok \|/)
    expect(result.summary).toMatch(/\| `agent:hybrid-agent` \| `everything` \| `echo` \| \d+ ms \| ok \|/)
    expect(result.summary).toMatch(/\| `agent:hybrid-agent` \| `everything` \| `get-env` \| \d+ ms \| ok \|/)
    expect(anthropic.invalidRequests()).toEqual([])
  })

  it('refuses an stdio server on a fork’s pull request: nothing is started, no model is called, the summary says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-e2e-'))
    const proof = join(dir, 'server-started')
    const agent = hybridAgent('unused').replace(
      /command: node\n.*\n/,
      `command: /bin/sh\n      args: ["-c", "touch ${proof}; exec node \\"$0\\" stdio", "\${EVERYTHING_SERVER}"]\n`
    )
    const payload = fixtureEvent('pull_request.opened.json')
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'stranger/Hello-World', fork: true }
    const { result, requests } = await run('pull_request_target', payload, agent)

    expect(requests).toEqual([])
    expect(existsSync(proof)).toBe(false)
    expect(result.outputs).toMatchObject({ target: 'agent:hybrid-agent', conclusion: 'failure' })
    expect(result.summary).toContain(
      "not started: MCP server 'everything' was not started: it runs a program on the runner (/bin/sh), and this run runs no code: the pull request's head is a fork, and the workspace may hold its code"
    )
    expect(github.writes().filter((r) => r.operationId === 'issues/create-comment')).toEqual([])
  })

  it('refuses an stdio server for a sender below write: an issue opened by a reader starts nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-e2e-'))
    const proof = join(dir, 'server-started')
    const agent = hybridAgent('unused').replace(
      /command: node\n.*\n/,
      `command: /bin/sh\n      args: ["-c", "touch ${proof}; exec node \\"$0\\" stdio", "\${EVERYTHING_SERVER}"]\n`
    )
    const payload = fixtureEvent('issues.opened.json')
    payload.sender = { ...payload.sender, login: 'reader-rita' }
    payload.issue.user = { ...payload.issue.user, login: 'reader-rita' }
    const { result, requests } = await run('issues', payload, agent)

    expect(requests).toEqual([])
    expect(existsSync(proof)).toBe(false)
    expect(result.summary).toContain(
      "not started: MCP server 'everything' was not started: it runs a program on the runner (/bin/sh), and this run runs no code: @reader-rita has read permission, and running code in the job needs write"
    )
  })

  it.each([
    ['no check run', ''],
    ['a check run that closes as cancelled', 'aof']
  ])('kills the server’s process group when the job is cancelled mid-call (%s)', async (_what, checkName) => {
    const marker = `mcp-e2e-cancel-${process.pid}-${Date.now()}`
    const agent = hybridAgent(marker).replace(
      '    - name: get-env\n',
      '    - {name: trigger-long-running-operation, source: mcp, server: everything}\n    - name: get-env\n'
    )
    anthropic.script([{ content: [{ type: 'tool_use', name: 'trigger-long-running-operation', input: { duration: 60, steps: 2 } }] }])
    const before = anthropic.requests.length
    let seenRunning: number[] = []
    const { result } = await run(
      'pull_request',
      fixtureEvent('pull_request.opened.json'),
      agent,
      {},
      {
        inputs: { 'check-name': checkName },
        onSpawn: (child) => {
          const poll = setInterval(() => {
            const pids = running(marker)
            if (anthropic.requests.length > before && pids.length > 0) {
              clearInterval(poll)
              seenRunning = pids
              // The call is under way; the runner cancels the job.
              setTimeout(() => child.kill('SIGTERM'), 300)
            }
          }, 50)
          child.once('exit', () => clearInterval(poll))
        }
      }
    )
    expect(seenRunning.length).toBeGreaterThan(0)
    expect(result.exitCode === 143 || result.exitCode === null).toBe(true)
    await new Promise((r) => setTimeout(r, 200))
    expect(running(marker)).toEqual([])
  })

  it('uses a streamable HTTP server at its endpoint, in a fork’s run too: no program runs on the runner', async () => {
    anthropic.script([{ content: [{ type: 'tool_use', name: 'echo', input: { message: 'over http' } }] }, { content: [{ type: 'text', text: 'Done.' }] }])
    const payload = fixtureEvent('pull_request.opened.json')
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'stranger/Hello-World', fork: true }
    const { result, requests } = await run('pull_request_target', payload, hybridAgent('unused', `http://127.0.0.1:${httpPort}/mcp`))

    expect(result.outputs).toMatchObject({ target: 'agent:hybrid-agent', conclusion: 'success' })
    expect((requests[0]?.body.tools as { name: string }[]).map((t) => t.name).sort()).toEqual(['echo', 'get-env', 'get-sum', 'github_post_comment'])
    expect(JSON.stringify(requests[1]?.body.messages.at(-1).content)).toContain('Echo: over http')
    expect(result.summary).toMatch(/\| `agent:hybrid-agent` \| `everything` \| `echo` \| \d+ ms \| ok \|/)
  })

  it('fails the agent before its model is called when two servers offer a tool of one name, naming both', async () => {
    const marker = `mcp-e2e-clash-${process.pid}-${Date.now()}`
    const agent = hybridAgent(marker).replace(
      '  max_iterations: 5',
      `    - {name: again, command: node, args: ["\${EVERYTHING_SERVER}", "stdio", "${marker}"], tools: [echo]}\n  max_iterations: 5`
    )
    const { result, requests } = await run('pull_request', fixtureEvent('pull_request.opened.json'), agent)
    expect(requests).toEqual([])
    expect(result.outputs.conclusion).toBe('failure')
    expect(result.summary).toContain("not started: MCP tool 'echo' of server 'again' has the same name as tool 'echo' of MCP server 'everything'")
    expect(running(marker)).toEqual([])
  })
})
