// A local GitHub REST API (GHES-style, under /api/v3) for tests: every request is matched and
// validated against GitHub's official OpenAPI description, answered from an in-memory world,
// and recorded. Point the action at it with GITHUB_API_URL=server.url.
//
//   const server = await startGitHubServer()
//   server.world.addPull('acme/app', { number: 7, user: 'alice', files: [{ filename: 'a.ts', patch: '@@ -1 +1,2 @@\n a\n+b' }] })
//   server.fail(secondaryRateLimit('issues/create-comment'))
//   ... run the action with server.env() ...
//   expect(server.invalidRequests).toEqual([])
//   expect(server.world.comments.at(-1)?.body).toContain('...')
//   await server.close()
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { FaultQueue, type FaultSpec } from './github-faults.js'
import { answerGraphQL } from './github-graphql.js'
import type { Handler, HandlerResult } from './github-handler-types.js'
import { actionsHandlers, JOB_LOGS_PATH } from './github-handlers-actions.js'
import { checkHandlers } from './github-handlers-checks.js'
import { issueHandlers } from './github-handlers-issues.js'
import { pullHandlers } from './github-handlers-pulls.js'
import { repoHandlers } from './github-handlers-repos.js'
import { searchHandlers } from './github-handlers-search.js'
import { OpenApiRouter, type OpenApiSubset } from './github-openapi.js'
import { paginate } from './github-paginate.js'
import type { Urls } from './github-shapes.js'
import { GitHubWorld, WorldRuleError, type UserSeed, type WorldUser } from './github-world.js'

export { secondaryRateLimit, primaryRateLimit, SECONDARY_RATE_LIMIT_MESSAGE, type FaultSpec } from './github-faults.js'
export type * from './github-world.js'

export const API_BASE_PATH = '/api/v3'
const DOCS = 'https://docs.github.com/rest'
const RATE_LIMIT = 5000

/** The identity of a GITHUB_TOKEN in Actions. */
export const GITHUB_ACTIONS_BOT: UserSeed = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export interface GitHubServerOptions {
  /** Who every token belongs to (default `github-actions[bot]`, type Bot). */
  identity?: UserSeed
  /** Per-token identities, for tests where a human's token makes some calls. */
  tokens?: Record<string, UserSeed>
  /** Clock for created_at/updated_at (default: real time). */
  now?: () => Date
  /** Another subset (default: the committed __fixtures__/openapi/github-rest-subset.json). */
  subset?: OpenApiSubset
  /**
   * Milliseconds each request waits before it is answered (a number, or a function of the request
   * count), so that runs started together really overlap as they would against github.com.
   */
  latencyMs?: number | ((serial: number) => number)
  /**
   * The GraphQL endpoint: `on` (default), `absent` (404, a server without it) or `forbidden`
   * (403, a token GraphQL refuses). Changeable later with `setGraphQL`.
   */
  graphql?: GraphQLMode
}

export type GraphQLMode = 'on' | 'absent' | 'forbidden'

/** Where Octokit sends GraphQL for a GHES-style base URL (`/api/v3` → `/api/graphql`), and github.com's path. */
export const GRAPHQL_PATHS = ['/api/graphql', '/graphql']

export interface RecordedRequest {
  method: string
  /** Path below the API base, percent-decoded (`/repos/o/r/contents/src/a.ts`). */
  path: string
  query: Record<string, string>
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown
  /** null when no operation of the subset matches (a 404). */
  operationId: string | null
  status: number
  /** Path and query parameters as validated (typed, defaults applied). */
  params: Record<string, unknown>
  /** The 422/400 message for an invalid request, or the error of a handler that crashed. */
  error?: string
  /** The login the token belongs to (undefined without a token). */
  actor?: string
  /** The Range header sent (log downloads). */
  range?: string
  /** Bytes of the answer's body (log downloads). */
  bytesSent?: number
  /** `performance.now()` when the request arrived and when its answer was sent: what a run waited on, and in which order. */
  startedAt: number
  endedAt: number
}

export interface GitHubServer {
  /** API base URL: `http://127.0.0.1:PORT/api/v3` (use as Octokit's baseUrl / GITHUB_API_URL). */
  url: string
  /** Web root: `http://127.0.0.1:PORT` (GITHUB_SERVER_URL). */
  origin: string
  port: number
  world: GitHubWorld
  /** The default identity tokens resolve to. */
  identity: WorldUser
  requests: RecordedRequest[]
  /** Requests GitHub would reject as malformed (schema, JSON); tests normally assert this is empty. */
  invalidRequests: RecordedRequest[]
  /** Requests that change something: not GETs, not GraphQL queries (GraphQL mutations are writes). */
  writes(): RecordedRequest[]
  countOf(operationId: string): number
  /** Queue a failure for an operation; faults are consumed in the order they were added. */
  fail(fault: FaultSpec): void
  /** Faults queued but not yet consumed. */
  pendingFaults(): number
  /** Forget recorded requests and queued faults; the world is kept. */
  reset(): void
  /** Switch the GraphQL endpoint on, off (404) or to refusing (403). */
  setGraphQL(mode: GraphQLMode): void
  /** GraphQL requests received (recorded in `requests` too, with operationId `graphql/<root field>`). */
  graphqlRequests(): RecordedRequest[]
  /** GITHUB_API_URL, GITHUB_SERVER_URL and GITHUB_GRAPHQL_URL for the action's environment. */
  env(): Record<string, string>
  close(): Promise<void>
}

