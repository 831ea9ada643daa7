// Loaded only when the runner sets a proxy (self-hosted runners behind one): the same fetch that
// @actions/github gives Octokit, undici with @actions/http-client's proxy dispatcher, which also
// applies no_proxy. Every other run uses Node's own fetch and never compiles this chunk.
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici'

export function createProxyFetch(baseUrl: string): typeof fetch {
  const dispatcher = new HttpClient().getAgentDispatcher(baseUrl)
  const proxied = (url: string | URL | Request, init?: RequestInit): Promise<Response> =>
    undiciFetch(url as Parameters<typeof undiciFetch>[0], { ...(init as UndiciRequestInit), dispatcher }) as unknown as Promise<Response>
  return proxied as typeof fetch
}
