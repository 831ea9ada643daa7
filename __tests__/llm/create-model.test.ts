import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createModel, MissingApiKeyError } from '../../src/llm/create-model.js'
import type { Provider } from '../../src/llm/types.js'
import type { ModelCredentials } from '../../src/shared/model-credentials.js'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startBedrockServer, type BedrockServer } from '../support/bedrock-server.js'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server.js'

const NONE: ModelCredentials = {
  anthropicApiKey: '',
  googleApiKey: '',
  openaiApiKey: '',
  openaiBaseUrl: '',
  azureOpenaiApiKey: '',
  azureOpenaiEndpoint: '',
  azureOpenaiApiVersion: '',
  groqApiKey: '',
  ollamaHost: '',
  aws: { accessKeyId: '', secretAccessKey: '', sessionToken: '', region: '', bearerToken: '' }
}

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
      { ...NONE, anthropicApiKey: anthropic.apiKey, googleApiKey: 'unused' },
      { ANTHROPIC_BASE_URL: anthropic.url }
    )
    expect(await model.complete(HI)).toMatchObject({ content: [{ type: 'text', text: 'hello' }], stopReason: 'end_turn' })
    expect(anthropic.requests[0]?.body.model).toBe('claude-opus-5')
  })

  it('sends Gemini calls to GOOGLE_GEMINI_BASE_URL with the Google key', async () => {
    gemini.script([{ parts: [{ text: 'hello' }] }])
    const model = await createModel(
      { provider: 'google', model: 'gemini-2.5-pro' },
      { ...NONE, anthropicApiKey: 'unused', googleApiKey: gemini.apiKey },
      { GOOGLE_GEMINI_BASE_URL: gemini.url }
    )
    expect(await model.complete(HI)).toMatchObject({ content: [{ type: 'text', text: 'hello' }], stopReason: 'end_turn' })
    expect(gemini.requests[0]?.model).toBe('gemini-2.5-pro')
  })

  it.each<[Provider, string]>([
    ['anthropic', 'anthropic:m needs an API key: set the anthropic-api-key input or the ANTHROPIC_API_KEY secret'],
    ['google', 'google:m needs an API key: set the google-api-key input or the GOOGLE_API_KEY secret'],
    ['openai', 'openai:m needs an API key: set the openai-api-key input or the OPENAI_API_KEY secret (or openai-base-url / OPENAI_BASE_URL for a gateway)'],
    [
      'azure',
      'azure:m needs an API key (the azure-openai-api-key input or the AZURE_OPENAI_API_KEY secret) and an endpoint (the azure-openai-endpoint input or AZURE_OPENAI_ENDPOINT, https://RESOURCE.openai.azure.com)'
    ],
    ['groq', 'groq:m needs an API key: set the groq-api-key input or the GROQ_API_KEY secret'],
    [
      'bedrock',
      'bedrock:m needs AWS credentials: run aws-actions/configure-aws-credentials before this step (it sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION), or set AWS_BEARER_TOKEN_BEDROCK and AWS_REGION'
    ]
  ])('refuses a %s model without its credentials, before any call, naming the input and variable to set', async (provider, message) => {
    await expect(createModel({ provider, model: 'm' }, NONE, {})).rejects.toThrow(new MissingApiKeyError(message))
  })

  it('names the one part Azure or Bedrock still lacks', async () => {
    await expect(createModel({ provider: 'azure', model: 'm' }, { ...NONE, azureOpenaiApiKey: 'k' }, {})).rejects.toThrow(
      'azure:m needs an endpoint (the azure-openai-endpoint input or AZURE_OPENAI_ENDPOINT, https://RESOURCE.openai.azure.com)'
    )
    const aws = { ...NONE.aws, accessKeyId: 'AKIA1', secretAccessKey: 's' }
    await expect(createModel({ provider: 'bedrock', model: 'm' }, { ...NONE, aws }, {})).rejects.toThrow('bedrock:m needs an AWS region: set AWS_REGION')
  })
})

