// Test helper: a ConfigSource over an in-memory file map, so table tests need no files on disk.
import type { Config, ConfigSource, Diagnostic } from '../../src/config/types.js'
import { strictDiagnostics } from '../../src/config/describe-diagnostic.js'
import { loadConfig } from '../../src/config/load-config.js'
import { checkFlow } from '../../src/flow/check-flow.js'

export function createMemorySource(files: Record<string, string>): ConfigSource & { reads: string[] } {
  const reads: string[] = []
  const dirs = new Set<string>([''])
  for (const path of Object.keys(files)) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  return {
    description: 'memory',
    reads,
    async stat(path) {
      if (Object.hasOwn(files, path)) return 'file'
      return dirs.has(path) ? 'dir' : null
    },
    async list(dir) {
      const prefix = dir === '' ? '' : `${dir}/`
      const children = new Map<string, 'file' | 'dir'>()
      for (const path of [...Object.keys(files), ...dirs]) {
        if (!path.startsWith(prefix) || path === dir) continue
        const name = path.slice(prefix.length).split('/')[0] as string
        const child = prefix + name
        children.set(child, Object.hasOwn(files, child) ? 'file' : 'dir')
      }
      return [...children].map(([path, type]) => ({ path, type }))
    },
    async read(path) {
      reads.push(path)
      if (!Object.hasOwn(files, path)) throw new Error(`no file at '${path}'`)
      return files[path] as string
    }
  }
}

/** Loads `files` (paths under `aof/`) with `aof` as config-path. */
export function load(files: Record<string, string>, env: Record<string, string | undefined> = {}, configPath = 'aof'): Promise<Config> {
  return loadConfig(createMemorySource(files), configPath, env, checkFlow)
}

/** `severity file:line field` for exact location assertions. */
export function where(d: Diagnostic): string {
  return `${d.severity} ${d.file}:${d.line} ${d.field ?? '-'}`
}

/**
 * Errors as `validate --strict` sees them: real errors and whatever keeps something from loading
 * (a warning with `skips` in the default, partial load). The partial-load tests check the difference.
 */
export function errors(config: Config): Diagnostic[] {
  return strictDiagnostics(config.diagnostics).filter((d) => d.severity === 'error')
}

/** Warnings that skip nothing. */

export function warnings(config: Config): Diagnostic[] {
  return config.diagnostics.filter((d) => d.severity === 'warning' && d.skips === undefined)
}

export function notices(config: Config): Diagnostic[] {
  return config.diagnostics.filter((d) => d.severity === 'notice')
}

/** Agents, fleets and flows that the trigger tables refer to. */
export const LIBRARY = `apiVersion: aof.dev/v1
kind: Agent
metadata:
  name: code-reviewer
spec:
  model: google:gemini-2.5-flash
  instructions: Review the PR.
  tools: [github_post_review]
---
apiVersion: aof.dev/v1
kind: Agent
metadata:
  name: helper
spec:
  instructions: Help.
---
apiVersion: aof.dev/v1
kind: AgentFleet
metadata:
  name: review-fleet
spec:
  agents:
    - name: code-reviewer
---
apiVersion: aof.dev/v1
kind: AgentFlow
metadata:
  name: deploy-flow
spec:
  nodes:
    - id: plan
      type: Agent
      config:
        agent: code-reviewer
  connections:
    - from: start
      to: plan
`
