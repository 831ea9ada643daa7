import { dirOf } from './join-path.js'
import { listYamlFiles, listYamlFilesDeep, MAX_DEPTH } from './list-yaml-files.js'
import type { DaemonDirectories, LoadState } from './load-state.js'
import type { ConfigSource } from './types.js'
import { errorMessage } from '../shared/errors.js'

type DaemonEntry = DaemonDirectories['entries'][number]

/** Which files make up the config, and where AOF's flat agent form is allowed. */
export interface Layout {
  files: string[]
  isAgentsDir(file: string): boolean
}

/** The directory an entry names: AOF's (relative to the repository root), else the one beside the DaemonConfig. */
async function directoryOf(source: ConfigSource, state: LoadState, entry: DaemonEntry): Promise<string | null> {
  let path = entry.path
  let kind = await source.stat(path)
  if (kind === null && entry.besideFile !== undefined) {
    const beside = await source.stat(entry.besideFile)
    if (beside !== null) {
      path = entry.besideFile
      kind = beside
    }
  }
  if (kind === 'dir') {
    if (path !== entry.path) {
      state.log.once('daemon:beside-file', () => ({
        severity: 'notice',
        ...entry.at,
        message: `${entry.at.field} is read as ${path}, relative to the DaemonConfig; AOF reads it relative to the repository root (${entry.path || '.'}), which does not exist. Write the path from the repository root to mean the same in both`
      }))
    }
    return path
  }
  if (kind === 'file') {
    state.log.add({ severity: 'error', ...entry.at, message: `${entry.at.field} ${path} is a file, not a directory; no ${entry.kind} are read from it` })
    return null
  }
  const beside = entry.besideFile === undefined ? '' : ` (nor does ${entry.besideFile}, beside the DaemonConfig)`
  state.log.add({
    severity: 'warning',
    ...entry.at,
    message: `${entry.at.field} ${entry.path || '.'} does not exist${beside}; no ${entry.kind} are read from it (AOF reads it relative to the repository root)`
  })
  return null
}

/** The DaemonConfig's directories, each read non-recursively as AOF does; bad entries are reported at their line. */
async function daemonLayout(source: ConfigSource, state: LoadState, topFiles: string[]): Promise<Layout> {
  const files = [...topFiles]
  const agentsDirs = new Set<string>()
  for (const entry of state.daemon?.entries ?? []) {
    try {
      const dir = await directoryOf(source, state, entry)
      if (dir === null) continue
      const found = await listYamlFiles(source, dir)
      if (found.length === 0) {
        state.log.add({
          severity: 'warning',
          ...entry.at,
          message: `${entry.at.field} ${dir || '.'} holds no YAML files (*.yaml, *.yml); no ${entry.kind} are read from it`
        })
      }
      files.push(...found)
      if (entry.kind === 'agents') agentsDirs.add(dir)
    } catch (error) {
      state.log.add({ severity: 'error', ...entry.at, message: `${entry.at.field} ${entry.path} cannot be read: ${errorMessage(error)}` })
    }
  }
  return { files, isAgentsDir: (file) => agentsDirs.has(dirOf(file)) }
}

/** Every YAML file below `root`; flat agents are allowed in any directory named `agents`. */
async function recursiveLayout(source: ConfigSource, state: LoadState, root: string, configPath: string): Promise<Layout> {
  const { files, tooDeep } = await listYamlFilesDeep(source, root)
  if (tooDeep.length > 0) {
    state.log.add({
      severity: 'warning',
      file: configPath,
      line: 1,
      message: `directories more than ${MAX_DEPTH} levels below ${configPath} are not read (a symbolic link loop?), e.g. ${tooDeep[0]}`
    })
  }
  const isAgentsDir = (file: string): boolean => {
    const below = root === '' ? file : file.slice(root.length + 1)
    return below.split('/').slice(0, -1).includes('agents')
  }
  return { files, isAgentsDir }
}

/**
 * Decides what to read once the top-level files are parsed: the DaemonConfig's directories if one
 * was found there, otherwise everything below a directory config-path, or the one file. Listing
 * errors propagate to the caller.
 */
export async function planLayout(
  source: ConfigSource,
  state: LoadState,
  root: string,
  kind: 'file' | 'dir',
  topFiles: string[],
  configPath: string
): Promise<Layout> {
  if (state.daemonAt) return daemonLayout(source, state, topFiles)
  if (kind === 'file') return { files: [root], isAgentsDir: () => false }
  return recursiveLayout(source, state, root, configPath)
}
