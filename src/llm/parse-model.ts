// AOF's `model: provider:model`, resolved to a provider this action can call. Pure.
import type { Provider } from './types.js'

export interface ModelRef {
  provider: Provider
  /** The provider's model id (`claude-sonnet-5-5`, `gpt-5`), or an Azure deployment's name. */
  model: string
}

export interface ParseModelOptions {
  /** The agent's `provider:` field, used only when `model` has no `provider:` part (AOF's rule). */
  provider?: string
  /** The action's `model` input (`provider:model`), whose provider a bare name falls back to. */
  defaultModel?: string
}

export class ModelNameError extends Error {
  override name = 'ModelNameError'
}

// AOF's aliases (crates/aof-runtime parse_provider), case-insensitive.
const PROVIDERS: Record<string, Provider> = {
  anthropic: 'anthropic',
  claude: 'anthropic',
  google: 'google',
  gemini: 'google',
  openai: 'openai',
  gpt: 'openai',
  azure: 'azure',
  groq: 'groq',
  ollama: 'ollama',
  bedrock: 'bedrock',
  aws: 'bedrock'
}

/** What an error lists: each provider with its alias. */
export const KNOWN_PROVIDERS = 'anthropic (claude), google (gemini), openai (gpt), azure, groq, ollama, bedrock (aws)'

function providerOf(word: string, model: string): Provider {
  const provider = PROVIDERS[word.trim().toLowerCase()]
  if (provider) return provider
  throw new ModelNameError(`model ${model}: unknown provider '${word}'; the providers are ${KNOWN_PROVIDERS}`)
}

/** The provider part of the action's `model` input, if it names a supported one. */
function defaultProvider(defaultModel: string | undefined): Provider | null {
  if (!defaultModel) return null
  const colon = defaultModel.indexOf(':')
  if (colon <= 0) return null
  return providerOf(defaultModel.slice(0, colon), defaultModel)
}

/**
 * Split on the first `:` (so `google:tunedModels/x:y` keeps its tail). A bare name follows the
 * agent's `provider`, then the action input's provider. AOF itself falls back to Anthropic here;
 * we refuse instead, because a silent guess spends money with the wrong key.
 */
export function parseModel(model: string, options: ParseModelOptions = {}): ModelRef {
  const written = model.trim()
  if (written === '') {
    throw new ModelNameError('the agent names no model: set spec.model (e.g. anthropic:claude-sonnet-5-5 or google:gemini-2.5-flash) or the action input model')
  }
  const colon = written.indexOf(':')
  if (colon >= 0) {
    const name = written.slice(colon + 1).trim()
    if (colon === 0 || name === '') {
      throw new ModelNameError(`model ${written} must be provider:model, e.g. anthropic:claude-sonnet-5-5`)
    }
    const prefix = written.slice(0, colon)
    // An Ollama tag (`llama3.3:70b`) with the agent's `provider: ollama`: the colon is the model's own.
    // (AOF would read `llama3.3` as a provider and fail.)
    const agentProvider = options.provider?.trim() ? PROVIDERS[options.provider.trim().toLowerCase()] : undefined
    if (!PROVIDERS[prefix.trim().toLowerCase()] && agentProvider) return { provider: agentProvider, model: written }
    return { provider: providerOf(prefix, written), model: name }
  }
  if (options.provider && options.provider.trim() !== '') {
    return { provider: providerOf(options.provider, `${options.provider}:${written}`), model: written }
  }
  const fallback = defaultProvider(options.defaultModel)
  if (fallback) return { provider: fallback, model: written }
  throw new ModelNameError(`model ${written} names no provider: write PROVIDER:${written}, where PROVIDER is one of ${KNOWN_PROVIDERS}`)
}
