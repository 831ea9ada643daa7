import { describe, expect, it } from '@jest/globals'
import { errors, load, notices, where } from './memory-source.js'

const agent = (spec: string) => ({ 'aof/a.yaml': `kind: Agent\nmetadata: {name: a}\nspec:\n${spec}` })

describe('mcp_servers', () => {
  it('reads AOF’s McpServerConfig with its defaults (stdio, 30 s, every tool)', async () => {
    const config = await load(
      agent(`  mcp_servers:
    - name: kubectl-ai
      command: kubectl-ai
      args: ["--mcp-server", "--mcp-server-mode=stdio"]
    - name: remote
      transport: http
      endpoint: https://mcp.example.com/mcp
      headers: {Authorization: "Bearer \${MCP_TOKEN}"}
      tools: [search]
      timeout_secs: 120
`),
      { MCP_TOKEN: 'secret-value' }
    )
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.mcpServers).toEqual([
      {
        name: 'kubectl-ai',
        transport: 'stdio',
        command: 'kubectl-ai',
        args: ['--mcp-server', '--mcp-server-mode=stdio'],
        env: {},
        headers: {},
        tools: null,
        timeoutSecs: 30,
        toolTimeouts: {},
        location: { file: 'aof/a.yaml', line: 5, column: 7 }
      },
      {
        name: 'remote',
        transport: 'http',
        args: [],
        env: {},
        endpoint: 'https://mcp.example.com/mcp',
        headers: { Authorization: 'Bearer secret-value' },
        tools: ['search'],
        timeoutSecs: 120,
        toolTimeouts: {},
        location: { file: 'aof/a.yaml', line: 8, column: 7 }
      }
    ])
  })

  it('reads AOF’s {type: MCP, config} tool as an stdio server, its command list split into program and arguments', async () => {
    const config = await load(
      agent(`  tools:
    - type: MCP
      config:
        name: kubectl
        command: ["npx", "-y", "@modelcontextprotocol/server-kubectl"]
        env: {KUBECONFIG: /tmp/kube}
        timeout_seconds: 45
`)
    )
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.tools).toEqual([])
    expect(config.agents.a?.mcpServers).toMatchObject([
      { name: 'kubectl', command: 'npx', args: ['-y', '@modelcontextprotocol/server-kubectl'], env: { KUBECONFIG: '/tmp/kube' }, timeoutSecs: 45 }
    ])
  })

  it('splits AOF’s docs form command: "kubectl-ai --mcp-server" into words', async () => {
    const config = await load(agent(`  mcp_servers:\n    - {name: k, command: "kubectl-ai --mcp-server", args: [--verbose]}\n`))
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.mcpServers?.[0]).toMatchObject({ command: 'kubectl-ai', args: ['--mcp-server', '--verbose'] })
  })

  it('narrows a server to the {source: mcp} tools that name it, with their timeouts; a disabled one is left out', async () => {
    const config = await load(
      agent(`  tools:
    - {name: search_code, source: mcp, server: github, timeout_secs: 5}
    - {name: create_issue, source: mcp, server: github, enabled: false}
  mcp_servers:
    - {name: github, command: npx, args: ["@modelcontextprotocol/server-github"]}
`)
    )
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.mcpServers?.[0]).toMatchObject({ tools: ['search_code'], toolTimeouts: { search_code: 5 } })
  })

  it('reads mcp_servers of a fleet’s inline member', async () => {
    const config = await load({
      'aof/f.yaml': `kind: AgentFleet
metadata: {name: f}
spec:
  agents:
    - name: m
      spec:
        model: google:gemini-2.5-flash
        mcp_servers:
          - {name: fs, command: npx, args: ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"]}
`
    })
    expect(errors(config)).toEqual([])
    expect(config.fleets.f?.members[0]?.agent.mcpServers?.map((s) => s.name)).toEqual(['fs'])
  })

  const cases: [string, string, string, string][] = [
    [
      'stdio without command',
      '    - {name: s}',
      'error aof/a.yaml:5 spec.mcp_servers[0].command',
      'spec.mcp_servers[0].command is missing; a stdio server needs the program to run, e.g. npx'
    ],
    [
      'http without endpoint',
      '    - {name: s, transport: http}',
      'error aof/a.yaml:5 spec.mcp_servers[0].endpoint',
      'spec.mcp_servers[0].endpoint is missing; a http server needs its URL, e.g. https://mcp.example.com/mcp'
    ],
    [
      'an unknown transport',
      '    - {name: s, transport: websocket, command: x}',
      'error aof/a.yaml:5 spec.mcp_servers[0].transport',
      'spec.mcp_servers[0].transport must be stdio, sse or http (found the text "websocket")'
    ],
    [
      'plain http to another host',
      '    - {name: s, transport: sse, endpoint: "http://mcp.example.com/sse"}',
      'error aof/a.yaml:5 spec.mcp_servers[0].endpoint',
      "spec.mcp_servers[0].endpoint must be an https:// URL (plain http only to localhost, where nothing crosses a network); the agent's data and any header token go to it"
    ],
    [
      'an endpoint that is no URL',
      '    - {name: s, transport: http, endpoint: "mcp.example.com"}',
      'error aof/a.yaml:5 spec.mcp_servers[0].endpoint',
      'spec.mcp_servers[0].endpoint must be a URL, e.g. https://mcp.example.com/mcp (found "mcp.example.com")'
    ],
    [
      'env on an http server',
      '    - {name: s, transport: http, endpoint: "https://x.example/mcp", env: {A: b}}',
      'error aof/a.yaml:5 spec.mcp_servers[0].env',
      'spec.mcp_servers[0].env is not used by a http server; it is reached over the network at endpoint (a token for it goes in headers)'
    ],
    [
      'headers on an stdio server',
      '    - {name: s, command: x, headers: {A: b}}',
      'error aof/a.yaml:5 spec.mcp_servers[0].headers',
      'spec.mcp_servers[0].headers is not used by a stdio server; it is a program on the runner, reached through its stdin and stdout'
    ],
    [
      'a runner token passed on',
      '    - {name: s, command: x, env: {ACTIONS_ID_TOKEN_REQUEST_TOKEN: "y"}}',
      'error aof/a.yaml:5 spec.mcp_servers[0].env.ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      "spec.mcp_servers[0].env.ACTIONS_ID_TOKEN_REQUEST_TOKEN: ACTIONS_ID_TOKEN_REQUEST_TOKEN belongs to the runner (it controls the workflow's cache, artifacts or OIDC tokens, or the action's inputs) and is never given to an MCP server"
    ],
    [
      'shell syntax in command',
      '    - {name: s, command: "server --root $HOME | tee log"}',
      'error aof/a.yaml:5 spec.mcp_servers[0].command',
      'spec.mcp_servers[0].command is run without a shell, so quotes, variables and operators in it would not work; give the program alone and each argument in args'
    ],
    [
      'a timeout of an hour',
      '    - {name: s, command: x, timeout_secs: 3600}',
      'error aof/a.yaml:5 spec.mcp_servers[0].timeout_secs',
      'spec.mcp_servers[0].timeout_secs must be at most 600 seconds (found 3600)'
    ],
    [
      'two servers of one name',
      '    - {name: s, command: x}\n    - {name: s, command: y}',
      'error aof/a.yaml:6 spec.mcp_servers[1].name',
      "a second MCP server named 's'; the first is at line 5"
    ]
  ]

  it.each(cases)('reports %s at its file, line and field', async (_name, lines, location, message) => {
    const config = await load(agent(`  mcp_servers:\n${lines}\n`))
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([[location, message]])
  })

  it('reports an MCP tool naming a server the agent does not define', async () => {
    const config = await load(agent(`  tools:\n    - {name: t, source: mcp, server: nope}\n  mcp_servers:\n    - {name: s, command: x}\n`))
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      ['error aof/a.yaml:5 spec.tools[0].server', "MCP tool 't' names server 'nope', which this agent does not define; its servers are s"]
    ])
  })

  it('says which ${VAR} is unset in env, args or endpoint, never a value', async () => {
    const config = await load(
      agent(`  mcp_servers:
    - {name: s, command: x, args: ["--key=\${MISSING_ARG}"], env: {TOKEN: "\${MISSING_TOKEN}", SET: "\${SET_ONE}"}}
    - {name: h, transport: http, endpoint: "https://\${MISSING_HOST}/mcp"}
`),
      { SET_ONE: 'do-not-print-me' }
    )
    const messages = errors(config).map((d) => d.message)
    expect(messages).toEqual([
      expect.stringContaining('spec.mcp_servers[0].args[0] uses ${MISSING_ARG}, but MISSING_ARG is not set'),
      expect.stringContaining('spec.mcp_servers[0].env.TOKEN uses ${MISSING_TOKEN}, but MISSING_TOKEN is not set'),
      expect.stringContaining('spec.mcp_servers[1].endpoint uses ${MISSING_HOST}, but MISSING_HOST is not set')
    ])
    expect(JSON.stringify(config.diagnostics)).not.toContain('do-not-print-me')
  })

  it('notes init_options and auto_reconnect as ignored, once', async () => {
    const config = await load(agent(`  mcp_servers:\n    - {name: s, command: x, init_options: {debug: true}, auto_reconnect: false}\n`))
    expect(errors(config)).toEqual([])
    expect(notices(config).map((d) => d.message)).toEqual([
      'ignored in a job: init_options (the server is initialised with the MCP defaults)',
      'ignored in a job: auto_reconnect (a server that stops fails its remaining calls; the job is short)'
    ])
  })
})
