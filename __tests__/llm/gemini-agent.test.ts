// The agent loop through the real @google/genai SDK against the local Gemini API.
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAgent } from '../../src/execute/run-agent.js'
import { createGeminiModel } from '../../src/llm/gemini-model.js'
import { ModelCallError } from '../../src/llm/model-call-error.js'
import type { ModelClientOptions } from '../../src/llm/types.js'
import { geminiFaults, startGeminiServer, type GeminiServer, type GeminiServerOptions } from '../support/gemini-server.js'
import { deadUrl, EVENT, okTool, recordingSleep } from './agent-tools.js'

const MODEL = 'gemini-2.5-flash'
const SYSTEM = 'You triage issues for octo/demo. Label the issue.'

let server: GeminiServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function setup(options: GeminiServerOptions = {}, extra: Partial<ModelClientOptions> = {}, model = MODEL) {
  const s = await startGeminiServer(options)
  server = s
  const port = await createGeminiModel(model, { apiKey: s.apiKey, baseUrl: s.url, retry: { timeScale: 0.001 }, ...extra })
  return { server: s, model: port }
}

describe('a function-calling loop', () => {
  it('answers a functionCall with a functionResponse of the same name, then stops on STOP', async () => {
    const { server, model } = await setup()
    const labels = okTool('github_add_labels', 'labels added: bug')
    const comment = okTool('github_post_comment')
    server.script([
      { parts: [{ functionCall: { name: 'github_add_labels', args: { text: 'bug' } } }], usage: { promptTokenCount: 900, candidatesTokenCount: 12 } },
      { parts: [{ text: 'Labelled as bug.' }], usage: { promptTokenCount: 950, candidatesTokenCount: 8, cachedContentTokenCount: 600 } }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [labels, comment], model, temperature: 0.1, maxTokensPerTurn: 2048 })

    expect(result).toMatchObject({ stoppedBy: 'end', finalText: 'Labelled as bug.', turns: 2 })
    expect(labels.calls).toEqual([{ text: 'bug' }])
    expect(server.invalidRequests()).toEqual([])

    const [first, second] = server.requests
    expect(first?.path).toBe(`/v1beta/models/${MODEL}:generateContent`)
    expect(first?.headers['x-goog-api-key']).toBe(server.apiKey)
    expect(first?.body.systemInstruction).toEqual({ parts: [{ text: SYSTEM }], role: 'user' })
    expect(first?.body.generationConfig).toMatchObject({ temperature: 0.1, maxOutputTokens: 2048 })
    const declarations = first?.body.tools[0].functionDeclarations
    expect(declarations.map((d: { name: string }) => d.name)).toEqual(['github_add_labels', 'github_post_comment'])
    expect(declarations[0].parametersJsonSchema).toEqual(labels.inputSchema)

    expect(second?.body.contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'github_add_labels', args: { text: 'bug' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'github_add_labels', response: { output: 'labels added: bug' } } }] }
    ])
  })

  it('counts cached and thinking tokens the way the price table expects', async () => {
    const { server, model } = await setup()
    server.script([
      { parts: [{ text: 'ok' }], usage: { promptTokenCount: 1_000, cachedContentTokenCount: 700, candidatesTokenCount: 50, thoughtsTokenCount: 200 } }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model })
    expect(result.usage).toEqual({ inputTokens: 300, cacheReadTokens: 700, cacheWriteTokens: 0, outputTokens: 250 })
    // gemini-2.5-flash: 300 × $0.30 + 700 × $0.03 + 250 × $2.50 per million
    expect(result.estimatedCostUsd).toBeCloseTo(0.000736, 6)
  })

  it('returns a refused tool to Gemini as an error response', async () => {
    const { server, model } = await setup()
    server.script([{ parts: [{ functionCall: { name: 'shell', args: { cmd: 'rm -rf /' } } }] }, { parts: [{ text: 'Sorry.' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [okTool('github_add_labels')], model })
    expect(result.toolCalls).toEqual([{ turn: 1, name: 'shell', input: { cmd: 'rm -rf /' }, isError: true }])
    expect(server.requests[1]?.body.contents[2].parts[0].functionResponse).toEqual({
      name: 'shell',
      response: { error: 'tool shell is not available to this agent' }
    })
  })

  it('echoes Gemini 3 thought signatures and call ids back on the next turn', async () => {
    const { server, model } = await setup({ requireThoughtSignatures: true }, {}, 'gemini-3-flash-preview')
    server.script([
      {
        parts: [
          { functionCall: { name: 'github_add_labels', args: { text: 'bug' }, id: 'call-a' }, thoughtSignature: 'c2lnLWE=' },
          { functionCall: { name: 'github_post_comment', args: { text: 'hi' }, id: 'call-b' } }
        ]
      },
      { parts: [{ text: 'Done.' }] }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [okTool('github_add_labels'), okTool('github_post_comment')], model })

    expect(result.stoppedBy).toBe('end')
    expect(server.invalidRequests()).toEqual([])
    const [modelTurn, answers] = server.requests[1]!.body.contents.slice(1)
    expect(modelTurn.parts[0]).toEqual({ functionCall: { name: 'github_add_labels', args: { text: 'bug' }, id: 'call-a' }, thoughtSignature: 'c2lnLWE=' })
    expect(answers.parts.map((p: { functionResponse: { id: string } }) => p.functionResponse.id)).toEqual(['call-a', 'call-b'])
  })
})

describe('the fake enforces what Gemini enforces', () => {
  it("refuses function responses that do not match the calls, with Gemini's wording", async () => {
    const { server } = await setup()
    const res = await fetch(`${server.url}/v1beta/models/${MODEL}:generateContent?key=${server.apiKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        contents: [
          { role: 'user', parts: [{ text: 'hi' }] },
          { role: 'model', parts: [{ functionCall: { name: 'a', args: {} } }, { functionCall: { name: 'b', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { name: 'a', response: { output: 'x' } } }] }
        ]
      })
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.'
      }
    })
  })

  it('refuses a request without a key', async () => {
    const { server } = await setup()
    const res = await fetch(`${server.url}/v1beta/models/${MODEL}:generateContent`, {
      method: 'POST',
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] })
    })
    expect(res.status).toBe(403)
  })
})

describe('retries', () => {
  it('waits the RetryInfo delay of a 429 RESOURCE_EXHAUSTED, then succeeds', async () => {
    const { sleep, waits } = recordingSleep()
    const { server, model } = await setup({}, { sleep })
    server.script([geminiFaults.resourceExhausted(7), { parts: [{ text: 'ok' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model })
    expect(result.finalText).toBe('ok')
    expect(waits).toEqual([7])
    expect(server.requests.map((r) => r.status)).toEqual([429, 200])
  })

  it('backs off after 503 overloaded, then succeeds', async () => {
    const { sleep, waits } = recordingSleep()
    const { server, model } = await setup({}, { sleep })
    server.script([geminiFaults.unavailable(), { parts: [{ text: 'ok' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model })
    expect(result.finalText).toBe('ok')
    expect(waits).toEqual([2])
  })

  it('retries a call that times out', async () => {
    const { sleep, waits } = recordingSleep()
    const { server, model } = await setup({}, { sleep, timeoutMs: 50 })
    server.script([{ parts: [{ text: 'late' }], delayMs: 400 }, { parts: [{ text: 'in time' }] }])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [], model })
    expect(result.finalText).toBe('in time')
    expect(waits).toEqual([2])
  })

  it('surfaces a final 500 as a typed, one-line error', async () => {
    const { server, model } = await setup({}, { retry: { timeScale: 0.001, maxRetries: 1 } })
    server.script([geminiFaults.internal(), geminiFaults.internal()])
    const error = await model
      .complete({ system: SYSTEM, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 10 })
      .then(
        () => null,
        (e: unknown) => e
      )
    expect(error).toBeInstanceOf(ModelCallError)
    expect((error as ModelCallError).message).toBe(
      'google:gemini-2.5-flash failed: HTTP 500 INTERNAL (An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting) after 2 attempts; the provider is failing; re-run the job later'
    )
  })

  it('retries a refused connection a bounded number of times, then names the base URL to check', async () => {
    const { sleep, waits } = recordingSleep()
    const model = await createGeminiModel(MODEL, { apiKey: 'k', baseUrl: await deadUrl(), sleep, retry: { timeScale: 0.001, maxRetries: 1 } })
    await expect(
      model.complete({ system: '', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 10 })
    ).rejects.toThrow(
      /^google:gemini-2\.5-flash failed: connection \(.*ECONNREFUSED.*\) after 2 attempts; the provider did not answer; check the network and any GOOGLE_GEMINI_BASE_URL setting$/
    )
    expect(waits).toEqual([2])
  })

  it('says which input to check when the key is wrong, without retrying', async () => {
    const s = await startGeminiServer()
    server = s
    const model = await createGeminiModel(MODEL, { apiKey: 'wrong', baseUrl: s.url, retry: { timeScale: 0.001 } })
    await expect(
      model.complete({ system: '', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [], maxTokens: 10 })
    ).rejects.toThrow(/HTTP 400 INVALID_ARGUMENT \(API key not valid\. Please pass a valid API key\.\); the request was refused/)
    expect(s.requests).toHaveLength(1)
  })
})