const handlers: Record<string, Handler> = { ...repoHandlers, ...issueHandlers, ...pullHandlers, ...checkHandlers, ...actionsHandlers, ...searchHandlers }

interface Answer {
  status: number
  body?: unknown
  text?: string
  /** Bytes sent as they are (`application/octet-stream`, as blob storage answers). */
  raw?: Buffer
  headers?: Record<string, string>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** A GraphQL query: sent by POST, but it reads. */
export function isGraphQLRead(r: RecordedRequest): boolean {
  const query = (r.body as { query?: unknown } | undefined)?.query
  return (r.operationId?.startsWith('graphql') ?? false) && typeof query === 'string' && !/^\s*mutation\b/.test(query)
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? ''
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim())
  return m?.[1]
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const router = new OpenApiRouter(options.subset)
  const world = new GitHubWorld(options.now)
  const identity = world.addUser(options.identity ?? GITHUB_ACTIONS_BOT)
  const tokenUsers = new Map(Object.entries(options.tokens ?? {}).map(([t, seed]) => [t, world.addUser(seed)]))
  const faults = new FaultQueue()
  const requests: RecordedRequest[] = []
  const invalidRequests: RecordedRequest[] = []
  let used = 0
  let serial = 0
  const resetAt = Math.ceil(Date.now() / 1000) + 3600
  let urls: Urls = { api: '', web: '' }
  let graphqlMode: GraphQLMode = options.graphql ?? 'on'

  function send(res: ServerResponse, answer: Answer): void {
    used += 1
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `TEST:${used}`,
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      ...(answer.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...(answer.text !== undefined ? { 'content-type': 'text/plain; charset=utf-8' } : {}),
      ...(answer.raw !== undefined ? { 'content-type': 'application/octet-stream', 'content-length': String(answer.raw.length) } : {}),
      ...(answer.headers ?? {})
    }
    res.writeHead(answer.status, headers)
    if (answer.status === 204 || answer.status === 304) res.end()
    else if (answer.text !== undefined) res.end(answer.text)
    else if (answer.raw !== undefined) res.end(answer.raw)
    else res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
  }

  function errorBody(status: number, body: Record<string, unknown>, documentationUrl: string): Record<string, unknown> {
    return { ...body, documentation_url: documentationUrl, status: String(status) }
  }

  function run(handler: Handler, ctx: Parameters<Handler>[0], url: URL): Answer {
    const result: HandlerResult = handler(ctx)
    if ('list' in result) {
      const page = paginate(result.list, url, ctx.params.per_page, ctx.params.page, result.maxPerPage)
      return { status: result.status, body: page.items, headers: page.link ? { link: page.link } : {} }
    }
    return result
  }

