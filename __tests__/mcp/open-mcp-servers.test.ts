// The MCP port against the real MCP "everything" server from npm, over stdio and streamable HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { McpServerDef } from '../../src/config/types.js'
import { openMcpServers, type OpenMcpOptions } from '../../src/mcp/open-mcp-servers.js'
import { repoRoot } from '../support/run-action.js'

const EVERYTHING = join(repoRoot, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js')

const silent = { debug: () => {}, info: () => {}, warning: () => {} }

function stdioServer(overrides: Partial<McpServerDef> = {}): McpServerDef {
  return {
    name: 'everything',
    transport: 'stdio',
    command: process.execPath,
    args: [EVERYTHING, 'stdio'],
    env: {},
    headers: {},
    tools: ['echo', 'get-sum', 'get-env', 'get-tiny-image', 'trigger-long-running-operation'],
    timeoutSecs: 20,
    toolTimeouts: {},
    location: { file: 'aof/agent.yaml', line: 7 },
    ...overrides
  }
}

function options(servers: McpServerDef[], overrides: Partial<OpenMcpOptions> = {}): OpenMcpOptions {
  return {
    servers,
    execution: { allowed: true },
    stepEnv: process.env,
    otherTools: ['github_post_comment'],
    secrets: [],
    dryRun: false,
    logger: silent,
    ...overrides
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Group members of `pgid` still running, from /proc. */
async function groupMembers(pgid: number): Promise<number[]> {
  const { readdirSync, readFileSync } = await import('node:fs')
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return Number(fields[2]) === pgid && fields[0] !== 'Z'
      } catch {
        return false
      }
    })
    .map(Number)
}

