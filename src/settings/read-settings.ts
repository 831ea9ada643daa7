// Inputs are read here and nowhere else, into one validated object (actions/checkout's pattern).
import type { AwsCredentials, ModelCredentials } from '../shared/model-credentials.js'

/** The model keys and endpoints are the ModelCredentials fields; each input falls back to its environment variable. */
export interface Settings extends ModelCredentials {
  githubToken: string
  configPath: string
  configRef: 'base' | 'workspace'
  /** Default model for agents that name none, `provider:model`; '' when unset. */
  model: string
  dryRun: boolean
  botName: string
  /** Per-run budgets (0 = the agent's own or the built-in default). */
  maxTurns: number
  maxTokens: number
  /** Per-run seconds that agents' tools may spend running programs, all calls together. */
  maxToolSeconds: number
  /** Check-run conclusion when a budget stops an agent. */
  budgetConclusion: 'neutral' | 'failure'
  /** Name of the check run created on the head SHA for PR work ('' = none). */
  checkName: string
  /** Secret that seals the state kept in comments (HMAC key); '' = approvals are refused. */
  stateKey: string
  /** Slug of the GitHub App whose installation token github-token is ('' = GITHUB_TOKEN). */
  appSlug: string
}

export class SettingsError extends Error {}

type InputGetter = (name: string) => string

const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

/** Mirrors `core.getBooleanInput`: the YAML 1.2 core-schema spellings, anything else is an error. */
function readBoolean(get: InputGetter, name: string): boolean {
  const raw = get(name)
  if (raw === '' || BOOLEAN_FALSE.includes(raw)) return false
  if (BOOLEAN_TRUE.includes(raw)) return true
  throw new SettingsError(`Input '${name}' must be true or false, got '${raw}'`)
}

function readCount(get: InputGetter, name: string): number {
  const raw = get(name)
  if (raw === '') return 0
  if (!/^\d+$/.test(raw)) throw new SettingsError(`Input '${name}' must be a whole number (0 = no limit), got '${raw}'`)
  return Number(raw)
}

function readChoice<T extends string>(get: InputGetter, name: string, choices: readonly T[], fallback: T): T {
  const raw = get(name) || fallback
  if ((choices as readonly string[]).includes(raw)) return raw as T
  throw new SettingsError(`Input '${name}' must be one of ${choices.join(', ')}, got '${raw}'`)
}

/** An endpoint: http(s) only, so a typo fails here rather than as a connection error mid-run. */
function readUrl(get: InputGetter, name: string, envName: string, env: Record<string, string | undefined>): string {
  const raw = (get(name) || env[envName] || '').trim()
  if (raw === '') return ''
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SettingsError(`Input '${name}' (or ${envName}) must be an http(s) URL, got '${raw}'`)
  }
  return raw.replace(/\/+$/, '')
}

/** OLLAMA_HOST is Ollama's own variable, often written `host:port` without a scheme; AOF adds the OpenAI path /v1. */
function readOllamaHost(get: InputGetter, env: Record<string, string | undefined>): string {
  const raw = (get('ollama-host') || env.OLLAMA_HOST || '').trim()
  if (raw === '') return ''
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`
  const url = readUrl(() => withScheme, 'ollama-host', 'OLLAMA_HOST', {})
  return new URL(url).pathname === '/' ? `${url}/v1` : url
}

/** AWS credentials as the AWS CLI and SDKs read them from the environment (no input: aws-actions/configure-aws-credentials sets these). */
function readAws(env: Record<string, string | undefined>): AwsCredentials {
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
    sessionToken: env.AWS_SESSION_TOKEN ?? '',
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || '',
    bearerToken: env.AWS_BEARER_TOKEN_BEDROCK ?? ''
  }
}

/** Seconds of tool time for the run: a whole number of at least 1; unset, the action.yml default. */
function readToolSeconds(get: InputGetter, name: string): number {
  const raw = get(name)
  if (raw === '') return DEFAULT_TOOL_SECONDS
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new SettingsError(`Input '${name}' must be a whole number of seconds of at least 1, got '${raw}'`)
  return Number(raw)
}

/** The default of the max-tool-seconds input (action.yml says the same). */
export const DEFAULT_TOOL_SECONDS = 900

/**
 * `get` returns the trimmed input ('' when unset), like `core.getInput`.
 * Keys fall back to the environment variables the providers' own SDKs read.
 */
export function readSettings(get: InputGetter, env: Record<string, string | undefined>): Settings {
  const botName = (get('bot-name') || 'aofbot').replace(/^@/, '')
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/.test(botName)) {
    throw new SettingsError(`Input 'bot-name' must be a GitHub login such as aofbot, got '${botName}'`)
  }
  const appSlug = get('app-slug').replace(/\[bot\]$/, '')
  if (appSlug !== '' && !/^[a-z0-9][a-z0-9-]*$/i.test(appSlug)) {
    throw new SettingsError(`Input 'app-slug' must be a GitHub App's slug such as my-app (its bot is my-app[bot]), got '${appSlug}'`)
  }
  const stateKey = get('state-key')
  if (stateKey !== '' && stateKey.length < 16) {
    throw new SettingsError(`Input 'state-key' must be a random secret of at least 16 characters (e.g. from openssl rand -hex 32), got ${stateKey.length}`)
  }
  const model = get('model')
  if (model !== '' && !model.includes(':')) {
    throw new SettingsError(`Input 'model' must be provider:model (e.g. anthropic:claude-sonnet-4-5, openai:gpt-5 or ollama:llama3.3), got '${model}'`)
  }
  return {
    githubToken: get('github-token') || env.GITHUB_TOKEN || '',
    configPath: (get('config-path') || '.github/aof').replace(/\/+$/, '') || '.',
    configRef: readChoice(get, 'config-ref', ['base', 'workspace'] as const, 'base'),
    anthropicApiKey: get('anthropic-api-key') || env.ANTHROPIC_API_KEY || '',
    googleApiKey: get('google-api-key') || env.GOOGLE_API_KEY || '',
    openaiApiKey: get('openai-api-key') || env.OPENAI_API_KEY || '',
    openaiBaseUrl: readUrl(get, 'openai-base-url', 'OPENAI_BASE_URL', env),
    azureOpenaiApiKey: get('azure-openai-api-key') || env.AZURE_OPENAI_API_KEY || '',
    azureOpenaiEndpoint: readUrl(get, 'azure-openai-endpoint', 'AZURE_OPENAI_ENDPOINT', env),
    azureOpenaiApiVersion: get('azure-openai-api-version') || env.OPENAI_API_VERSION || '',
    groqApiKey: get('groq-api-key') || env.GROQ_API_KEY || '',
    ollamaHost: readOllamaHost(get, env),
    aws: readAws(env),
    model,
    dryRun: readBoolean(get, 'dry-run'),
    botName,
    maxTurns: readCount(get, 'max-turns'),
    maxTokens: readCount(get, 'max-tokens'),
    maxToolSeconds: readToolSeconds(get, 'max-tool-seconds'),
    budgetConclusion: readChoice(get, 'budget-conclusion', ['neutral', 'failure'] as const, 'neutral'),
    checkName: get('check-name'),
    stateKey,
    appSlug
  }
}
