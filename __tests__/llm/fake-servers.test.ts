// The local provider APIs refuse what the real ones refuse, and speak what the SDKs read,
// streaming included, so a green agent test means the real API would have accepted the requests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import Anthropic from '@anthropic-ai/sdk'
import { GoogleGenAI } from '@google/genai'
import OpenAI from 'openai'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server.js'

const MODEL = 'claude-sonnet-5-5'

describe('the local Anthropic API', () => {
  let server: AnthropicServer
  let client: Anthropic

  beforeAll(async () => {
    server = await startAnthropicServer()
    client = new Anthropic({ apiKey: server.apiKey, baseURL: server.url, maxRetries: 0 })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    server.requests.length = 0
  })

  const user = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] })

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': server.apiKey, 'anthropic-version': '2026-10-21', 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body)
    })
    return { status: res.status, body: await res.json() }
  }

  it('streams a message the SDK assembles into the same content', async () => {
    server.script([
      {
        content: [
          { type: 'text', text: 'Looking.' },
          { type: 'tool_use', name: 'github_add_labels', input: { labels: ['bug', 'p1'] } }
        ]
      }
    ])
    const message = await client.messages.stream({ model: MODEL, max_tokens: 100, messages: [user('hi')] }).finalMessage()
    expect(message.content).toEqual([
      { type: 'text', text: 'Looking.', citations: null },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'github_add_labels', input: { labels: ['bug', 'p1'] } }
    ])
    expect(message.stop_reason).toBe('tool_use')
    expect(server.requests[0]?.body.stream).toBe(true)
  })

  it("refuses a tool_use left without a tool_result, in the API's words", async () => {
    const error = await client.messages
      .create({
        model: MODEL,
        max_tokens: 10,
        messages: [user('hi'), { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'x', input: {} }] }, user('and?')]
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).apiMessage).toBe(
      'messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.'
    )
  })

  it('refuses a tool_result that answers no tool_use of the previous message', async () => {
    const res = await post({
      model: MODEL,
      max_tokens: 10,
      messages: [
        user('hi'),
        { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: 'x' }] }
      ]
    })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/^messages\.2\.content\.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_9\./)
  })

  it.each([
    ['2026-10-21', 400],
    ['2023-06-01', 500] // accepted; no turn is scripted, so the fake says so with a 500
  ])('under API version %s, answers temperature with %i', async (version, status) => {
    const res = await post({ model: MODEL, max_tokens: 10, temperature: 0.2, messages: [user('hi')] }, { 'anthropic-version': version })
    expect(res.status).toBe(status)
    if (status === 400) expect(res.body.error).toEqual({ type: 'invalid_request_error', message: 'temperature: Extra inputs are not permitted' })
  })

  it.each([
    ['model', { max_tokens: 10, messages: [] }],
    ['max_tokens', { model: MODEL, messages: [] }]
  ])('requires %s', async (field, body) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe(`${field}: Field required`)
  })

  it('refuses more than four cache breakpoints', async () => {
    const marked = (text: string) => ({ type: 'text', text, cache_control: { type: 'ephemeral' } })
    const res = await post({
      model: MODEL,
      max_tokens: 10,
      cache_control: { type: 'ephemeral' },
      system: [marked('a'), marked('b')],
      messages: [{ role: 'user', content: [marked('c'), marked('d')] }]
    })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe('A maximum of 4 blocks with cache_control may be provided. Found 5.')
  })

  it('refuses a request without a valid key', async () => {
    expect((await post({ model: MODEL, max_tokens: 1, messages: [user('hi')] }, { 'x-api-key': '' })).status).toBe(401)
    const res = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { 'anthropic-version': '2026-10-21', 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, max_tokens: 1, messages: [user('hi')] })
    })
    expect(res.status).toBe(401)
    expect(((await res.json()) as any).error.message).toBe('x-api-key header is required')
  })
})