describe('openMcpServers over stdio', () => {
  it('offers the filtered tools with their input schemas, and calls return the server’s real answers', async () => {
    const box = await openMcpServers(options([stdioServer({ tools: ['echo', 'get-sum'] })]))
    try {
      expect(box.tools.map((t) => t.name)).toEqual(['echo', 'get-sum'])
      const sum = box.tools.find((t) => t.name === 'get-sum')
      expect(sum?.inputSchema).toMatchObject({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] })
      expect(sum?.description).toContain("(from MCP server 'everything')")
      expect(sum?.readOnly).toBe(true)
      await expect(box.tools[0]?.run({ message: 'hello <!-- hidden --> world' })).resolves.toEqual({
        content: 'Echo: hello [hidden HTML comment: 15 characters not shown] world',
        isError: false
      })
      await expect(sum?.run({ a: 2, b: 40 })).resolves.toMatchObject({ content: expect.stringContaining('42'), isError: false })
      expect(box.calls.map((c) => [c.server, c.tool, c.ok])).toEqual([
        ['everything', 'echo', true],
        ['everything', 'get-sum', true]
      ])
    } finally {
      await box.close()
    }
  })

  it('gives the server only the base environment and its YAML env: no token, key or runner secret', async () => {
    const stepEnv = {
      ...process.env,
      GITHUB_TOKEN: 'ghs_steptoken',
      ANTHROPIC_API_KEY: 'sk-ant-step',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
      'INPUT_GITHUB-TOKEN': 'ghs_input',
      INPUT_ANTHROPIC_API_KEY: 'sk-input',
      BASH_FUNC_x: '() { evil; }'
    }
    const box = await openMcpServers(options([stdioServer({ env: { SERVER_SETTING: 'from-yaml' } })], { stepEnv }))
    try {
      const result = await box.tools.find((t) => t.name === 'get-env')?.run({})
      const env = JSON.parse(result?.content ?? '{}') as Record<string, string>
      expect(env.SERVER_SETTING).toBe('from-yaml')
      expect(env.PATH).toBe(process.env.PATH)
      for (const secret of ['ghs_steptoken', 'sk-ant-step', 'runtime', 'oidc', 'ghs_input', 'sk-input', 'evil']) expect(result?.content).not.toContain(secret)
      expect(Object.keys(env).filter((k) => /^(GITHUB_|INPUT_|ACTIONS_|ANTHROPIC|BASH_FUNC)/.test(k))).toEqual([])
    } finally {
      await box.close()
    }
  })

  it('removes the credentials a server was given, and the action’s own secrets, from what it returns; and masks them', async () => {
    const masked: string[] = []
    const server = stdioServer({ env: { API_TOKEN: 'tok-given-to-the-server', PLAIN_SETTING: 'visible-value' } })
    const box = await openMcpServers(options([server], { secrets: ['ghs_actiontoken'], maskSecret: (v) => masked.push(v) }))
    try {
      const result = await box.tools.find((t) => t.name === 'echo')?.run({ message: 'tok-given-to-the-server and ghs_actiontoken' })
      expect(result?.content).toBe('Echo: *** and ***')
      const env = (await box.tools.find((t) => t.name === 'get-env')?.run({}))?.content ?? ''
      expect(env).toContain('"API_TOKEN": "***"')
      expect(env).toContain('visible-value')
      expect(masked).toEqual(['tok-given-to-the-server'])
    } finally {
      await box.close()
    }
  })

  it('in dry-run, calls read-only tools and leaves the others uncalled, saying so', async () => {
    const box = await openMcpServers(options([stdioServer({ tools: ['echo', 'toggle-simulated-logging'] })], { dryRun: true }))
    try {
      await expect(box.tools.find((t) => t.name === 'echo')?.run({ message: 'read' })).resolves.toEqual({ content: 'Echo: read', isError: false })
      await expect(box.tools.find((t) => t.name === 'toggle-simulated-logging')?.run({})).resolves.toEqual({
        content: "dry-run: tool toggle-simulated-logging of MCP server 'everything' was not called (the server does not mark it read-only); nothing was done",
        isError: false
      })
      expect(box.calls.map((c) => [c.tool, c.ok, c.error])).toEqual([
        ['echo', true, undefined],
        ['toggle-simulated-logging', false, 'not called: dry-run, and the server does not mark it read-only']
      ])
    } finally {
      await box.close()
    }
  })

  it('describes an image instead of passing its bytes', async () => {
    const box = await openMcpServers(options([stdioServer()]))
    try {
      const result = await box.tools.find((t) => t.name === 'get-tiny-image')?.run({})
      expect(result?.content).toMatch(/\[image: image\/png, \d+ bytes; not shown\]/)
      expect(result?.content).not.toMatch(/[A-Za-z0-9+/]{200}/)
    } finally {
      await box.close()
    }
  })

  it('times a call out at the tool’s timeout and says so; the server is still stopped', async () => {
    const box = await openMcpServers(options([stdioServer({ toolTimeouts: { 'trigger-long-running-operation': 0.5 } })]))
    try {
      const started = Date.now()
      const result = await box.tools.find((t) => t.name === 'trigger-long-running-operation')?.run({ duration: 20, steps: 2 })
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(result).toEqual({ content: "tool trigger-long-running-operation of MCP server 'everything' did not answer within 0.5 s", isError: true })
      expect(box.calls.at(-1)).toMatchObject({ tool: 'trigger-long-running-operation', ok: false, error: 'timed out after 0.5 s' })
    } finally {
      await box.close()
    }
  })

  it('kills the whole process group on close, including programs the server started', async () => {
    // A shell that starts the server as its child, as `npx server` does: killing the shell alone would leave node running.
    const server = stdioServer({ command: '/bin/sh', args: ['-c', `"${process.execPath}" "${EVERYTHING}" stdio; echo done`, 'mcp-group-test'] })
    const box = await openMcpServers(options([server]))
    await expect(box.tools.find((t) => t.name === 'echo')?.run({ message: 'up' })).resolves.toMatchObject({ isError: false })
    const { execFileSync } = await import('node:child_process')
    const shells = execFileSync('pgrep', ['-f', 'mcp-group-test']).toString().trim().split('\n').map(Number)
    expect(shells).toHaveLength(1)
    const pgid = shells[0] as number
    expect((await groupMembers(pgid)).length).toBeGreaterThanOrEqual(2)
    await box.close()
    expect(await groupMembers(pgid)).toEqual([])
    expect(alive(pgid)).toBe(false)
  })

  it('refuses to start an stdio server when the run may not execute code, and starts nothing', async () => {
    const reason = "this run is for a fork's pull request, where no program is run on the runner"
    await expect(
      openMcpServers(options([stdioServer({ command: '/bin/sh', args: ['-c', 'touch /tmp/should-not-exist-mcp'] })], { execution: { allowed: false, reason } }))
    ).rejects.toThrow(`MCP server 'everything' was not started: it runs a program on the runner (/bin/sh), and ${reason}`)
  })

  it('names both tools when an MCP tool clashes with one the agent already has', async () => {
    await expect(openMcpServers(options([stdioServer({ tools: ['echo'] })], { otherTools: ['echo'] }))).rejects.toThrow(
      "MCP tool 'echo' of server 'everything' has the same name as the agent's tool 'echo'"
    )
    await expect(openMcpServers(options([stdioServer({ tools: ['echo'] }), stdioServer({ name: 'second', tools: ['echo'] })]))).rejects.toThrow(
      "MCP tool 'echo' of server 'second' has the same name as tool 'echo' of MCP server 'everything'"
    )
  })

  it('says which filtered tool the server lacks, and where the filter is', async () => {
    await expect(openMcpServers(options([stdioServer({ tools: ['echo', 'no-such-tool'] })]))).rejects.toThrow(
      /MCP server 'everything' has no tool 'no-such-tool' \(its tools: .*echo.*\); fix tools: in its YAML at aof\/agent.yaml:7/
    )
  })

  it('reports a program that does not exist, or exits, with the server name and its stderr', async () => {
    await expect(openMcpServers(options([stdioServer({ command: 'no-such-mcp-program-xyz', args: [] })]))).rejects.toThrow(
      /MCP server 'everything' \(stdio, 'no-such-mcp-program-xyz'\) did not start within 20 s: .*ENOENT/
    )
    await expect(openMcpServers(options([stdioServer({ command: '/bin/sh', args: ['-c', 'echo cannot find config >&2; exit 3'] })]))).rejects.toThrow(
      /did not start within 20 s: .*its stderr ends: cannot find config/
    )
  })
})

