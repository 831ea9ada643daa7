// The agent loop through the real openai SDK against the local Chat Completions API, in each URL
// shape the OpenAI family uses: OpenAI, Azure OpenAI (deployments, api-version, api-key), Groq,
// Ollama (no key) and a gateway under a path of its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runAgent } from '../../src/execute/run-agent.js'
import { ModelCallError } from '../../src/llm/model-call-error.js'
import { createOpenAiModel, type OpenAiModelOptions } from '../../src/llm/openai-model.js'
import { openAiFaults, startOpenAiServer, type OpenAiServer } from '../support/openai-server.js'
import { deadUrl, EVENT, okTool, recordingSleep, recordingTool } from './agent-tools.js'

const MODEL = 'gpt-4.1'
const SYSTEM = 'You review pull requests for octo/demo. Post one comment.'
const HI = { system: '', messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], tools: [], maxTokens: 10 }

let server: OpenAiServer

beforeAll(async () => {
  server = await startOpenAiServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
  expect(server.remaining()).toBe(0)
})

function model(extra: Partial<OpenAiModelOptions> = {}, name = MODEL) {
  return createOpenAiModel(name, { provider: 'openai', apiKey: server.apiKey, baseUrl: server.url, retry: { timeScale: 0.001 }, ...extra })
}

