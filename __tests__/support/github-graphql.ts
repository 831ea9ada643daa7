// The test server's GraphQL endpoint (POST /api/graphql, the GHES shape Octokit derives from an
// `/api/v3` base URL; POST /graphql too). Every document is parsed and validated against GitHub's
// public schema (@octokit/graphql-schema), then executed with resolvers that answer from the same
// world as the REST handlers: files per ref as trees and blobs, pull requests' review threads, and
// resolveReviewThread. A document that does not validate, or asks for something the fake does not
// answer, is recorded as invalid, so the test that sent it fails.
import { schema as githubSchema } from '@octokit/graphql-schema'
import { buildClientSchema, graphql, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type IntrospectionQuery } from 'graphql'
import { nodeId } from './github-shapes.js'
import { fakeSha, normaliseRef, type GitHubWorld, type WorldRepo, type WorldReviewComment, type WorldUser } from './github-world.js'

/** Blob.text stops here and isTruncated is true (the fake's limit; GitHub's own is not documented). */
export const BLOB_TEXT_LIMIT = 512 * 1024

let schema: GraphQLSchema | null = null

/** GitHub's schema, built once per process (~0.3 s). */
export function githubGraphQLSchema(): GraphQLSchema {
  schema ??= buildClientSchema(githubSchema.json as unknown as IntrospectionQuery)
  return schema
}

/** An error GitHub itself would answer with (NOT_FOUND, FORBIDDEN…): deliberate, not a bug in the request or the fake. */
class GitHubGraphQLError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

/** Errors GitHub answers to a malformed request: the test that sent it fails. */
const MISTAKES = new Set(['MISSING_PAGINATION_BOUNDARIES', 'INVALID_PAGINATION', 'UNSUPPORTED'])

export interface GraphQLAnswer {
  status: number
  body: Record<string, unknown>
  /** Why the request is invalid: it did not parse or validate, or the fake could not answer it. */
  invalid?: string
  /** The root fields of the operation, for the request log (`repository`, `resolveReviewThread`). */
  fields: string[]
}

interface Node {
  __typename: string
  [field: string]: unknown
}

function rootFields(document: DocumentNode, operationName: string | undefined): string[] {
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition')
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0]
  if (!operation) return []
  return [...new Set(operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : s.kind)))]
}

/** GraphQL names an app's bot without the `[bot]` REST adds: `github-actions`, not `github-actions[bot]`. */
function actorNode(user: WorldUser): Node {
  const typename = user.type === 'Bot' ? 'Bot' : user.type === 'Organization' ? 'Organization' : 'User'
  return { __typename: typename, login: user.type === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login, id: nodeId(user.type, user.id) }
}

/** GitHub's connections: `first` or `last` (1–100) is required, `after` is a cursor from `pageInfo.endCursor`. */
function connection<T>(items: T[], args: { first?: number | null; last?: number | null; after?: string | null }, what: string): Node {
  const size = args.first ?? args.last
  if (size === undefined || size === null) {
    throw new GitHubGraphQLError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${what}\` connection.`
    )
  }
  if (size < 0 || size > 100)
    throw new GitHubGraphQLError('INVALID_PAGINATION', `Requesting ${size} records on the \`${what}\` connection exceeds the \`first\` limit of 100 records.`)
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8').replace('cursor:', '')) : 0
  const page =
    args.last !== undefined && args.last !== null && args.first == null ? items.slice(Math.max(0, items.length - size)) : items.slice(start, start + size)
  const end = start + page.length
  return {
    __typename: 'Connection',
    nodes: page,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      endCursor: page.length ? Buffer.from(`cursor:${end}`).toString('base64') : null,
      startCursor: null
    }
  }
}

/** The GraphQL view of one world: what the resolvers answer from. */
export class GraphQLWorld {
  constructor(
    private readonly world: GitHubWorld,
    private readonly actor: WorldUser
  ) {}

