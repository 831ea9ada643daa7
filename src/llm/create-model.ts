// Picks the adapter for a parsed model and hands it its key and base URL. The adapters import
// their SDK only when called, so nothing here loads a provider's code until a model is needed.
import { createAnthropicModel } from './anthropic-model.js'
import { createGeminiModel } from './gemini-model.js'
import type { ModelRef } from './parse-model.js'
import type { ModelClientOptions, ModelPort } from './types.js'

export interface ModelCredentials {
  /** The action input, else ANTHROPIC_API_KEY (read-settings.ts already merged them). */
  anthropicApiKey: string
  googleApiKey: string
}

export class MissingApiKeyError extends Error {
  override name = 'MissingApiKeyError'
}

type CommonOptions = Omit<ModelClientOptions, 'apiKey' | 'baseUrl'>

export async function createModel(
  ref: ModelRef,
  credentials: ModelCredentials,
  env: Record<string, string | undefined>,
  options: CommonOptions = {}
): Promise<ModelPort> {
  if (ref.provider === 'anthropic') {
    if (!credentials.anthropicApiKey) {
      throw new MissingApiKeyError(`anthropic:${ref.model} needs an API key: set the anthropic-api-key input or the ANTHROPIC_API_KEY secret`)
    }
    return createAnthropicModel(ref.model, { ...options, apiKey: credentials.anthropicApiKey, baseUrl: env.ANTHROPIC_BASE_URL || undefined })
  }
  if (!credentials.googleApiKey) {
    throw new MissingApiKeyError(`google:${ref.model} needs an API key: set the google-api-key input or the GOOGLE_API_KEY secret`)
  }
  return createGeminiModel(ref.model, { ...options, apiKey: credentials.googleApiKey, baseUrl: env.GOOGLE_GEMINI_BASE_URL || undefined })
}
