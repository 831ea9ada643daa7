import type { ConfigSource } from './types.js'

const YAML_FILE = /\.ya?ml$/i

/** Directories below config-path that never hold config (hidden ones, dependencies). */
const SKIPPED_DIRS = /^(\.|node_modules$)/

/** Guards against directory symlink loops in a recursive walk; real config is never this deep. */
export const MAX_DEPTH = 8

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** `*.yaml` / `*.yml` directly in `dir`, like AOF's non-recursive directory loaders. */
export async function listYamlFiles(source: ConfigSource, dir: string): Promise<string[]> {
  const entries = await source.list(dir)
  return entries.filter((e) => e.type === 'file' && YAML_FILE.test(e.path)).map((e) => e.path)
}

/**
 * Every `*.yaml` / `*.yml` below `dir` down to `MAX_DEPTH` levels, sorted by path; `tooDeep`
 * holds the directories that were not entered.
 */
export async function listYamlFilesDeep(source: ConfigSource, dir: string): Promise<{ files: string[]; tooDeep: string[] }> {
  const files: string[] = []
  let level = [dir]
  for (let depth = 0; level.length > 0 && depth <= MAX_DEPTH; depth++) {
    const listings = await Promise.all(level.map((d) => source.list(d)))
    level = []
    for (const entry of listings.flat()) {
      if (entry.type === 'file' && YAML_FILE.test(entry.path)) files.push(entry.path)
      else if (entry.type === 'dir' && !SKIPPED_DIRS.test(baseName(entry.path))) level.push(entry.path)
    }
  }
  return { files: files.sort(), tooDeep: level.sort() }
}
