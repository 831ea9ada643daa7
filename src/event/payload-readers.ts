// Webhook payloads are untrusted JSON of many shapes: every read is checked, none throws.

export type JsonRecord = Record<string, unknown>

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** Finite numbers only: a NaN or Infinity would print as text no one asked for. */
export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function asBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null
}

/** `labels: [{name}]` as GitHub sends them; anything malformed is skipped. */
export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((label) => {
    const name = asString(asRecord(label)?.name)
    return name === null ? [] : [name]
  })
}

/** `user.login` of an object that has a `user`. */
export function loginOf(value: unknown): string | null {
  return asString(asRecord(asRecord(value)?.user)?.login)
}

/** An issue that is really a PR: GitHub marks it with `issue.pull_request`. */
export function issueIsPullRequest(issue: JsonRecord | null): boolean {
  return issue !== null && asRecord(issue.pull_request) !== null
}
