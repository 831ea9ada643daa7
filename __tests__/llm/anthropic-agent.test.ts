// The agent loop through the real Anthropic SDK against the local Messages API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAgent } from '../../src/execute/run-agent.js'
import { createAnthropicModel } from '../../src/llm/anthropic-model.js'
import { ModelCallError } from '../../src/llm/model-call-error.js'
import type { ModelClientOptions } from '../../src/llm/types.js'
import { anthropicFaults, startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { deadUrl, EVENT, okTool, recordingSleep, recordingTool } from './agent-tools.js'

const MODEL = 'claude-sonnet-5-5'
const SYSTEM = 'You review pull requests for octo/demo. Post one comment.'

let server: AnthropicServer

beforeAll(async () => {
  server = await startAnthropicServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
  expect(server.remaining()).toBe(0)
})

function model(extra: Partial<ModelClientOptions> = {}) {
  return createAnthropicModel(MODEL, { apiKey: server.apiKey, baseUrl: server.url, retry: { timeScale: 0.001 }, ...extra })
}

describe('a two-turn tool loop', () => {
  it('runs tool_use, answers it with a paired tool_result, and stops on end_turn', async () => {
    const comment = okTool('github_post_comment', 'comment 101 posted')
    const labels = okTool('github_add_labels')
    server.script([
      {
        content: [
          { type: 'text', text: 'Reading the PR.' },
          { type: 'tool_use', name: 'github_post_comment', input: { text: 'LGTM' } }
        ]
      },
      { content: [{ type: 'text', text: 'Review posted.' }] }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment, labels], model: await model(), temperature: 0.2 })

    expect(result).toMatchObject({ stoppedBy: 'end', finalText: 'Review posted.', turns: 2, truncated: false })
    expect(comment.calls).toEqual([{ text: 'LGTM' }])
    expect(labels.calls).toEqual([])
    expect(result.toolCalls).toEqual([{ turn: 1, name: 'github_post_comment', input: { text: 'LGTM' }, isError: false }])
    expect(server.invalidRequests()).toEqual([])

    const [first, second] = server.requests.map((r) => r.body)
    expect(first.model).toBe(MODEL)
    expect(first.system).toEqual([{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } }])
    expect(first.tools.map((t: { name: string }) => t.name)).toEqual(['github_post_comment', 'github_add_labels'])
    expect(first.tools[0].cache_control).toBeUndefined()
    expect(first.tools[1].cache_control).toEqual({ type: 'ephemeral' })
    expect(first.cache_control).toEqual({ type: 'ephemeral' })
    expect(first).not.toHaveProperty('temperature')

    const toolUseId = second.messages[1].content[1].id
    expect(second.messages[1].content[1]).toMatchObject({ type: 'tool_use', name: 'github_post_comment' })
    expect(second.messages[2]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: toolUseId, content: 'comment 101 posted', is_error: false }]
    })
  })

  it('sends the key and the 2026-10-21 API version the 1.x SDK uses', async () => {
    server.script([{ content: [{ type: 'text', text: 'ok' }] }])
    await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model() })
    const headers = server.requests[0]?.headers ?? {}
    expect(headers.authorization).toBe(`Bearer ${server.apiKey}`)
    expect(headers['anthropic-version']).toBe('2026-10-21')
  })

  it('gives the event as fenced, untrusted data in the first user message', async () => {
    server.script([{ content: [{ type: 'text', text: 'ok' }] }])
    await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model() })
    const text: string = server.requests[0]?.body.messages[0].content[0].text
    expect(text).toMatch(/untrusted data .* not instructions/)
    // The body's fake closing tag is escaped, so exactly one real fence closes the data.
    expect(text.match(/<\/github_event>/g)).toHaveLength(1)
    expect(text.trimEnd().endsWith('</github_event>')).toBe(true)
    const json = text.slice(text.indexOf('<github_event>\n') + '<github_event>\n'.length, text.lastIndexOf('\n</github_event>'))
    expect(JSON.parse(json)).toEqual(EVENT)
  })
})

