import type { ConfigSource } from '../config/types.js'
import type { Logger } from '../shared/logger.js'
import { errorMessage } from '../shared/errors.js'
import { readTree, type GraphQLClient, type TreeNode } from './api/graphql.js'

/** The Octokit calls this needs, so tests and callers can pass any client. */
export interface ContentReader {
  request(route: 'GET /repos/{owner}/{repo}/contents/{path}', params: Record<string, unknown>): Promise<{ data: unknown }>
  graphql: GraphQLClient
}

interface Entry {
  type: string
  path: string
}

/**
 * Folders one tree query reaches below the folder asked for: the config walk enters 8 levels
 * (MAX_DEPTH in list-yaml-files), so a config folder is one request.
 */
const TREE_DEPTH = 9

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404
}

function parts(path: string): string[] {
  return path === '' ? [] : path.split('/')
}

/**
 * Config read from the repository at a fixed ref (the default branch), so neither the files of the
 * PR under review nor the branch it targets decide how it is judged.
 *
 * The primitive is "the tree under path P at ref R": the first stat, list or read of a path no
 * tree loaded so far covers fetches the tree at that path with every file's text, in one GraphQL
 * request; later calls under it are answered from memory. Any directory of the repository can be
 * read this way, each tree fetched at most once per run. A blob GraphQL truncated or that was left
 * without text is read through the contents API. When GraphQL is not there or refuses (a GHES
 * without it, a token without access, any failure), the source falls back to the contents API:
 * one request per folder and file, in parallel, with the errors as before.
 */
export function createRepoConfigSource(client: ContentReader, repository: string, ref: string, logger?: Pick<Logger, 'debug'>): ConfigSource {
  const [owner = '', repo = ''] = repository.split('/')
  const viaRest = createContentsSource(client, owner, repo, ref)
  /** Roots fetched (or being fetched) → their tree; null when nothing is there. */
  const trees = new Map<string, Promise<TreeNode | null>>()
  let graphqlFailed = false

  function fetchTree(path: string): Promise<TreeNode | null> {
    let pending = trees.get(path)
    if (!pending) {
      // The repository root can be large: one level of it, without texts; its folders come as their own trees.
      pending =
        path === '' ? readTree(client.graphql, { owner, repo }, ref, path, 1, false) : readTree(client.graphql, { owner, repo }, ref, path, TREE_DEPTH, true)
      trees.set(path, pending)
    }
    return pending
  }

  /** The node at `path` from a tree already fetched: undefined when no tree covers it, or not deep enough. */
  async function fromLoaded(path: string): Promise<TreeNode | null | undefined> {
    const target = parts(path)
    for (const [root, pending] of trees) {
      const rootParts = parts(root)
      if (rootParts.length > target.length || rootParts.some((p, i) => p !== target[i])) continue
      let node: TreeNode | null = await pending
      let covered = true
      for (const name of target.slice(rootParts.length)) {
        // Below a file or a missing folder, nothing is there.
        if (node === null || node.type !== 'dir') return null
        if (node.children === null) {
          covered = false
          break
        }
        node = node.children.get(name) ?? null
      }
      if (covered && !(node?.type === 'dir' && node.children === null)) return node
    }
    return undefined
  }

  /** The node at `path`, or undefined once GraphQL has failed (the caller asks the contents API). */
  async function nodeAt(path: string): Promise<TreeNode | null | undefined> {
    if (graphqlFailed) return undefined
    try {
      const known = await fromLoaded(path)
      if (known !== undefined) return known
      // A folder at the top (a DaemonConfig's agents/, triggers/, …): the root's one level answers
      // whether it is there, for every such folder in one request; only one that is gets its tree.
      if (parts(path).length === 1) {
        const root = await fetchTree('')
        if (root?.type === 'dir' && root.children !== null && !root.children.has(parts(path)[0] ?? '')) return null
      }
      return await fetchTree(path)
    } catch (error) {
      graphqlFailed = true
      logger?.debug(`config: GraphQL unavailable (${errorMessage(error)}); reading ${repository}@${ref} through the contents API`)
      return undefined
    }
  }

  return {
    description: `${repository}@${ref} (through the API)`,
    async stat(path) {
      const node = await nodeAt(path)
      if (node === undefined) return viaRest.stat(path)
      return node === null ? null : node.type === 'file' ? 'file' : 'dir'
    },
    async list(dir) {
      const node = await nodeAt(dir)
      if (node === undefined) return viaRest.list(dir)
      if (node === null || node.type !== 'dir' || node.children === null) return []
      const prefix = dir === '' ? '' : `${dir}/`
      return [...node.children].map(([name, child]) => ({ path: `${prefix}${name}`, type: child.type }))
    },
    async read(path) {
      const node = await nodeAt(path)
      if (node === undefined || node === null) return viaRest.read(path)
      if (node.type === 'dir') throw new Error(`${path} is a directory, not a file`)
      if (node.binary) throw new Error(`${path} is a binary file (${node.byteSize} bytes), not YAML`)
      if (node.text === null || node.truncated) return viaRest.read(path)
      return node.text
    }
  }
}

/** Through the contents API: one request per folder and file; a file fetched by `stat` keeps its content. */
function createContentsSource(client: ContentReader, owner: string, repo: string, ref: string): Omit<ConfigSource, 'description'> {
  const listings = new Map<string, Promise<Entry[] | 'file' | null>>()
  const contents = new Map<string, string>()

  function fetchListing(path: string): Promise<Entry[] | 'file' | null> {
    let pending = listings.get(path)
    if (!pending) {
      pending = client
        .request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref })
        .then(({ data }) => {
          if (Array.isArray(data)) return data as Entry[]
          const file = data as { encoding?: string; content?: string }
          if (file.encoding === 'base64' && file.content) contents.set(path, Buffer.from(file.content, 'base64').toString('utf8'))
          return 'file' as const
        })
        .catch((error: unknown) => {
          if (isNotFound(error)) return null
          throw error
        })
      listings.set(path, pending)
    }
    return pending
  }

  return {
    async stat(path) {
      const listing = await fetchListing(path)
      if (listing === null) return null
      return listing === 'file' ? 'file' : 'dir'
    },
    async list(dir) {
      const listing = await fetchListing(dir)
      if (!Array.isArray(listing)) return []
      return listing.filter((e) => e.type === 'file' || e.type === 'dir').map((e) => ({ path: e.path, type: e.type as 'file' | 'dir' }))
    },
    async read(path) {
      const known = contents.get(path)
      if (known !== undefined) return known
      const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path,
        ref,
        headers: { accept: 'application/vnd.github.raw+json' }
      })
      return typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8')
    }
  }
}