  root(): Record<string, unknown> {
    return {
      repository: (args: { owner: string; name: string }) => {
        const repo = this.world.repo(`${args.owner}/${args.name}`)
        if (!repo) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`)
        return this.repository(repo)
      },
      viewer: () => actorNode(this.actor),
      resolveReviewThread: (args: { input: { threadId: string; clientMutationId?: string } }) => this.setResolved(args.input, true),
      unresolveReviewThread: (args: { input: { threadId: string; clientMutationId?: string } }) => this.setResolved(args.input, false)
    }
  }

  private repository(repo: WorldRepo): Node {
    return {
      __typename: 'Repository',
      id: nodeId('Repository', repo.id),
      name: repo.name,
      nameWithOwner: repo.full_name,
      object: (args: { expression?: string | null; oid?: string | null }) => {
        if (!args.expression) throw new GitHubGraphQLError('UNSUPPORTED', 'the test server answers Repository.object by expression only')
        return this.gitObject(repo, args.expression)
      },
      pullRequest: (args: { number: number }) => {
        const issue = this.world.issue(repo.full_name, args.number)
        if (!issue?.pull) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a PullRequest with the number of ${args.number}.`)
        return {
          __typename: 'PullRequest',
          id: nodeId('PullRequest', issue.id),
          number: issue.number,
          reviewThreads: (a: { first?: number; last?: number; after?: string }) => connection(this.threadsOf(repo.full_name, issue.number), a, 'reviewThreads')
        }
      }
    }
  }

  /** `REF:PATH` (PATH may be empty: the root tree); null when the ref or the path does not exist, as on GitHub. */
  private gitObject(repo: WorldRepo, expression: string): Node | null {
    const colon = expression.indexOf(':')
    if (colon < 0) throw new GitHubGraphQLError('UNSUPPORTED', `the test server answers only REF:PATH expressions, not ${JSON.stringify(expression)}`)
    const ref = normaliseRef(expression.slice(0, colon))
    const path = expression
      .slice(colon + 1)
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '')
    const files = repo.files.get(ref)
    if (!files) return null
    return this.objectAt(files, ref, path === '.' ? '' : path)
  }

  private objectAt(files: Map<string, string>, ref: string, path: string): Node | null {
    const text = files.get(path)
    if (text !== undefined) return this.blob(text)
    const prefix = path === '' ? '' : `${path}/`
    const children = new Map<string, 'blob' | 'tree'>()
    for (const file of files.keys()) {
      if (!file.startsWith(prefix)) continue
      const rest = file.slice(prefix.length)
      const slash = rest.indexOf('/')
      if (slash < 0) children.set(rest, 'blob')
      else children.set(rest.slice(0, slash), 'tree')
    }
    if (children.size === 0) return null
    const entries = [...children]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, type]) => {
        const childPath = `${prefix}${name}`
        const blobText = type === 'blob' ? (files.get(childPath) as string) : null
        return {
          __typename: 'TreeEntry',
          name,
          path: childPath,
          type,
          mode: type === 'blob' ? 0o100644 : 0o040000,
          oid: blobText !== null ? fakeSha(blobText) : fakeSha(`${ref}:${childPath}`),
          size: blobText !== null ? Buffer.byteLength(blobText) : 0,
          extension: type === 'blob' && name.includes('.') ? name.slice(name.lastIndexOf('.')) : null,
          object: () => this.objectAt(files, ref, childPath)
        }
      })
    return { __typename: 'Tree', oid: fakeSha(`${ref}:${path}`), entries }
  }

  private blob(text: string): Node {
    const bytes = Buffer.from(text, 'utf8')
    const binary = bytes.includes(0)
    const truncated = !binary && bytes.length > BLOB_TEXT_LIMIT
    return {
      __typename: 'Blob',
      oid: fakeSha(text),
      byteSize: bytes.length,
      isBinary: binary,
      isTruncated: truncated,
      text: binary ? null : truncated ? bytes.subarray(0, BLOB_TEXT_LIMIT).toString('utf8') : text
    }
  }

  private threadsOf(repoName: string, pullNumber: number): Node[] {
    const all = this.world.reviewComments.filter((c) => c.repo.toLowerCase() === repoName.toLowerCase() && c.pull_number === pullNumber)
    return all.filter((c) => c.in_reply_to_id === null).map((root) => this.thread(root, all))
  }

  private thread(root: WorldReviewComment, all: WorldReviewComment[]): Node {
    const comments = [root, ...all.filter((c) => c.in_reply_to_id === root.id)]
    const resolver = this.world.resolvedThreads.get(root.id)
    return {
      __typename: 'PullRequestReviewThread',
      id: threadId(root.id),
      isResolved: resolver !== undefined,
      isOutdated: false,
      isCollapsed: resolver !== undefined,
      path: root.path,
      line: root.line,
      startLine: root.start_line,
      diffSide: root.side,
      resolvedBy: resolver ? actorNode(resolver) : null,
      viewerCanResolve: this.mayResolve(root),
      comments: (a: { first?: number; last?: number; after?: string }) =>
        connection(
          comments.map((c) => ({
            __typename: 'PullRequestReviewComment',
            id: nodeId('PullRequestReviewComment', c.id),
            databaseId: c.id,
            body: c.body,
            path: c.path,
            author: actorNode(c.user),
            replyTo: c.in_reply_to_id === null ? null : { __typename: 'PullRequestReviewComment', databaseId: c.in_reply_to_id }
          })),
          a,
          'comments'
        )
    }
  }

  /** Write access, the PR's author, or a bot token (a GITHUB_TOKEN with pull-requests: write). */
  private mayResolve(root: WorldReviewComment): boolean {
    if (this.actor.type === 'Bot') return true
    const issue = this.world.issue(root.repo, root.pull_number)
    if (issue?.user.login.toLowerCase() === this.actor.login.toLowerCase()) return true
    const role = this.world.repo(root.repo)?.collaborators.get(this.actor.login.toLowerCase())
    return role === 'write' || role === 'maintain' || role === 'admin'
  }

  private setResolved(input: { threadId: string; clientMutationId?: string }, resolved: boolean): Node {
    const rootId = threadRootId(input.threadId)
    const root = rootId === null ? undefined : this.world.reviewComments.find((c) => c.id === rootId && c.in_reply_to_id === null)
    if (!root) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.threadId}'`)
    if (!this.mayResolve(root))
      throw new GitHubGraphQLError('FORBIDDEN', `${this.actor.login} does not have permission to resolve review threads on this pull request.`)
    if (resolved) this.world.resolvedThreads.set(root.id, this.actor)
    else this.world.resolvedThreads.delete(root.id)
    const all = this.world.reviewComments.filter((c) => c.repo === root.repo && c.pull_number === root.pull_number)
    return { __typename: 'ResolveReviewThreadPayload', clientMutationId: input.clientMutationId ?? null, thread: this.thread(root, all) }
  }
}