describe('openMcpServers over streamable HTTP', () => {
  let server: ChildProcess
  let port: number

  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    server = spawn(process.execPath, [EVERYTHING, 'streamableHttp'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the everything server did not listen')), 15_000)
      server.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  })

  afterAll(() => {
    server.kill()
  })

  it('sends the YAML headers to the endpoint, and never shows them in the failure', async () => {
    const { createServer: createHttpServer } = await import('node:http')
    const seen: Record<string, string | string[] | undefined>[] = []
    const fake = createHttpServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}')
    })
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve))
    const address = fake.address()
    const def = {
      ...stdioServer(),
      name: 'guarded',
      transport: 'http',
      command: undefined,
      args: [],
      endpoint: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/mcp`,
      headers: { Authorization: 'Bearer header-secret-123', 'X-Test': 'yes' }
    } as McpServerDef
    try {
      const failure = await openMcpServers(options([def])).then(
        () => null,
        (error: Error) => error.message
      )
      expect(failure).toMatch(/^MCP server 'guarded' \(http, http:\/\/127.0.0.1:\d+\/mcp\) did not start within 20 s: /)
      expect(failure).not.toContain('header-secret-123')
      expect(seen[0]).toMatchObject({ authorization: 'Bearer header-secret-123', 'x-test': 'yes' })
    } finally {
      fake.close()
    }
  })

  it('lists and calls tools at the endpoint', async () => {
    const def: McpServerDef = {
      ...stdioServer({ tools: ['echo'] }),
      name: 'remote',
      transport: 'http',
      command: undefined,
      args: [],
      endpoint: `http://127.0.0.1:${port}/mcp`,
      headers: {}
    } as McpServerDef
    // An http server runs no code on the runner: it starts even when execution is not allowed.
    const box = await openMcpServers(options([def], { execution: { allowed: false, reason: 'fork' } }))
    try {
      expect(box.tools.map((t) => t.name)).toEqual(['echo'])
      await expect(box.tools[0]?.run({ message: 'over http' })).resolves.toEqual({ content: 'Echo: over http', isError: false })
      expect(box.calls).toEqual([{ server: 'remote', tool: 'echo', durationMs: expect.any(Number), ok: true }])
    } finally {
      await box.close()
    }
  })
})