describe('the local Gemini API', () => {
  let server: GeminiServer

  beforeAll(async () => {
    server = await startGeminiServer()
  })
  afterAll(() => server.close())

  it('streams generateContent as server-sent events the SDK reads', async () => {
    const ai = new GoogleGenAI({ apiKey: server.apiKey, httpOptions: { baseUrl: server.url, fetch: (input, init) => fetch(input, init) } })
    server.script([{ parts: [{ text: 'streamed' }] }])
    const chunks: string[] = []
    for await (const chunk of await ai.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'hi' })) chunks.push(chunk.text ?? '')
    expect(chunks.join('')).toBe('streamed')
    expect(server.requests[0]?.query.alt).toBe('sse')
  })

  it('takes the key from the key query parameter too', async () => {
    server.script([{ parts: [{ text: 'ok' }] }])
    const res = await fetch(`${server.url}/v1beta/models/gemini-2.5-flash:generateContent?key=${server.apiKey}`, {
      method: 'POST',
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] })
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as any).candidates[0].content.parts).toEqual([{ text: 'ok' }])
  })
})

describe('the local Chat Completions API', () => {
  let server: OpenAiServer
  let client: OpenAI

  beforeAll(async () => {
    server = await startOpenAiServer()
    client = new OpenAI({ apiKey: server.apiKey, baseURL: server.url, maxRetries: 0 })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    server.requests.length = 0
  })

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e as InstanceType<typeof OpenAI.APIError>
    )

  it('streams a completion the SDK assembles into the same tool calls', async () => {
    server.script([{ content: 'Looking.', toolCalls: [{ name: 'github_add_labels', arguments: { labels: ['bug', 'p1'] } }] }])
    const stream = client.chat.completions.stream({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } })
    const completion = await stream.finalChatCompletion()
    expect(completion.choices[0]?.message).toMatchObject({
      content: 'Looking.',
      tool_calls: [{ id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'github_add_labels', arguments: '{"labels":["bug","p1"]}' } }]
    })
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls')
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0)
  })

  it("refuses a tool call left without its tool message, in the API's words", async () => {
    const error = await refusal(
      client.chat.completions.create({
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'x', arguments: '{}' } }] },
          { role: 'user', content: 'and?' }
        ]
      })
    )
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error?.message).toBe(
      "400 An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_1"
    )
  })

  it('refuses a tool message that answers no call, an unknown field, and max_tokens or a temperature on a reasoning model', async () => {
    const orphan = await refusal(
      client.chat.completions.create({
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'tool', tool_call_id: 'call_9', content: 'x' }
        ]
      })
    )
    expect(orphan?.message).toBe("400 Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.")
    const extra = await refusal(client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }], top_k: 3 } as never))
    expect(extra?.message).toBe('400 Unrecognized request argument supplied: top_k')
    const cap = await refusal(client.chat.completions.create({ model: 'o4-mini', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }))
    expect(cap?.code).toBe('unsupported_parameter')
    const temperature = await refusal(client.chat.completions.create({ model: 'gpt-5', temperature: 0.2, messages: [{ role: 'user', content: 'hi' }] }))
    expect(temperature?.code).toBe('unsupported_value')
    const name = await refusal(
      client.chat.completions.create({
        model: 'gpt-4.1',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [{ type: 'function', function: { name: 'github.post', parameters: { type: 'object' } } }]
      })
    )
    expect(name?.status).toBe(400)
    expect(server.requests.every((r) => r.status === 400)).toBe(true)
  })

  it('speaks Azure only at deployments with an api-version and api-key', async () => {
    const azure = await startOpenAiServer({ flavor: 'azure', apiKey: 'az' })
    try {
      const noVersion = await fetch(`${azure.url}/openai/deployments/d1/chat/completions`, {
        method: 'POST',
        headers: { 'api-key': 'az', 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] })
      })
      expect(noVersion.status).toBe(404)
      const bearer = await fetch(`${azure.url}/openai/deployments/d1/chat/completions?api-version=2024-10-21`, {
        method: 'POST',
        headers: { authorization: 'Bearer az', 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] })
      })
      expect(bearer.status).toBe(401)
    } finally {
      await azure.close()
    }
  })
})
