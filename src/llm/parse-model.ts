// AOF's `model: provider:model`, resolved to a provider this action can call. Pure.
import type { Provider } from './types.js'

export interface ModelRef {
  provider: Provider
  /** The provider's model id (`claude-sonnet-5-5`, `gemini-2.5-flash`). */
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
const SUPPORTED: Record<string, Provider> = { anthropic: 'anthropic', claude: 'anthropic', google: 'google', gemini: 'google' }
const KNOWN_ELSEWHERE: Record<string, string> = {
  openai: 'openai',
  gpt: 'openai',
  bedrock: 'bedrock',
  aws: 'bedrock',
  azure: 'azure',
  ollama: 'ollama',
  groq: 'groq'
}

function providerOf(word: string, model: string): Provider {
  const key = word.trim().toLowerCase()
  const supported = SUPPORTED[key]
  if (supported) return supported
  const other = KNOWN_ELSEWHERE[key]
  if (other) {
    throw new ModelNameError(`model ${model}: provider ${other} is not supported in github-agent yet; use anthropic:MODEL or google:MODEL`)
  }
  throw new ModelNameError(`model ${model}: unknown provider '${word}'; write anthropic:MODEL or google:MODEL`)
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
    return { provider: providerOf(written.slice(0, colon), written), model: name }
  }
  if (options.provider && options.provider.trim() !== '') {
    return { provider: providerOf(options.provider, `${options.provider}:${written}`), model: written }
  }
  const fallback = defaultProvider(options.defaultModel)
  if (fallback) return { provider: fallback, model: written }
  throw new ModelNameError(`model ${written} names no provider: write anthropic:${written} or google:${written}`)
}
