// The local provider APIs refuse what the real ones refuse, and speak what the SDKs read,
// streaming included, so a green agent test means the real API would have accepted the requests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import Anthropic from '@anthropic-ai/sdk'
import { GoogleGenAI } from '@google/genai'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'

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