describe('createModel for the OpenAI family and Bedrock', () => {
  let openai: OpenAiServer
  let azure: OpenAiServer
  let bedrock: BedrockServer

  beforeAll(async () => {
    openai = await startOpenAiServer({ apiKey: null })
    azure = await startOpenAiServer({ flavor: 'azure', apiKey: 'az-key' })
    bedrock = await startBedrockServer()
  })
  afterAll(async () => {
    await Promise.all([openai.close(), azure.close(), bedrock.close()])
  })

  async function ask(provider: Provider, credentials: Partial<ModelCredentials>, env: Record<string, string> = {}) {
    openai.script([{ content: `hello from ${provider}` }])
    const model = await createModel({ provider, model: 'some-model' }, { ...NONE, ...credentials }, env)
    return model.complete(HI)
  }

  it('openai: the gateway base URL and key; a keyless gateway gets a placeholder', async () => {
    expect((await ask('openai', { openaiApiKey: 'sk-1', openaiBaseUrl: openai.url })).content).toEqual([{ type: 'text', text: 'hello from openai' }])
    expect(openai.requests.at(-1)?.headers.authorization).toBe('Bearer sk-1')
    await ask('openai', { openaiBaseUrl: openai.url })
    expect(openai.requests.at(-1)?.headers.authorization).toBe('Bearer no-key')
  })

  /** The SDK reads some variables from process.env itself: set them for one test. */
  async function withProcessEnv(vars: Record<string, string>, run: () => Promise<void>): Promise<void> {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
    Object.assign(process.env, vars)
    try {
      await run()
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  }

  it("groq: GROQ_BASE_URL moves it, the Groq key is sent, and not OpenAI's organization", async () => {
    await withProcessEnv({ OPENAI_ORG_ID: 'org-x', OPENAI_API_KEY: 'sk-openai' }, async () => {
      await ask('groq', { groqApiKey: 'gsk-1' }, { GROQ_BASE_URL: openai.url })
      expect(openai.requests.at(-1)?.headers.authorization).toBe('Bearer gsk-1')
      expect(openai.requests.at(-1)?.headers).not.toHaveProperty('openai-organization')
      // OpenAI's own API does get it.
      await ask('openai', { openaiApiKey: 'sk-1', openaiBaseUrl: openai.url })
      expect(openai.requests.at(-1)?.headers['openai-organization']).toBe('org-x')
    })
  })

  it('ollama: the host from the settings, no key asked', async () => {
    await ask('ollama', { ollamaHost: openai.url })
    expect(openai.requests.at(-1)).toMatchObject({ path: '/v1/chat/completions', model: 'some-model' })
  })

  it('azure: the default api-version when none is set, and a set one when given', async () => {
    azure.script([{ content: 'a' }, { content: 'b' }])
    const creds = { ...NONE, azureOpenaiApiKey: 'az-key', azureOpenaiEndpoint: azure.url }
    // OPENAI_BASE_URL is a gateway for openai: models; the SDK's Azure client would read it too.
    await withProcessEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9/gateway', OPENAI_API_VERSION: '2023-05-15' }, async () => {
      await (await createModel({ provider: 'azure', model: 'dep1' }, creds, {})).complete(HI)
      await (await createModel({ provider: 'azure', model: 'dep1' }, { ...creds, azureOpenaiApiVersion: '2025-04-01-preview' }, {})).complete(HI)
    })
    expect(azure.requests.map((r) => [r.path, r.query['api-version']])).toEqual([
      ['/openai/deployments/dep1/chat/completions', '2024-10-21'],
      ['/openai/deployments/dep1/chat/completions', '2025-04-01-preview']
    ])
  })

  it('bedrock: ANTHROPIC_BEDROCK_BASE_URL moves it, and the job credentials sign it', async () => {
    bedrock.script([{ content: [{ type: 'text', text: 'from bedrock' }] }])
    const { accessKeyId, secretAccessKey, region } = bedrock.credentials
    const model = await createModel(
      { provider: 'bedrock', model: 'anthropic.claude-haiku-4-5-20251001-v1:0' },
      { ...NONE, aws: { accessKeyId, secretAccessKey, sessionToken: '', region, bearerToken: '' } },
      { ANTHROPIC_BEDROCK_BASE_URL: bedrock.url }
    )
    expect((await model.complete(HI)).content).toEqual([{ type: 'text', text: 'from bedrock' }])
    expect(bedrock.requests[0]?.signature).toMatchObject({ accessKeyId, valid: true })
  })
})

describe('cold start', () => {
  // A run that matches no trigger must not load a provider SDK: src/llm may name one only in a
  // type import or a dynamic import().
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../src/llm')
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))

  it.each(files)('%s loads no provider SDK when imported', (file) => {
    const source = readFileSync(join(dir, file), 'utf8')
    const staticImports = source
      .split('\n')
      .filter((line) => /^import\s+(?!type\b)/.test(line) && /@anthropic-ai\/(bedrock-)?sdk|@google\/genai|'openai'/.test(line))
    expect(staticImports).toEqual([])
  })

  it('finds the dynamic imports it expects', () => {
    const sources = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')
    expect(sources).toContain("await import('@anthropic-ai/sdk')")
    expect(sources).toContain("await import('@google/genai')")
    expect(sources).toContain("await import('openai')")
    expect(sources).toContain("await import('@anthropic-ai/bedrock-sdk')")
  })
})
