import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createModel, MissingApiKeyError } from '../../src/llm/create-model.js'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'

const HI = { system: '', messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], tools: [], maxTokens: 10 }

describe('createModel', () => {
  let anthropic: AnthropicServer
  let gemini: GeminiServer

  beforeAll(async () => {
    anthropic = await startAnthropicServer()
    gemini = await startGeminiServer()
  })
  afterAll(async () => {
    await anthropic.close()
    await gemini.close()
  })

  it('sends Anthropic calls to ANTHROPIC_BASE_URL with the Anthropic key', async () => {
    anthropic.script([{ content: [{ type: 'text', text: 'hello' }] }])
    const model = await createModel(
      { provider: 'anthropic', model: 'claude-opus-5' },
      { anthropicApiKey: anthropic.apiKey, googleApiKey: 'unused' },
      { ANTHROPIC_BASE_URL: anthropic.url }
    )
    expect(await model.complete(HI)).toMatchObject({ content: [{ type: 'text', text: 'hello' }], stopReason: 'end_turn' })
    expect(anthropic.requests[0]?.body.model).toBe('claude-opus-5')
  })

  it('sends Gemini calls to GOOGLE_GEMINI_BASE_URL with the Google key', async () => {
    gemini.script([{ parts: [{ text: 'hello' }] }])
    const model = await createModel(
      { provider: 'google', model: 'gemini-2.5-pro' },
      { anthropicApiKey: 'unused', googleApiKey: gemini.apiKey },
      { GOOGLE_GEMINI_BASE_URL: gemini.url }
    )
    expect(await model.complete(HI)).toMatchObject({ content: [{ type: 'text', text: 'hello' }], stopReason: 'end_turn' })
    expect(gemini.requests[0]?.model).toBe('gemini-2.5-pro')
  })

  it.each([
    ['anthropic', 'anthropic:claude-opus-5 needs an API key: set the anthropic-api-key input or the ANTHROPIC_API_KEY secret'],
    ['google', 'google:claude-opus-5 needs an API key: set the google-api-key input or the GOOGLE_API_KEY secret']
  ] as const)('refuses a %s model without its key, before any call', async (provider, message) => {
    await expect(createModel({ provider, model: 'claude-opus-5' }, { anthropicApiKey: '', googleApiKey: '' }, {})).rejects.toThrow(
      new MissingApiKeyError(message)
    )
  })
})

describe('cold start', () => {
  // A run that matches no trigger must not load a provider SDK: src/llm may name one only in a
  // type import or a dynamic import().
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../src/llm')
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))

  it.each(files)('%s loads no provider SDK when imported', (file) => {
    const source = readFileSync(join(dir, file), 'utf8')
    const staticImports = source.split('\n').filter((line) => /^import\s+(?!type\b)/.test(line) && /@anthropic-ai\/sdk|@google\/genai/.test(line))
    expect(staticImports).toEqual([])
  })

  it('finds the dynamic imports it expects', () => {
    const sources = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')
    expect(sources).toContain("await import('@anthropic-ai/sdk')")
    expect(sources).toContain("await import('@google/genai')")
  })
})
