// What the model providers need from the action's inputs and the job's environment: filled by
// settings/, read by llm/. Plain data; '' means unset.

export interface AwsCredentials {
  /** AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, as aws-actions/configure-aws-credentials sets them. */
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  /** AWS_REGION, else AWS_DEFAULT_REGION. */
  region: string
  /** AWS_BEARER_TOKEN_BEDROCK: a Bedrock API key, used instead of SigV4 when set. */
  bearerToken: string
}

export interface ModelCredentials {
  /** anthropic-api-key, else ANTHROPIC_API_KEY. */
  anthropicApiKey: string
  /** google-api-key, else GOOGLE_API_KEY. */
  googleApiKey: string
  /** openai-api-key, else OPENAI_API_KEY. */
  openaiApiKey: string
  /** openai-base-url, else OPENAI_BASE_URL: an OpenAI-compatible gateway for `openai:` models. */
  openaiBaseUrl: string
  /** azure-openai-api-key, else AZURE_OPENAI_API_KEY. */
  azureOpenaiApiKey: string
  /** azure-openai-endpoint, else AZURE_OPENAI_ENDPOINT (https://RESOURCE.openai.azure.com). */
  azureOpenaiEndpoint: string
  /** azure-openai-api-version, else OPENAI_API_VERSION (the SDK's name), else a GA default. */
  azureOpenaiApiVersion: string
  /** groq-api-key, else GROQ_API_KEY. */
  groqApiKey: string
  /** ollama-host, else OLLAMA_HOST, else the local default. */
  ollamaHost: string
  aws: AwsCredentials
}

/** The values to mask in the log and redact from everything written. */
export function credentialSecrets(credentials: ModelCredentials): string[] {
  const { aws } = credentials
  return [
    credentials.anthropicApiKey,
    credentials.googleApiKey,
    credentials.openaiApiKey,
    credentials.azureOpenaiApiKey,
    credentials.groqApiKey,
    aws.accessKeyId,
    aws.secretAccessKey,
    aws.sessionToken,
    aws.bearerToken
  ].filter(Boolean)
}
