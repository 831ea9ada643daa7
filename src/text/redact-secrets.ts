// Secrets (tokens, API keys) never reach GitHub, whatever the model or a tool output echoed.

export const REDACTED = '***'
// Shorter values would blank out ordinary words; the runner's own masking has the same blind spot.
const MIN_SECRET_LENGTH = 4

function candidates(secrets: readonly string[]): string[] {
  const all = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    all.add(secret)
    // Like the runner's log masking, each line of a multi-line secret (a PEM key) is masked alone.
    for (const line of secret.split(/\r?\n/)) all.add(line.trim())
  }
  return [...all].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of candidates(secrets)) out = out.split(secret).join(REDACTED)
  return out
}

/** Every string inside a JSON-like value (a request's parameters) redacted; other values as they are. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T
  }
  return value
}
