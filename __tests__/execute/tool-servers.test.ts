// runAgentPlan and an agent's tool servers (its MCP servers, behind the ToolServers port): started
// only once the model is ready, offered next to its other tools, stopped whatever happens.
import { describe, expect, it } from '@jest/globals'
import type { AgentPlan } from '../../src/execute/plan-invocation.js'
import { runAgentPlan, type AgentPorts, type ToolServers } from '../../src/execute/run-agent-plan.js'
import type { ModelPort, ModelRequest, ModelResponse } from '../../src/llm/types.js'
import type { Tool } from '../../src/shared/tool.js'

const silent = { debug: () => {}, info: () => {}, warning: () => {} }
const usage = { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 }

const plan: AgentPlan = {
  agent: { name: 'a', instructions: 'Do it.', tools: [], maxIterations: 3, extra: {}, location: { file: 'aof/a.yaml', line: 1 } },
  label: 'agent:a',
  instructions: 'Do it.',
  tools: ['github_post_comment'],
  model: 'anthropic:claude-sonnet-4-6',
  unknownVariables: []
}

function tool(name: string, answer: string): Tool {
  return { name, description: name, inputSchema: { type: 'object' }, readOnly: true, run: async () => ({ content: answer, isError: false }) }
}

function model(responses: ModelResponse[], fail = false): ModelPort & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = []
  return {
    provider: 'anthropic',
    model: 'claude-sonnet-4-6',
    requests,
    async complete(request) {
      requests.push(structuredClone(request))
      if (fail) throw new Error('model down')
      const next = responses.shift()
      if (!next) throw new Error('script exhausted')
      return next
    }
  }
}

function servers(log: string[]): ToolServers {
  return {
    tools: [tool('echo', 'Echo: hi')],
    calls: [],
    close: async () => {
      log.push('closed')
    }
  }
}

function ports(port: ModelPort, toolServers: AgentPorts['toolServers'], log: string[]): AgentPorts {
  return {
    logger: silent,
    model: async () => {
      log.push('model')
      return port
    },
    tools: () => [tool('github_post_comment', 'posted')],
    ...(toolServers ? { toolServers } : {})
  }
}

describe('runAgentPlan with tool servers', () => {
  it('starts them after the model is ready, offers their tools with the others, and stops them at the end', async () => {
    const log: string[] = []
    const port = model([
      { content: [{ type: 'tool_use', id: 't1', name: 'echo', input: {} }], stopReason: 'tool_use', rawStopReason: 'tool_use', usage },
      { content: [{ type: 'text', text: 'done' }], stopReason: 'end_turn', rawStopReason: 'end_turn', usage }
    ])
    let others: string[] = []
    const outcome = await runAgentPlan(
      plan,
      {} as never,
      ports(
        port,
        async (_plan, otherTools) => {
          log.push('started')
          others = otherTools
          return servers(log)
        },
        log
      ),
      { turnsLeft: null, tokensLeft: null }
    )
    expect(outcome.status).toBe('ran')
    expect(log).toEqual(['model', 'started', 'closed'])
    expect(others).toEqual(['github_post_comment'])
    expect(port.requests[0]?.tools.map((t) => t.name)).toEqual(['github_post_comment', 'echo'])
    expect(JSON.stringify(port.requests[1]?.messages.at(-1))).toContain('Echo: hi')
    expect(outcome.mcpCalls).toEqual([])
  })

  it('stops them when the model fails mid-run', async () => {
    const log: string[] = []
    const outcome = await runAgentPlan(
      plan,
      {} as never,
      ports(model([], true), async () => servers(log), log),
      { turnsLeft: null, tokensLeft: null }
    )
    expect(outcome.status).toBe('failed')
    expect(log).toEqual(['model', 'closed'])
  })

  it('fails the agent with the reason, before any model call, when one may not start', async () => {
    const log: string[] = []
    const port = model([])
    const outcome = await runAgentPlan(
      plan,
      {} as never,
      ports(
        port,
        async () => {
          throw new Error("MCP server 'fs' was not started: it runs a program on the runner (npx), and this run is for a fork's pull request")
        },
        log
      ),
      { turnsLeft: null, tokensLeft: null }
    )
    expect(outcome).toMatchObject({
      status: 'failed',
      detail: "not started: MCP server 'fs' was not started: it runs a program on the runner (npx), and this run is for a fork's pull request"
    })
    expect(port.requests).toEqual([])
  })

  it('starts nothing for a run whose budget is spent', async () => {
    const log: string[] = []
    const outcome = await runAgentPlan(
      plan,
      {} as never,
      ports(model([]), async () => servers(log), log),
      { turnsLeft: 0, tokensLeft: null }
    )
    expect(outcome.status).toBe('budget')
    expect(log).toEqual([])
  })
})
