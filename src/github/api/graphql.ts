// What GraphQL does in one request that REST needs many for: a folder's whole tree with every
// file's text, the review threads of a pull request (REST has no threads, and no "resolved"),
// and resolving several threads at once.
import type { RepoRef } from '../types.js'

/** The one Octokit call this needs (`octokit.graphql`), so tests can pass any client. */
export type GraphQLClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>

/** A file or folder as one tree query returns it. `children` is null below the depth the query reached. */
export type TreeNode =
  { type: 'file'; byteSize: number; binary: boolean; truncated: boolean; text: string | null } | { type: 'dir'; children: Map<string, TreeNode> | null }

interface BlobData {
  __typename: 'Blob'
  byteSize: number
  isBinary: boolean | null
  isTruncated: boolean
  text: string | null
}

interface TreeData {
  __typename: 'Tree'
  entries: { name: string; type: string; object: GitObjectData | null }[] | null
}

type GitObjectData = BlobData | TreeData | { __typename: 'Commit' }

function blobFields(withText: boolean): string {
  return `... on Blob { byteSize isBinary isTruncated${withText ? ' text' : ''} }`
}

/**
 * The query for the object at `REF:PATH`, folders nested `depth` levels deep (GraphQL has no
 * recursion, so each level is spelled out). Without `withText` the blobs come without their text.
 */
export function treeQuery(depth: number, withText: boolean): string {
  let level = blobFields(withText)
  for (let i = 0; i < depth; i++) level = `${blobFields(withText)} ... on Tree { entries { name type object { __typename ${level} } } }`
  return `query ConfigTree($owner: String!, $name: String!, $expression: String!) {
  repository(owner: $owner, name: $name) { object(expression: $expression) { __typename ${level} } }
}`
}

function toNode(data: GitObjectData | null): TreeNode | null {
  if (!data) return null
  if (data.__typename === 'Blob') {
    return { type: 'file', byteSize: data.byteSize, binary: data.isBinary === true, truncated: data.isTruncated, text: data.text ?? null }
  }
  if (data.__typename === 'Tree') {
    if (!data.entries) return { type: 'dir', children: null }
    const children = new Map<string, TreeNode>()
    for (const entry of data.entries) {
      // A submodule is a commit: neither a file nor a folder of this repository.
      if (entry.type !== 'blob' && entry.type !== 'tree') continue
      const node = entry.object ? toNode(entry.object) : entry.type === 'tree' ? ({ type: 'dir', children: null } as const) : null
      if (node) children.set(entry.name, node)
    }
    return { type: 'dir', children }
  }
  return null
}

/**
 * The file or folder at `path` (`''` for the root) at `ref`, folders `depth` levels deep, in one
 * request; null when the ref or the path does not exist.
 */
export async function readTree(client: GraphQLClient, repo: RepoRef, ref: string, path: string, depth: number, withText: boolean): Promise<TreeNode | null> {
  const data = await client<{ repository: { object: GitObjectData | null } | null }>(treeQuery(depth, withText), {
    owner: repo.owner,
    name: repo.repo,
    expression: `${ref}:${path}`
  })
  return toNode(data.repository?.object ?? null)
}

/** A review thread as the review needs it: its id, and the REST id and author of the comment that opened it. */
export interface ReviewThreadRef {
  id: string
  rootCommentId: number | null
  /** GraphQL's login: an app's bot without the `[bot]` REST adds (`github-actions`). */
  rootAuthor: string | null
  isResolved: boolean
}

/** A login as REST (`github-actions[bot]`) or GraphQL (`github-actions`) writes it, compared alike. */
export function sameLogin(a: string, b: string): boolean {
  const plain = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '')
  return plain(a) === plain(b)
}

const THREADS_QUERY = `query ReviewThreads($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        nodes { id isResolved comments(first: 1) { nodes { databaseId author { login } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number | null; author: { login: string } | null }[] } }[]
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
      }
    } | null
  } | null
}

/** Every review thread of a pull request, 100 per request. */
export async function listReviewThreads(client: GraphQLClient, repo: RepoRef, number: number): Promise<ReviewThreadRef[]> {
  const threads: ReviewThreadRef[] = []
  let after: string | null = null
  // A PR with more than 2,000 threads is not one a review converges on; stop there.
  for (let page = 0; page < 20; page++) {
    const data: ThreadsPage = await client<ThreadsPage>(THREADS_QUERY, { owner: repo.owner, name: repo.repo, number, after })
    const connection = data.repository?.pullRequest?.reviewThreads
    if (!connection) break
    for (const node of connection.nodes) {
      const root = node.comments.nodes[0]
      threads.push({ id: node.id, rootCommentId: root?.databaseId ?? null, rootAuthor: root?.author?.login ?? null, isResolved: node.isResolved })
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break
    after = connection.pageInfo.endCursor
  }
  return threads
}

/** Resolves every thread in one request (one aliased mutation per thread); returns the ids GitHub reports resolved. */
export async function resolveReviewThreads(client: GraphQLClient, threadIds: readonly string[]): Promise<string[]> {
  if (threadIds.length === 0) return []
  const variables = Object.fromEntries(threadIds.map((id, i) => [`t${i}`, id]))
  const query = `mutation ResolveThreads(${threadIds.map((_, i) => `$t${i}: ID!`).join(', ')}) {
${threadIds.map((_, i) => `  r${i}: resolveReviewThread(input: {threadId: $t${i}}) { thread { id isResolved } }`).join('\n')}
}`
  const data = await client<Record<string, { thread: { id: string; isResolved: boolean } | null } | null>>(query, variables)
  return Object.values(data).flatMap((r) => (r?.thread?.isResolved ? [r.thread.id] : []))
}
