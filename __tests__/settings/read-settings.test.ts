import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { readSettings, SettingsError, type Settings } from '../../src/settings/read-settings.js'

/** An input reader over a table, '' for what is not set, as `core.getInput` reads the runner's INPUT_*. */
function inputs(values: Record<string, string> = {}): (name: string) => string {
  return (name) => values[name] ?? ''
}

function read(values: Record<string, string> = {}, env: Record<string, string | undefined> = {}): Settings {
  return readSettings(inputs(values), env)
}

/** The error readSettings throws for these inputs. */
function failure(values: Record<string, string>): SettingsError {
  try {
    read(values)
  } catch (error) {
    if (error instanceof SettingsError) return error
    throw error
  }
  throw new Error(`expected a SettingsError for ${JSON.stringify(values)}`)
}

describe('readSettings', () => {
  it('gives the documented defaults when no input is set', () => {
    expect(read()).toEqual({
      githubToken: '',
      configPath: '.github/aof',
      configRef: 'base',
      anthropicApiKey: '',
      googleApiKey: '',
      openaiApiKey: '',
      openaiBaseUrl: '',
      azureOpenaiApiKey: '',
      azureOpenaiEndpoint: '',
      azureOpenaiApiVersion: '',
      groqApiKey: '',
      ollamaHost: '',
      aws: { accessKeyId: '', secretAccessKey: '', sessionToken: '', region: '', bearerToken: '' },
      model: '',
      dryRun: false,
      botName: 'aofbot',
      maxTurns: 0,
      maxTokens: 0,
      maxToolSeconds: 900,
      budgetConclusion: 'neutral',
      checkName: '',
      stateKey: '',
      appSlug: ''
    })
  })

  it("reads action.yml's own defaults, as the runner passes them, to the same settings", () => {
    const action = parse(readFileSync(path.resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '')]))
    defaults['github-token'] = 'ghs_from_the_runner'
    expect(read(defaults)).toEqual({ ...read(), githubToken: 'ghs_from_the_runner', checkName: 'github-agent' })
  })

  it('reads every input when all are set', () => {
    expect(
      read({
        'github-token': 'ghs_token',
        'config-path': 'ops/aof',
        'config-ref': 'workspace',
        'anthropic-api-key': 'sk-ant',
        'google-api-key': 'g-key',
        'openai-api-key': 'sk-openai',
        'openai-base-url': 'https://llm.example.com/v1/',
        'azure-openai-api-key': 'az-key',
        'azure-openai-endpoint': 'https://ops.openai.azure.com',
        'azure-openai-api-version': '2025-04-01-preview',
        'groq-api-key': 'gsk-key',
        'ollama-host': 'http://gpu-box:11434',
        model: 'google:gemini-2.5-flash',
        'dry-run': 'true',
        'bot-name': 'opsbot',
        'max-turns': '12',
        'max-tokens': '200000',
        'max-tool-seconds': '60',
        'budget-conclusion': 'failure',
        'check-name': 'AOF review',
        'state-key': 'k'.repeat(32),
        'app-slug': 'ops-app'
      })
    ).toEqual({
      githubToken: 'ghs_token',
      configPath: 'ops/aof',
      configRef: 'workspace',
      anthropicApiKey: 'sk-ant',
      googleApiKey: 'g-key',
      openaiApiKey: 'sk-openai',
      openaiBaseUrl: 'https://llm.example.com/v1',
      azureOpenaiApiKey: 'az-key',
      azureOpenaiEndpoint: 'https://ops.openai.azure.com',
      azureOpenaiApiVersion: '2025-04-01-preview',
      groqApiKey: 'gsk-key',
      ollamaHost: 'http://gpu-box:11434/v1',
      aws: { accessKeyId: '', secretAccessKey: '', sessionToken: '', region: '', bearerToken: '' },
      model: 'google:gemini-2.5-flash',
      dryRun: true,
      botName: 'opsbot',
      maxTurns: 12,
      maxTokens: 200000,
      maxToolSeconds: 60,
      budgetConclusion: 'failure',
      checkName: 'AOF review',
      stateKey: 'k'.repeat(32),
      appSlug: 'ops-app'
    })
  })

  describe('keys and token', () => {
    const env = { GITHUB_TOKEN: 'env-token', ANTHROPIC_API_KEY: 'env-ant', GOOGLE_API_KEY: 'env-google' }

    it('falls back to the environment variables the SDKs read when the inputs are empty', () => {
      expect(read({}, env)).toMatchObject({ githubToken: 'env-token', anthropicApiKey: 'env-ant', googleApiKey: 'env-google' })
    })

    it('prefers the inputs over the environment', () => {
      expect(read({ 'github-token': 'in-token', 'anthropic-api-key': 'in-ant', 'google-api-key': 'in-google' }, env)).toMatchObject({
        githubToken: 'in-token',
        anthropicApiKey: 'in-ant',
        googleApiKey: 'in-google'
      })
    })

    it('reads the other providers’ variables, AWS’s as configure-aws-credentials sets them', () => {
      expect(
        read(
          {},
          {
            OPENAI_API_KEY: 'sk',
            OPENAI_BASE_URL: 'http://127.0.0.1:4000',
            AZURE_OPENAI_API_KEY: 'az',
            AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com/',
            OPENAI_API_VERSION: '2024-10-21',
            GROQ_API_KEY: 'gsk',
            OLLAMA_HOST: '0.0.0.0:11434',
            AWS_ACCESS_KEY_ID: 'AKIA',
            AWS_SECRET_ACCESS_KEY: 'secret',
            AWS_SESSION_TOKEN: 'session',
            AWS_DEFAULT_REGION: 'eu-west-1',
            AWS_BEARER_TOKEN_BEDROCK: 'ABSK'
          }
        )
      ).toMatchObject({
        openaiApiKey: 'sk',
        openaiBaseUrl: 'http://127.0.0.1:4000',
        azureOpenaiApiKey: 'az',
        azureOpenaiEndpoint: 'https://r.openai.azure.com',
        azureOpenaiApiVersion: '2024-10-21',
        groqApiKey: 'gsk',
        // Ollama's own spelling, host:port, with the scheme and the OpenAI path AOF uses.
        ollamaHost: 'http://0.0.0.0:11434/v1',
        aws: { accessKeyId: 'AKIA', secretAccessKey: 'secret', sessionToken: 'session', region: 'eu-west-1', bearerToken: 'ABSK' }
      })
      expect(read({}, { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'eu-west-1' }).aws.region).toBe('us-east-2')
      expect(read({}, { OLLAMA_HOST: 'https://ollama.internal/proxy/v1' }).ollamaHost).toBe('https://ollama.internal/proxy/v1')
    })

    it.each([
      [{ 'openai-base-url': 'llm.example.com/v1' }, "Input 'openai-base-url' (or OPENAI_BASE_URL) must be an http(s) URL, got 'llm.example.com/v1'"],
      [
        { 'azure-openai-endpoint': 'ftp://r.openai.azure.com' },
        "Input 'azure-openai-endpoint' (or AZURE_OPENAI_ENDPOINT) must be an http(s) URL, got 'ftp://r.openai.azure.com'"
      ]
    ])('refuses an endpoint that is not an http(s) URL: %j', (values, message) => {
      expect(failure(values).message).toBe(message)
    })

    it('reads no other environment variable (GH_TOKEN is the gh CLI’s, not ours)', () => {
      expect(read({}, { GH_TOKEN: 'gh', GEMINI_API_KEY: 'gem' })).toMatchObject({ githubToken: '', googleApiKey: '' })
    })
  })

  describe('config-path', () => {
    it.each([
      ['.github/aof/', '.github/aof'],
      ['configs///', 'configs'],
      ['aof/triggers.yaml', 'aof/triggers.yaml'],
      ['.', '.']
    ])('reads %j as %j (trailing slashes dropped)', (raw, configPath) => {
      expect(read({ 'config-path': raw }).configPath).toBe(configPath)
    })
  })

  describe('config-ref', () => {
    it.each(['base', 'workspace'])('accepts %j', (ref) => {
      expect(read({ 'config-ref': ref }).configRef).toBe(ref)
    })

    it.each(['head', 'Base', 'main'])('refuses %j, naming the input and the choices', (ref) => {
      expect(failure({ 'config-ref': ref }).message).toBe(`Input 'config-ref' must be one of base, workspace, got '${ref}'`)
    })
  })

  describe('dry-run', () => {
    it.each([
      ['true', true],
      ['True', true],
      ['TRUE', true],
      ['false', false],
      ['False', false],
      ['FALSE', false],
      ['', false]
    ])('reads %j as %s, as core.getBooleanInput does', (raw, dryRun) => {
      expect(read({ 'dry-run': raw }).dryRun).toBe(dryRun)
    })

    it.each(['yes', '1', 'on', 'tRUE'])('refuses %j rather than guessing', (raw) => {
      expect(failure({ 'dry-run': raw }).message).toBe(`Input 'dry-run' must be true or false, got '${raw}'`)
    })
  })

  describe('bot-name', () => {
    it.each([
      ['aofbot', 'aofbot'],
      ['@aofbot', 'aofbot'],
      ['ops-bot-2', 'ops-bot-2'],
      ['my-app[bot]', 'my-app[bot]']
    ])('reads %j as %j', (raw, botName) => {
      expect(read({ 'bot-name': raw }).botName).toBe(botName)
    })

    it.each(['two words', '-leading-dash', 'bot[bot]x', 'a/b', '@'])('refuses %j: it must be a GitHub login', (raw) => {
      expect(failure({ 'bot-name': raw }).message).toMatch(/^Input 'bot-name' must be a GitHub login such as aofbot, got '/)
    })
  })

  describe('model', () => {
    it.each(['anthropic:claude-sonnet-4-5', 'google:gemini-2.5-flash', ''])('accepts %j', (model) => {
      expect(read({ model }).model).toBe(model)
    })

    it('refuses a model without its provider, with an example of the form', () => {
      expect(failure({ model: 'claude-sonnet-4-5' }).message).toBe(
        "Input 'model' must be provider:model (e.g. anthropic:claude-sonnet-4-5, openai:gpt-5 or ollama:llama3.3), got 'claude-sonnet-4-5'"
      )
    })
  })

  describe.each(['max-turns', 'max-tokens'])('%s', (name) => {
    const key = name === 'max-turns' ? 'maxTurns' : 'maxTokens'

    it.each([
      ['', 0],
      ['0', 0],
      ['7', 7],
      ['007', 7],
      ['1000000', 1000000]
    ])('reads %j as %d', (raw, value) => {
      expect(read({ [name]: raw })[key]).toBe(value)
    })

    it.each(['-1', '1.5', '1e6', 'ten', '10k'])('refuses %j: a whole number or 0 for no limit', (raw) => {
      expect(failure({ [name]: raw }).message).toBe(`Input '${name}' must be a whole number (0 = no limit), got '${raw}'`)
    })
  })

  describe('max-tool-seconds', () => {
    it('is 900 unset, and any whole number of seconds of at least 1', () => {
      expect(read({}).maxToolSeconds).toBe(900)
      expect(read({ 'max-tool-seconds': '30' }).maxToolSeconds).toBe(30)
    })

    it.each(['0', '-1', '1.5', 'ten'])('refuses %j', (raw) => {
      expect(failure({ 'max-tool-seconds': raw }).message).toBe(`Input 'max-tool-seconds' must be a whole number of seconds of at least 1, got '${raw}'`)
    })
  })

  describe('budget-conclusion', () => {
    it.each([
      ['', 'neutral'],
      ['neutral', 'neutral'],
      ['failure', 'failure']
    ])('reads %j as %j', (raw, conclusion) => {
      expect(read({ 'budget-conclusion': raw }).budgetConclusion).toBe(conclusion)
    })

    it.each(['success', 'cancelled', 'FAILURE'])('refuses %j: only neutral or failure', (raw) => {
      expect(failure({ 'budget-conclusion': raw }).message).toBe(`Input 'budget-conclusion' must be one of neutral, failure, got '${raw}'`)
    })
  })

  describe('check-name', () => {
    it('is empty, meaning no check run, when the input is empty', () => {
      expect(read({ 'check-name': '' }).checkName).toBe('')
    })

    it('is taken as written', () => {
      expect(read({ 'check-name': 'AOF: review' }).checkName).toBe('AOF: review')
    })
  })

  it('throws a SettingsError, which the shell reports by its message alone (no stack)', () => {
    expect(() => read({ 'dry-run': 'maybe' })).toThrow(SettingsError)
  })
})

describe('state-key and app-slug', () => {
  it('reads them, empty by default', () => {
    expect(read({})).toMatchObject({ stateKey: '', appSlug: '' })
    expect(read({ 'state-key': 'k'.repeat(32), 'app-slug': 'my-app[bot]' })).toMatchObject({ stateKey: 'k'.repeat(32), appSlug: 'my-app' })
  })

  it('refuses a state-key too short to be a secret, without printing it', () => {
    expect(() => read({ 'state-key': 'hunter2' })).toThrow(SettingsError)
    expect(() => read({ 'state-key': 'hunter2' })).toThrow(/at least 16 characters.*got 7$/)
  })

  it('refuses an app-slug that is not a slug', () => {
    expect(() => read({ 'app-slug': 'my app' })).toThrow(/Input 'app-slug' must be a GitHub App's slug/)
  })
})
