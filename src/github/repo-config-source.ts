import type { ConfigSource } from '../config/types.js'

/** The one Octokit call this needs, so tests and callers can pass any client. */
export interface ContentReader {
  request(route: 'GET /repos/{owner}/{repo}/contents/{path}', params: Record<string, unknown>): Promise<{ data: unknown }>
}

interface Entry {
  type: string
  path: string
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404
}

/**
 * Config read through the contents API at a fixed ref (the repository's default branch), so
 * neither the files of the PR under review nor the branch it targets decide how it is judged.
 * Each path is fetched at most once per run.
 */
export function createRepoConfigSource(client: ContentReader, repository: string, ref: string): ConfigSource {
  const [owner, repo] = repository.split('/')
  const listings = new Map<string, Promise<Entry[] | 'file' | null>>()
  // A file fetched by `stat` already carries its content; keep it so `read` does not fetch it again.
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
    description: `${repository}@${ref} (through the API)`,
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
