// Octokit throws RequestError; read it by shape so callers and fakes need not import Octokit's classes.

export interface RequestFailure {
  status: number | null
  message: string
  headers: Record<string, string | undefined>
}

export function requestFailure(error: unknown): RequestFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown
    message?: unknown
    response?: { headers?: Record<string, string | undefined> }
  }
  return {
    status: typeof e.status === 'number' ? e.status : null,
    message: typeof e.message === 'string' ? e.message : String(error),
    headers: e.response?.headers ?? {}
  }
}

export function hasStatus(error: unknown, status: number): boolean {
  return requestFailure(error).status === status
}
