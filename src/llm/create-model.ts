// Picks the adapter for a parsed model and hands it its key and base URL. The adapters import
// their SDK only when called, so nothing here loads a provider's code until a model is needed.
import { createAnthropicModel } from './anthropic-model.js'
import { createBedrockModel } from './bedrock-model.js'
import { createGeminiModel } from './gemini-model.js'
import { createOpenAiModel } from './openai-model.js'
import type { ModelRef } from './parse-model.js'
import type { ModelClientOptions, ModelPort } from './types.js'
import type { ModelCredentials } from '../shared/model-credentials.js'

export type { ModelCredentials } from '../shared/model-credentials.js'

export class MissingApiKeyError extends Error {
  override name = 'MissingApiKeyError'
}

type CommonOptions = Omit<ModelClientOptions, 'apiKey' | 'baseUrl'>

/** Azure OpenAI's newest GA data-plane version when neither the input nor OPENAI_API_VERSION names one. */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21'
export const OLLAMA_DEFAULT_HOST = 'http://localhost:11434/v1'
const GROQ_API = 'https://api.groq.com/openai/v1'

const KEY_HINTS = {
  anthropic: 'the anthropic-api-key input or the ANTHROPIC_API_KEY secret',
  google: 'the google-api-key input or the GOOGLE_API_KEY secret',
  openai: 'the openai-api-key input or the OPENAI_API_KEY secret',
  groq: 'the groq-api-key input or the GROQ_API_KEY secret'
}
const AWS_HINT =
  'AWS credentials: run aws-actions/configure-aws-credentials before this step (it sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION), or set AWS_BEARER_TOKEN_BEDROCK and AWS_REGION'

/** Why this model cannot be called with these credentials, or null when it can. Pure. */
export function missingCredential(ref: ModelRef, credentials: ModelCredentials): string | null {
  const name = `${ref.provider}:${ref.model}`
  switch (ref.provider) {
    case 'anthropic':
      return credentials.anthropicApiKey ? null : `${name} needs an API key: set ${KEY_HINTS.anthropic}`
    case 'google':
      return credentials.googleApiKey ? null : `${name} needs an API key: set ${KEY_HINTS.google}`
    case 'openai':
      // A gateway may take no key of its own (it holds the provider's).
      return credentials.openaiApiKey || credentials.openaiBaseUrl
        ? null
        : `${name} needs an API key: set ${KEY_HINTS.openai} (or openai-base-url / OPENAI_BASE_URL for a gateway)`
    case 'azure': {
      const missing = [
        credentials.azureOpenaiApiKey ? '' : 'an API key (the azure-openai-api-key input or the AZURE_OPENAI_API_KEY secret)',
        credentials.azureOpenaiEndpoint ? '' : 'an endpoint (the azure-openai-endpoint input or AZURE_OPENAI_ENDPOINT, https://RESOURCE.openai.azure.com)'
      ].filter(Boolean)
      return missing.length === 0 ? null : `${name} needs ${missing.join(' and ')}`
    }
    case 'groq':
      return credentials.groqApiKey ? null : `${name} needs an API key: set ${KEY_HINTS.groq}`
    case 'ollama':
      return null
    case 'bedrock': {
      const { aws } = credentials
      const signed = aws.bearerToken !== '' || (aws.accessKeyId !== '' && aws.secretAccessKey !== '')
      if (signed && aws.region) return null
      return signed ? `${name} needs an AWS region: set AWS_REGION` : `${name} needs ${AWS_HINT}`
    }
  }
}

export async function createModel(
  ref: ModelRef,
  credentials: ModelCredentials,
  env: Record<string, string | undefined>,
  options: CommonOptions = {}
): Promise<ModelPort> {
  const missing = missingCredential(ref, credentials)
  if (missing) throw new MissingApiKeyError(missing)
  switch (ref.provider) {
    case 'anthropic':
      return createAnthropicModel(ref.model, { ...options, apiKey: credentials.anthropicApiKey, baseUrl: env.ANTHROPIC_BASE_URL || undefined })
    case 'google':
      return createGeminiModel(ref.model, { ...options, apiKey: credentials.googleApiKey, baseUrl: env.GOOGLE_GEMINI_BASE_URL || undefined })
    case 'openai':
      return createOpenAiModel(ref.model, {
        ...options,
        provider: 'openai',
        // The SDK refuses an empty key; a keyless gateway gets a placeholder it ignores.
        apiKey: credentials.openaiApiKey || 'no-key',
        baseUrl: credentials.openaiBaseUrl || undefined,
        gateway: credentials.openaiBaseUrl !== ''
      })
    case 'azure':
      return createOpenAiModel(ref.model, {
        ...options,
        provider: 'azure',
        apiKey: credentials.azureOpenaiApiKey,
        azure: { endpoint: credentials.azureOpenaiEndpoint, apiVersion: credentials.azureOpenaiApiVersion || AZURE_DEFAULT_API_VERSION }
      })
    case 'groq':
      return createOpenAiModel(ref.model, { ...options, provider: 'groq', apiKey: credentials.groqApiKey, baseUrl: env.GROQ_BASE_URL || GROQ_API })
    case 'ollama':
      // Ollama asks for no key; the SDK needs one, and AOF sends this one.
      return createOpenAiModel(ref.model, { ...options, provider: 'ollama', apiKey: 'ollama', baseUrl: credentials.ollamaHost || OLLAMA_DEFAULT_HOST })
    case 'bedrock':
      return createBedrockModel(ref.model, { ...options, aws: credentials.aws, baseUrl: env.ANTHROPIC_BEDROCK_BASE_URL || undefined })
  }
}
