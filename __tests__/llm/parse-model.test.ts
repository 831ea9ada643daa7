import { describe, expect, it } from '@jest/globals'
import { ModelNameError, parseModel, type ParseModelOptions } from '../../src/llm/parse-model.js'

describe('parseModel', () => {
  it.each<[string, ParseModelOptions, { provider: string; model: string }]>([
    ['google:gemini-2.5-flash', {}, { provider: 'google', model: 'gemini-2.5-flash' }],
    ['anthropic:claude-sonnet-5-5', {}, { provider: 'anthropic', model: 'claude-sonnet-5-5' }],
    ['Claude:claude-haiku-4-5', {}, { provider: 'anthropic', model: 'claude-haiku-4-5' }],
    ['GEMINI:gemini-3-pro-preview', {}, { provider: 'google', model: 'gemini-3-pro-preview' }],
    // Split on the first colon only.
    ['google:tunedModels/my-model:v2', {}, { provider: 'google', model: 'tunedModels/my-model:v2' }],
    // A provider prefix wins over the provider field (AOF's rule).
    ['anthropic:claude-opus-5', { provider: 'google' }, { provider: 'anthropic', model: 'claude-opus-5' }],
    ['gemini-2.5-pro', { provider: 'Google' }, { provider: 'google', model: 'gemini-2.5-pro' }],
    ['claude-opus-5', { provider: 'claude' }, { provider: 'anthropic', model: 'claude-opus-5' }],
    ['gemini-2.5-pro', { defaultModel: 'google:gemini-2.5-flash' }, { provider: 'google', model: 'gemini-2.5-pro' }],
    ['claude-opus-5', { provider: 'anthropic', defaultModel: 'google:gemini-2.5-flash' }, { provider: 'anthropic', model: 'claude-opus-5' }],
    ['  google:gemini-2.5-flash  ', {}, { provider: 'google', model: 'gemini-2.5-flash' }],
    // AOF's other providers and their aliases.
    ['openai:gpt-4o', {}, { provider: 'openai', model: 'gpt-4o' }],
    ['GPT:gpt-5-mini', {}, { provider: 'openai', model: 'gpt-5-mini' }],
    ['azure:my-gpt4o-deployment', {}, { provider: 'azure', model: 'my-gpt4o-deployment' }],
    ['groq:llama-3.3-70b-versatile', {}, { provider: 'groq', model: 'llama-3.3-70b-versatile' }],
    ['ollama:llama3.3', {}, { provider: 'ollama', model: 'llama3.3' }],
    ['llama3.3:70b', { provider: 'ollama' }, { provider: 'ollama', model: 'llama3.3:70b' }],
    // A Bedrock model id has a colon of its own.
    ['bedrock:anthropic.claude-sonnet-4-5-20250929-v1:0', {}, { provider: 'bedrock', model: 'anthropic.claude-sonnet-4-5-20250929-v1:0' }],
    ['aws:us.anthropic.claude-haiku-4-5-20251001-v1:0', {}, { provider: 'bedrock', model: 'us.anthropic.claude-haiku-4-5-20251001-v1:0' }],
    ['gpt-4o', { defaultModel: 'openai:gpt-5' }, { provider: 'openai', model: 'gpt-4o' }]
  ])('reads %s with %j', (model, options, expected) => {
    expect(parseModel(model, options)).toEqual(expected)
  })

  it.each<[string, ParseModelOptions, string]>([
    [
      'gemini-2.5-flash',
      {},
      'model gemini-2.5-flash names no provider: write PROVIDER:gemini-2.5-flash, where PROVIDER is one of anthropic (claude), google (gemini), openai (gpt), azure, groq, ollama, bedrock (aws)'
    ],
    [
      'mistral:large',
      {},
      "model mistral:large: unknown provider 'mistral'; the providers are anthropic (claude), google (gemini), openai (gpt), azure, groq, ollama, bedrock (aws)"
    ],
    [
      'llama3',
      { provider: 'vertex' },
      "model vertex:llama3: unknown provider 'vertex'; the providers are anthropic (claude), google (gemini), openai (gpt), azure, groq, ollama, bedrock (aws)"
    ],
    ['anthropic:', {}, 'model anthropic: must be provider:model, e.g. anthropic:claude-sonnet-5-5'],
    [':claude-opus-5', {}, 'model :claude-opus-5 must be provider:model, e.g. anthropic:claude-sonnet-5-5'],
    ['', {}, 'the agent names no model: set spec.model (e.g. anthropic:claude-sonnet-5-5 or google:gemini-2.5-flash) or the action input model']
  ])('refuses %j with %j', (model, options, message) => {
    expect(() => parseModel(model, options)).toThrow(new ModelNameError(message))
  })
})