export function threadId(rootCommentId: number): string {
  return `PRRT_${Buffer.from(`thread:${rootCommentId}`).toString('base64url')}`
}

function threadRootId(id: string): number | null {
  if (!id.startsWith('PRRT_')) return null
  const m = /^thread:(\d+)$/.exec(Buffer.from(id.slice(5), 'base64url').toString('utf8'))
  return m ? Number(m[1]) : null
}

/** One POST body: parse, validate against GitHub's schema, execute. */
export async function answerGraphQL(world: GitHubWorld, actor: WorldUser, rawBody: string): Promise<GraphQLAnswer> {
  let request: { query?: unknown; variables?: unknown; operationName?: unknown }
  try {
    request = JSON.parse(rawBody) as typeof request
  } catch {
    return { status: 400, body: { message: 'Problems parsing JSON' }, invalid: 'Problems parsing JSON', fields: [] }
  }
  if (typeof request.query !== 'string') {
    return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] }, invalid: 'no query', fields: [] }
  }
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { status: 200, body: { errors: [{ message }] }, invalid: `does not parse: ${message}`, fields: [] }
  }
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined
  const fields = rootFields(document, operationName)
  const problems = validate(githubGraphQLSchema(), document)
  if (problems.length > 0) {
    const errors = problems.map((p) => ({ message: p.message, locations: p.locations }))
    return { status: 200, body: { errors }, invalid: `does not validate against GitHub's schema: ${problems.map((p) => p.message).join('; ')}`, fields }
  }
  const result = await graphql({
    schema: githubGraphQLSchema(),
    source: request.query,
    rootValue: new GraphQLWorld(world, actor).root(),
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    ...(operationName ? { operationName } : {}),
    typeResolver: (value) => (value as Node).__typename
  })
  const errors = (result.errors ?? []).map((e: GraphQLError) => {
    const known = e.originalError instanceof GitHubGraphQLError ? e.originalError : null
    const deliberate = known && !MISTAKES.has(known.type) ? known : null
    return { deliberate, body: { ...(known ? { type: known.type } : {}), path: e.path, locations: e.locations, message: e.message } }
  })
  const unexpected = errors.filter((e) => !e.deliberate)
  return {
    status: 200,
    body: { data: result.data ?? null, ...(errors.length > 0 ? { errors: errors.map((e) => e.body) } : {}) },
    ...(unexpected.length > 0 ? { invalid: `the test server could not answer: ${unexpected.map((e) => e.body.message).join('; ')}` } : {}),
    fields
  }
}
