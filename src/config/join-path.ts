import { posix } from 'node:path'

/**
 * Joins a path written in a config file onto the directory of that file, in the `/`-separated,
 * root-relative form every `ConfigSource` takes (`''` is the root). Returns null for absolute
 * paths and for paths that climb out of the root with `..`.
 */
export function joinPath(dir: string, written: string): string | null {
  if (written.startsWith('/') || /^[A-Za-z]:[\\/]/.test(written) || written.includes('\0')) return null
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, written.replace(/\\/g, '/')))
  if (joined === '..' || joined.startsWith('../')) return null
  const trimmed = joined.replace(/\/+$/, '')
  return trimmed === '.' ? '' : trimmed
}

/** The directory part of a root-relative path (`''` for a file at the root). */
export function dirOf(path: string): string {
  const dir = posix.dirname(path)
  return dir === '.' ? '' : dir
}