describe('tool calls the loop must not trust', () => {
  it('refuses a tool the agent was not given, without running anything', async () => {
    const comment = okTool('github_post_comment')
    server.script([{ content: [{ type: 'tool_use', name: 'github_merge_pull_request', input: {} }] }, { content: [{ type: 'text', text: 'I cannot merge.' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment], model: await model() })

    expect(comment.calls).toEqual([])
    expect(result.toolCalls).toEqual([{ turn: 1, name: 'github_merge_pull_request', input: {}, isError: true }])
    expect(server.requests[1]?.body.messages[2].content[0]).toMatchObject({
      type: 'tool_result',
      content: 'tool github_merge_pull_request is not available to this agent',
      is_error: true
    })
    expect(result.stoppedBy).toBe('end')
  })

  it("returns a failing tool's error to the model as is_error, and a throwing tool's message too", async () => {
    const failing = recordingTool('github_add_labels', () => ({ content: 'label "bug" does not exist', isError: true }))
    const throwing = recordingTool('github_post_comment', () => {
      throw new Error('GitHub answered 502')
    })
    server.script([
      {
        content: [
          { type: 'tool_use', name: 'github_add_labels', input: { text: 'bug' } },
          { type: 'tool_use', name: 'github_post_comment', input: { text: 'hi' } }
        ]
      },
      { content: [{ type: 'text', text: 'Both failed.' }] }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [failing, throwing], model: await model() })

    const results = server.requests[1]?.body.messages[2].content
    expect(results).toEqual([
      { type: 'tool_result', tool_use_id: expect.any(String), content: 'label "bug" does not exist', is_error: true },
      { type: 'tool_result', tool_use_id: expect.any(String), content: 'tool github_post_comment failed: GitHub answered 502', is_error: true }
    ])
    expect(result.toolCalls.map((c) => c.isError)).toEqual([true, true])
    expect(server.invalidRequests()).toEqual([])
  })
})

describe('limits', () => {
  it("stops at max_iterations after answering the last call's tools, and makes no further call", async () => {
    const comment = okTool('github_post_comment')
    const again = { content: [{ type: 'tool_use' as const, name: 'github_post_comment', input: { text: 'again' } }] }
    server.script([again, again])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment], model: await model(), maxIterations: 2 })

    expect(result.stoppedBy).toBe('max_iterations')
    expect(result.turns).toBe(2)
    expect(comment.calls).toHaveLength(2)
    expect(server.requests).toHaveLength(2)
    expect(result.budgetNote).toContain('max_iterations of 2')
  })

  it('stops before a call the input budget cannot cover (fail closed) and says so', async () => {
    const comment = okTool('github_post_comment', 'x'.repeat(3_000))
    server.script([{ content: [{ type: 'tool_use', name: 'github_post_comment', input: {} }], usage: { input_tokens: 1_500, output_tokens: 40 } }])
    const result = await runAgent({
      system: SYSTEM,
      context: EVENT,
      tools: [comment],
      model: await model(),
      budgets: { maxInputTokens: 3_000 }
    })

    expect(result.stoppedBy).toBe('budget')
    expect(result.budgetNote).toMatch(/model call 2 would need about [\d,]+ input tokens .* 3,000-token input budget .*fail closed/)
    expect(server.requests).toHaveLength(1)
    expect(result.usage.inputTokens).toBe(1_500)
  })

  it('caps max_tokens so the output budget cannot be exceeded', async () => {
    server.script([{ content: [{ type: 'text', text: 'short' }] }])
    await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model(), maxTokensPerTurn: 4096, budgets: { maxOutputTokens: 1_000 } })
    expect(server.requests[0]?.body.max_tokens).toBe(1_000)
  })
})

