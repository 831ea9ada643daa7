// The port through which tools touch files: only inside the workspace. A path is refused when it is
// absolute outside the workspace, climbs with `..`, or resolves (through any symlink) outside it;
// `.git` (where actions/checkout keeps the job's token) and cloud credential files are refused too.
import { constants } from 'node:fs'
import { lstat, mkdir, open, readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import picomatch from 'picomatch'

export class PathRefused extends Error {}

export interface DirectoryEntry {
  path: string
  type: 'file' | 'dir' | 'symlink' | 'other'
  size: number
}

export interface ConfinedFiles {
  /** The workspace, resolved. */
  readonly root: string
  /** The real path of an existing directory inside the workspace (a tool's working directory). */
  directory(path: string): Promise<string>
  read(path: string, maxBytes: number): Promise<{ text: string; size: number; truncated: boolean }>
  write(path: string, content: string, options: { append: boolean; createDirs: boolean }): Promise<number>
  list(path: string, options: { recursive: boolean; includeHidden: boolean; maxDepth: number; maxEntries: number }): Promise<DirectoryEntry[]>
  search(pattern: string, path: string, maxResults: number): Promise<string[]>
}

/** Names no tool reads, lists or writes, at any depth. */
const REFUSED_NAME = /^(\.git|gha-creds-[^/]*\.json)$/
/** Entries a walk visits at most, so a huge tree cannot stall the run. */
const WALK_LIMIT = 50_000

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

/** The path split into segments inside the workspace; refuses what cannot be inside it. Pure. */
export function workspaceSegments(root: string, requested: string): string[] {
  if (typeof requested !== 'string') throw new PathRefused('path must be a string')
  if (requested.includes('\0')) throw new PathRefused('the path holds a NUL character')
  let rel = requested
  if (isAbsolute(requested)) {
    if (!inside(root, requested)) throw new PathRefused(`${requested} is outside the workspace; give a path relative to it`)
    rel = relative(root, requested)
  }
  const segments = rel.split(/[\\/]+/).filter((s) => s !== '' && s !== '.')
  if (segments.includes('..')) throw new PathRefused(`'..' is not allowed in a path; give a path inside the workspace`)
  const refused = segments.find((s) => REFUSED_NAME.test(s))
  if (refused) throw new PathRefused(`${refused} is not readable or writable by tools (it may hold credentials)`)
  return segments
}

export async function createConfinedFiles(workspace: string): Promise<ConfinedFiles> {
  const root = await realpath(workspace)

  /** The real path of `requested`; it, or (for a write) its nearest existing ancestor, must resolve inside. */
  const resolve = async (requested: string, mayBeMissing: boolean): Promise<string> => {
    const segments = workspaceSegments(root, requested)
    const full = join(root, ...segments)
    let existing = full
    const missing: string[] = []
    for (;;) {
      try {
        const real = await realpath(existing)
        if (!inside(root, real)) throw new PathRefused(`${requested} resolves outside the workspace (through a symlink)`)
        if (missing.length > 0 && !mayBeMissing) throw new PathRefused(`${requested} does not exist`)
        return join(real, ...missing.reverse())
      } catch (error) {
        if (error instanceof PathRefused) throw error
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' || existing === root) throw new PathRefused(`${requested} cannot be read (${code ?? String(error)})`)
        // A dangling symlink is refused: following it could create a file outside.
        const link = await lstat(existing).catch(() => null)
        if (link?.isSymbolicLink()) throw new PathRefused(`${requested} is a symlink to a missing target`)
        missing.push(existing.slice(existing.lastIndexOf(sep) + 1))
        existing = existing.slice(0, existing.lastIndexOf(sep)) || sep
      }
    }
  }

  const walk = async (
    start: string,
    options: { includeHidden: boolean; maxDepth: number; skip?: string },
    visit: (entry: DirectoryEntry) => boolean
  ): Promise<void> => {
    let seen = 0
    const queue: [string, number][] = [[start, 1]]
    while (queue.length > 0) {
      const [dir, depth] = queue.shift() as [string, number]
      const names = (await readdir(dir)).sort()
      for (const name of names) {
        if (++seen > WALK_LIMIT) return
        if (REFUSED_NAME.test(name) || name === options.skip || (!options.includeHidden && name.startsWith('.'))) continue
        const full = join(dir, name)
        const info = await lstat(full)
        const type = info.isSymbolicLink() ? 'symlink' : info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other'
        if (!visit({ path: relative(root, full), type, size: info.size })) return
        // Symlinks are listed, never followed.
        if (type === 'dir' && depth < options.maxDepth) queue.push([full, depth + 1])
      }
    }
  }

  return {
    root,
    async directory(path) {
      const real = await resolve(path || '.', false)
      if (!(await stat(real)).isDirectory()) throw new PathRefused(`${path} is not a directory`)
      return real
    },
    async read(path, maxBytes) {
      const real = await resolve(path, false)
      const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW)
      try {
        const info = await handle.stat()
        if (!info.isFile()) throw new PathRefused(`${path} is not a file`)
        const buffer = Buffer.alloc(Math.min(maxBytes, info.size))
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
        return { text: buffer.subarray(0, bytesRead).toString('utf8'), size: info.size, truncated: info.size > bytesRead }
      } finally {
        await handle.close()
      }
    },
    async write(path, content, options) {
      const real = await resolve(path, true)
      const parent = real.slice(0, real.lastIndexOf(sep)) || sep
      if (options.createDirs) await mkdir(parent, { recursive: true })
      // The parent was checked; O_NOFOLLOW refuses a symlink put in place of the file since.
      const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (options.append ? constants.O_APPEND : constants.O_TRUNC)
      const handle = await open(real, flags, 0o644)
      try {
        const data = Buffer.from(content, 'utf8')
        await handle.write(data)
        return data.length
      } finally {
        await handle.close()
      }
    },
    async list(path, options) {
      const start = await resolve(path || '.', false)
      if (!(await stat(start)).isDirectory()) throw new PathRefused(`${path} is not a directory`)
      const entries: DirectoryEntry[] = []
      await walk(start, { includeHidden: options.includeHidden, maxDepth: options.recursive ? options.maxDepth : 1 }, (entry) => {
        entries.push(entry)
        return entries.length < options.maxEntries
      })
      return entries
    },
    async search(pattern, path, maxResults) {
      const start = await resolve(path || '.', false)
      const matches = picomatch(pattern, { dot: false, windows: false })
      const found: string[] = []
      // Dependencies are searched only when the pattern asks for them.
      const skip = pattern.includes('node_modules') ? undefined : 'node_modules'
      await walk(start, { includeHidden: false, maxDepth: 64, ...(skip ? { skip } : {}) }, (entry) => {
        if (entry.type === 'file' && matches(relative(start, join(root, entry.path)))) found.push(entry.path)
        return found.length < maxResults
      })
      return found
    }
  }
}

/** Files of a step without a checkout: every call refused with `reason`. */
export function closedFiles(reason: string): ConfinedFiles {
  const refuse = async (): Promise<never> => {
    throw new PathRefused(reason)
  }
  return { root: '', directory: refuse, read: refuse, write: refuse, list: refuse, search: refuse }
}
