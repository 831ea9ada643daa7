import { dirOf } from './join-path.js'
import { listYamlFiles, listYamlFilesDeep, MAX_DEPTH } from './list-yaml-files.js'
import type { LoadState } from './load-state.js'
import type { ConfigSource } from './types.js'
import { errorMessage } from '../shared/errors.js'

/** Which files make up the config, and where AOF's flat agent form is allowed. */
export interface Layout {
  files: string[]
  isAgentsDir(file: string): boolean
}

/** The DaemonConfig's directories, each read non-recursively as AOF does; bad entries are reported at their line. */
async function daemonLayout(source: ConfigSource, state: LoadState, topFiles: string[]): Promise<Layout> {
  const files = [...topFiles]
  const agentsDirs = new Set<string>()
  for (const entry of state.daemon?.entries ?? []) {
    const at = { file: entry.at.file, line: entry.at.line, column: entry.at.column, field: entry.at.field }
    try {
      const kind = await source.stat(entry.path)
      if (kind !== 'dir') {
        const what = kind === null ? 'does not exist' : 'is a file, not a directory'
        state.log.add({
          severity: kind === null ? 'warning' : 'error',
          ...at,
          message: `${entry.at.field} ${entry.path} ${what}; no ${entry.kind} are read from it`
        })
        continue
      }
      files.push(...(await listYamlFiles(source, entry.path)))
      if (entry.kind === 'agents') agentsDirs.add(entry.path)
    } catch (error) {
      state.log.add({ severity: 'error', ...at, message: `${entry.at.field} ${entry.path} cannot be read: ${errorMessage(error)}` })
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