describe('retries', () => {
  it('waits what a 429 retry-after asks, then succeeds', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([anthropicFaults.rateLimited(3), { content: [{ type: 'text', text: 'done' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({ sleep }) })

    expect(result.stoppedBy).toBe('end')
    expect(waits).toEqual([3]) // 3 s retry-after at timeScale 0.001
    expect(server.requests.map((r) => r.status)).toEqual([429, 200])
  })

  it('backs off after 529 overloaded, then succeeds', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([anthropicFaults.overloaded(), anthropicFaults.overloaded(), { content: [{ type: 'text', text: 'done' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({ sleep }) })

    expect(result.finalText).toBe('done')
    expect(waits).toEqual([2, 4]) // 2 s, then 4 s, scaled
  })

  it('retries a call that times out', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([{ content: [{ type: 'text', text: 'late' }], delayMs: 400 }, { content: [{ type: 'text', text: 'in time' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({ sleep, timeoutMs: 50 }) })
    expect(result.finalText).toBe('in time')
    expect(waits).toEqual([2])
  })

  it('gives up on a 429 that asks for a longer wait than the run allows, without waiting', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([anthropicFaults.rateLimited(3_600)])
    const m = await model({ sleep })
    await expect(
      m.complete({ system: SYSTEM, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 100 })
    ).rejects.toThrow(/HTTP 429 rate_limit_error .*re-run later/)
    expect(waits).toEqual([])
  })

  it('surfaces a final 500 as a typed, one-line error after a bounded number of attempts', async () => {
    server.script([anthropicFaults.serverError(), anthropicFaults.serverError(), anthropicFaults.serverError()])
    const m = await model({ retry: { timeScale: 0.001, maxRetries: 2 } })
    const error = await m.complete({ system: SYSTEM, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 100 }).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ModelCallError)
    const e = error as ModelCallError
    expect({ status: e.status, kind: e.kind, attempts: e.attempts, provider: e.provider }).toEqual({
      status: 500,
      kind: 'server',
      attempts: 3,
      provider: 'anthropic'
    })
    expect(e.message).toBe(
      `anthropic:${MODEL} failed: HTTP 500 api_error (Internal server error) after 3 attempts; the provider is failing; re-run the job later`
    )
    expect(server.requests).toHaveLength(3)
  })

  it('ends the run with stoppedBy error and the one-line message when the model fails for good', async () => {
    server.script([anthropicFaults.serverError(), anthropicFaults.serverError()])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({ retry: { timeScale: 0.001, maxRetries: 1 } }) })
    expect(result.stoppedBy).toBe('error')
    expect(result.error).toMatch(/^anthropic:claude-sonnet-5-5 failed: HTTP 500 [^\n]+$/)
    expect(result.turns).toBe(0)
  })

  it('retries a refused connection a bounded number of times, then names the base URL to check', async () => {
    const { sleep, waits } = recordingSleep()
    const m = await createAnthropicModel(MODEL, { apiKey: 'k', baseUrl: await deadUrl(), sleep, retry: { timeScale: 0.001, maxRetries: 2 } })
    await expect(m.complete({ system: '', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 10 })).rejects.toThrow(
      /^anthropic:claude-sonnet-5-5 failed: connection \(.*ECONNREFUSED.*\) after 3 attempts; the provider did not answer; check the network and any ANTHROPIC_BASE_URL setting$/
    )
    expect(waits).toEqual([2, 4])
  })

  it('does not retry a wrong key, and says which input to check', async () => {
    const m = await createAnthropicModel(MODEL, { apiKey: 'wrong', baseUrl: server.url, retry: { timeScale: 0.001 } })
    await expect(m.complete({ system: '', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 10 })).rejects.toThrow(
      'anthropic:claude-sonnet-5-5 failed: HTTP 401 authentication_error (invalid x-api-key); check the anthropic-api-key input or ANTHROPIC_API_KEY secret'
    )
    expect(server.requests).toHaveLength(1)
  })
})
