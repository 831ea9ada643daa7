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
    ['  google:gemini-2.5-flash  ', {}, { provider: 'google', model: 'gemini-2.5-flash' }]
  ])('reads %s with %j', (model, options, expected) => {
    expect(parseModel(model, options)).toEqual(expected)
  })

  it.each<[string, ParseModelOptions, string]>([
    ['gemini-2.5-flash', {}, 'model gemini-2.5-flash names no provider: write anthropic:gemini-2.5-flash or google:gemini-2.5-flash'],
    ['openai:gpt-4o', {}, 'model openai:gpt-4o: provider openai is not supported in github-agent yet; use anthropic:MODEL or google:MODEL'],
    ['gpt:gpt-4o', {}, 'model gpt:gpt-4o: provider openai is not supported in github-agent yet; use anthropic:MODEL or google:MODEL'],
    [
      'bedrock:anthropic.claude-v2',
      {},
      'model bedrock:anthropic.claude-v2: provider bedrock is not supported in github-agent yet; use anthropic:MODEL or google:MODEL'
    ],
    ['ollama:llama3', {}, 'model ollama:llama3: provider ollama is not supported in github-agent yet; use anthropic:MODEL or google:MODEL'],
    ['llama3', { provider: 'ollama' }, 'model ollama:llama3: provider ollama is not supported in github-agent yet; use anthropic:MODEL or google:MODEL'],
    ['mistral:large', {}, "model mistral:large: unknown provider 'mistral'; write anthropic:MODEL or google:MODEL"],
    ['anthropic:', {}, 'model anthropic: must be provider:model, e.g. anthropic:claude-sonnet-5-5'],
    [':claude-opus-5', {}, 'model :claude-opus-5 must be provider:model, e.g. anthropic:claude-sonnet-5-5'],
    ['', {}, 'the agent names no model: set spec.model (e.g. anthropic:claude-sonnet-5-5 or google:gemini-2.5-flash) or the action input model']
  ])('refuses %j with %j', (model, options, message) => {
    expect(() => parseModel(model, options)).toThrow(new ModelNameError(message))
  })
})