  // The download URL a job's logs redirect to: signed, so it needs no token, like GitHub's. Like
  // blob storage, it answers a byte range (`bytes=-N`, `bytes=A-B`, `bytes=A-`) with 206, unless
  // the world says the storage ignores ranges.
  function jobLog(url: URL, range: string | undefined, record: RecordedRequest): Answer {
    const [owner, repo, id] = url.pathname.slice(JOB_LOGS_PATH.length).split('/')
    const job = world.job(`${owner}/${repo}`, Number(id))
    if (!job || !url.searchParams.get('sig')) return { status: 404, text: 'BlobNotFound' }
    const bytes = Buffer.from(job.log, 'utf8')
    const wanted = world.logRanges && range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null
    if (!wanted || (wanted[1] === '' && wanted[2] === '')) {
      record.bytesSent = bytes.length
      return { status: 200, raw: bytes }
    }
    const total = bytes.length
    const start = wanted[1] === '' ? Math.max(0, total - Number(wanted[2])) : Number(wanted[1])
    const end = wanted[1] === '' || wanted[2] === '' ? total - 1 : Math.min(total - 1, Number(wanted[2]))
    if (start > end) return { status: 416, text: 'InvalidRange', headers: { 'content-range': `bytes */${total}` } }
    const slice = bytes.subarray(start, end + 1)
    record.bytesSent = slice.length
    return { status: 206, raw: slice, headers: { 'content-range': `bytes ${start}-${end}/${total}` } }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const host = req.headers.host ?? `127.0.0.1`
    const url = new URL(req.url ?? '/', `http://${host}`)
    const rawPath = url.pathname.startsWith(API_BASE_PATH) ? url.pathname.slice(API_BASE_PATH.length) || '/' : undefined
    const rawBody = await readBody(req)
    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(++serial) : (options.latencyMs ?? 0)
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency))
    const record: RecordedRequest = {
      method,
      path: decodePath(rawPath ?? url.pathname),
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      operationId: null,
      status: 0,
      params: {},
      startedAt,
      endedAt: 0
    }
    const finish = (answer: Answer, invalid = false): void => {
      record.status = answer.status
      record.endedAt = performance.now()
      requests.push(record)
      if (invalid) invalidRequests.push(record)
      send(res, answer)
    }

    if (rawPath === undefined && url.pathname.startsWith(JOB_LOGS_PATH)) {
      const range = typeof req.headers.range === 'string' ? req.headers.range : undefined
      if (range !== undefined) record.range = range
      return finish(jobLog(url, range, record))
    }
    if (rawPath === undefined && GRAPHQL_PATHS.includes(url.pathname)) {
      record.operationId = 'graphql'
      if (method !== 'POST' || graphqlMode === 'absent') return finish({ status: 404, body: errorBody(404, { message: 'Not Found' }, DOCS) })
      const token = tokenOf(req)
      if (!token) return finish({ status: 401, body: errorBody(401, { message: 'This endpoint requires you to be authenticated.' }, DOCS) })
      const actor = tokenUsers.get(token) ?? identity
      record.actor = actor.login
      if (graphqlMode === 'forbidden') return finish({ status: 403, body: errorBody(403, { message: 'Resource not accessible by integration' }, DOCS) })
      try {
        record.body = JSON.parse(rawBody)
      } catch {
        // answerGraphQL reports it.
      }
      const answer = await answerGraphQL(world, actor, rawBody)
      record.operationId = `graphql/${answer.fields.join('+') || 'unknown'}`
      if (answer.invalid) record.error = answer.invalid
      return finish({ status: answer.status, body: answer.body }, answer.invalid !== undefined)
    }
    const match = rawPath === undefined ? undefined : router.match(method, rawPath)
    if (!match) return finish({ status: 404, body: errorBody(404, { message: 'Not Found' }, DOCS) })
    const op = match.operation
    record.operationId = op.operationId

    const token = tokenOf(req)
    if (!token) return finish({ status: 401, body: errorBody(401, { message: 'Requires authentication' }, DOCS) })
    const actor = tokenUsers.get(token) ?? identity
    record.actor = actor.login

    if (rawBody.trim() !== '') {
      try {
        record.body = JSON.parse(rawBody)
      } catch {
        record.error = 'Problems parsing JSON'
        return finish({ status: 400, body: errorBody(400, { message: 'Problems parsing JSON' }, op.documentationUrl) }, true)
      }
    }
    const outcome = router.validate(match, url.searchParams, record.body)
    record.params = outcome.params
    if (outcome.error !== null) {
      record.error = outcome.error
      const message = `Invalid request.\n\n${outcome.error}`
      return finish({ status: 422, body: errorBody(422, { message }, op.documentationUrl) }, true)
    }

    const fault = faults.take(op.operationId, op.documentationUrl)
    if (fault) return finish(fault)

    const handler = handlers[op.operationId]
    if (!handler) {
      record.error = `the test server has no handler for ${op.operationId}`
      return finish({ status: 501, body: errorBody(501, { message: record.error }, op.documentationUrl) })
    }
    const ctx = {
      world,
      operation: op,
      params: outcome.params,
      body: (record.body ?? {}) as Record<string, unknown>,
      identity: actor,
      urls,
      accept: req.headers.accept ?? ''
    }
    try {
      finish(run(handler, ctx, url))
    } catch (e) {
      if (e instanceof WorldRuleError) {
        const invalid = typeof e.body.message === 'string' && e.body.message.startsWith('Invalid request.')
        if (invalid) record.error = e.body.message as string
        return finish({ status: e.status, body: errorBody(e.status, e.body, op.documentationUrl) }, invalid)
      }
      // A crash in the fake is a bug in the fake: answer 500 and keep the reason for the test to show.
      record.error = e instanceof Error ? (e.stack ?? e.message) : String(e)
      finish({ status: 500, body: errorBody(500, { message: `test server crashed: ${record.error}` }, op.documentationUrl) })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `test server crashed: ${e instanceof Error ? e.message : String(e)}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  urls = { api: `${origin}${API_BASE_PATH}`, web: origin }

  return {
    url: urls.api,
    origin,
    port,
    world,
    identity,
    requests,
    invalidRequests,
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !isGraphQLRead(r)),
    countOf: (operationId) => requests.filter((r) => r.operationId === operationId).length,
    fail: (fault) => {
      // A typo in an operationId would make the fault silently never fire.
      if (!router.operation(fault.operationId)) throw new Error(`fail(): ${fault.operationId} is not an operation of the subset`)
      faults.add(fault)
    },
    pendingFaults: () => faults.remaining,
    setGraphQL: (mode) => {
      graphqlMode = mode
    },
    graphqlRequests: () => requests.filter((r) => r.operationId?.startsWith('graphql') ?? false),
    reset: () => {
      requests.length = 0
      invalidRequests.length = 0
      faults.clear()
    },
    env: () => ({ GITHUB_API_URL: urls.api, GITHUB_SERVER_URL: origin, GITHUB_GRAPHQL_URL: `${origin}/api/graphql` }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}