describe('a two-turn tool loop', () => {
  it('runs a function call, answers it with a tool message of the same id, and stops on stop', async () => {
    const comment = okTool('github_post_comment', 'comment 101 posted')
    const labels = okTool('github_add_labels')
    server.script([
      { content: 'Reading the PR.', toolCalls: [{ name: 'github_post_comment', arguments: { text: 'LGTM' } }] },
      { content: 'Review posted.', usage: { prompt_tokens: 2_000, cached_tokens: 1_500, completion_tokens: 20 } }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment, labels], model: await model(), temperature: 0.2 })

    expect(result).toMatchObject({ stoppedBy: 'end', finalText: 'Review posted.', turns: 2, truncated: false })
    expect(comment.calls).toEqual([{ text: 'LGTM' }])
    expect(labels.calls).toEqual([])
    expect(server.invalidRequests()).toEqual([])

    const [first, second] = server.requests.map((r) => r.body)
    expect(first.model).toBe(MODEL)
    expect(first.messages[0]).toEqual({ role: 'system', content: SYSTEM })
    expect(first.messages[1].role).toBe('user')
    expect(first.messages[1].content).toMatch(/untrusted data .* not instructions/)
    expect(first.tools).toEqual([
      { type: 'function', function: { name: 'github_post_comment', description: 'github_post_comment (test tool)', parameters: comment.inputSchema } },
      { type: 'function', function: { name: 'github_add_labels', description: 'github_add_labels (test tool)', parameters: labels.inputSchema } }
    ])
    expect(first.temperature).toBe(0.2)
    expect(first.max_completion_tokens).toEqual(expect.any(Number))
    expect(first).not.toHaveProperty('max_tokens')

    const call = second.messages[2]
    expect(call).toEqual({
      role: 'assistant',
      content: 'Reading the PR.',
      tool_calls: [{ id: expect.stringMatching(/^call_fake/), type: 'function', function: { name: 'github_post_comment', arguments: '{"text":"LGTM"}' } }]
    })
    expect(second.messages[3]).toEqual({ role: 'tool', tool_call_id: call.tool_calls[0].id, content: 'comment 101 posted' })
    // prompt_tokens counts the cached part; the usage keeps them apart.
    expect(result.perTurn[1]?.usage).toEqual({ inputTokens: 500, cacheReadTokens: 1_500, cacheWriteTokens: 0, outputTokens: 20 })
    expect(result.estimatedCostUsd).not.toBeNull()
  })

  it('sends the key as a Bearer token', async () => {
    server.script([{ content: 'ok' }])
    await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model() })
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${server.apiKey}`)
  })

  it("returns a failing tool's error to the model marked as an error, and refuses a tool the agent was not given", async () => {
    const failing = recordingTool('github_add_labels', () => ({ content: 'label "bug" does not exist', isError: true }))
    server.script([
      {
        toolCalls: [
          { name: 'github_add_labels', arguments: { text: 'bug' } },
          { name: 'github_merge_pull_request', arguments: {} }
        ]
      },
      { content: 'Both failed.' }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [failing], model: await model() })

    const messages = server.requests[1]?.body.messages
    expect(messages.slice(3)).toEqual([
      { role: 'tool', tool_call_id: expect.any(String), content: 'Error: label "bug" does not exist' },
      { role: 'tool', tool_call_id: expect.any(String), content: 'Error: tool github_merge_pull_request is not available to this agent' }
    ])
    expect(result.toolCalls.map((c) => [c.name, c.isError])).toEqual([
      ['github_add_labels', true],
      ['github_merge_pull_request', true]
    ])
    expect(server.invalidRequests()).toEqual([])
  })

  it('gives a call with malformed JSON arguments an empty input, and ids of its own to calls that repeat one', async () => {
    const comment = okTool('github_post_comment')
    server.script([
      { toolCalls: [{ name: 'github_post_comment', rawArguments: '{"text": "unterminated', id: 'call_same' }] },
      { toolCalls: [{ name: 'github_post_comment', arguments: { text: 'again' }, id: 'call_same' }] },
      { content: 'done' }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment], model: await model() })

    expect(comment.calls).toEqual([{}, { text: 'again' }])
    const ids = server.requests[2]?.body.messages.filter((m: { role: string }) => m.role === 'tool').map((m: { tool_call_id: string }) => m.tool_call_id)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
    expect(result.stoppedBy).toBe('end')
    expect(server.invalidRequests()).toEqual([])
  })

  it('reports finish_reason length as max_tokens', async () => {
    server.script([{ content: 'cut', finishReason: 'length' }])
    const response = await (await model()).complete(HI)
    expect(response).toMatchObject({ stopReason: 'max_tokens', rawStopReason: 'length' })
  })
})

describe('reasoning models', () => {
  it('sends no temperature and max_completion_tokens, which the API requires of them', async () => {
    server.script([{ content: 'ok' }])
    await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({}, 'gpt-5-mini'), temperature: 0.2 })
    expect(server.invalidRequests()).toEqual([])
    expect(server.requests[0]?.body).not.toHaveProperty('temperature')
    expect(server.requests[0]?.body.max_completion_tokens).toEqual(expect.any(Number))
  })
})

describe('the OpenAI-compatible servers', () => {
  it('azure: the deployment in the path, api-version in the query, the key in api-key', async () => {
    const azure = await startOpenAiServer({ flavor: 'azure', apiKey: 'azure-key' })
    try {
      azure.script([{ toolCalls: [{ name: 'github_post_comment', arguments: { text: 'hi' } }] }, { content: 'done' }])
      const comment = okTool('github_post_comment')
      const m = await createOpenAiModel('my-gpt4o', { provider: 'azure', apiKey: 'azure-key', azure: { endpoint: azure.url, apiVersion: '2024-10-21' } })
      const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment], model: m })

      expect(result.stoppedBy).toBe('end')
      expect(comment.calls).toEqual([{ text: 'hi' }])
      expect(azure.invalidRequests()).toEqual([])
      expect(azure.requests.map((r) => [r.path, r.query['api-version'], r.headers['api-key'], r.headers.authorization])).toEqual([
        ['/openai/deployments/my-gpt4o/chat/completions', '2024-10-21', 'azure-key', undefined],
        ['/openai/deployments/my-gpt4o/chat/completions', '2024-10-21', 'azure-key', undefined]
      ])
      // A deployment is named by its owner, not priced by its name.
      expect(result.estimatedCostUsd).toBeNull()
    } finally {
      await azure.close()
    }
  })

  it('ollama: no key needed, max_tokens (what Ollama reads), usage counted', async () => {
    const ollama = await startOpenAiServer({ apiKey: null })
    try {
      ollama.script([{ content: 'hello', usage: { prompt_tokens: 12, completion_tokens: 3 } }])
      const m = await createOpenAiModel('llama3.3', { provider: 'ollama', apiKey: 'ollama', baseUrl: ollama.url })
      const response = await m.complete({ ...HI, maxTokens: 64 })
      expect(response).toMatchObject({ content: [{ type: 'text', text: 'hello' }], stopReason: 'end_turn', usage: { inputTokens: 12, outputTokens: 3 } })
      expect(ollama.requests[0]?.body).toMatchObject({ model: 'llama3.3', max_tokens: 64 })
      expect(ollama.requests[0]?.body).not.toHaveProperty('max_completion_tokens')
    } finally {
      await ollama.close()
    }
  })

  it('a gateway under its own path gets the same protocol, with the max_tokens every gateway reads', async () => {
    const gateway = await startOpenAiServer({ prefix: '/llm-gateway/openai/v1', apiKey: 'gw-key' })
    try {
      gateway.script([{ content: 'via gateway' }])
      const m = await createOpenAiModel('gpt-4o', { provider: 'openai', apiKey: 'gw-key', baseUrl: gateway.url, gateway: true })
      expect((await m.complete(HI)).content).toEqual([{ type: 'text', text: 'via gateway' }])
      expect(gateway.requests[0]?.path).toBe('/llm-gateway/openai/v1/chat/completions')
      expect(gateway.requests[0]?.body.max_tokens).toBe(10)
    } finally {
      await gateway.close()
    }
  })
})

describe('retries and failures', () => {
  it('waits what a 429 retry-after asks, then succeeds', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([openAiFaults.rateLimited(3), { content: 'done' }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({ sleep }) })
    expect(result.finalText).toBe('done')
    expect(waits).toEqual([3])
    expect(server.requests.map((r) => r.status)).toEqual([429, 200])
  })

  it('retries a call that times out', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([{ content: 'late', delayMs: 400 }, { content: 'in time' }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model: await model({ sleep, timeoutMs: 50 }) })
    expect(result.finalText).toBe('in time')
    expect(waits).toEqual([2])
  })

  it('surfaces a final 500 as a typed, one-line error after a bounded number of attempts', async () => {
    server.script([openAiFaults.serverError(), openAiFaults.serverError()])
    const m = await model({ retry: { timeScale: 0.001, maxRetries: 1 } })
    const error = await m.complete(HI).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ModelCallError)
    expect((error as ModelCallError).message).toBe(
      `openai:${MODEL} failed: HTTP 500 server_error (The server had an error while processing your request. Sorry about that!) after 2 attempts; the provider is failing; re-run the job later`
    )
  })

  it('does not retry a wrong key, and says which input to check', async () => {
    const m = await model({ apiKey: 'sk-wrong' })
    await expect(m.complete(HI)).rejects.toThrow(
      'openai:gpt-4.1 failed: HTTP 401 invalid_api_key (Incorrect API key provided: sk-***. You can find your API key at https://platform.openai.com/account/api-keys.); check the openai-api-key input or OPENAI_API_KEY secret'
    )
    expect(server.requests).toHaveLength(1)
  })

  it('names the base URL to check when nothing answers', async () => {
    const m = await createOpenAiModel('llama3.3', {
      provider: 'ollama',
      apiKey: 'ollama',
      baseUrl: await deadUrl(),
      retry: { timeScale: 0.001, maxRetries: 0 }
    })
    await expect(m.complete(HI)).rejects.toThrow(
      /^ollama:llama3.3 failed: connection \(.*ECONNREFUSED.*\); the provider did not answer; check the network and any ollama-host \/ OLLAMA_HOST setting$/
    )
  })
})
