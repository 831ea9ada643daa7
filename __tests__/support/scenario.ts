// Shared set-up for the end-to-end tier: payloads, example configs, and the local server's world.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { GitHubServer } from './github-server.js'
import { repoRoot } from './run-action.js'

export type Payload = any

export function fixtureEvent(name: string): Payload {
  return JSON.parse(readFileSync(join(repoRoot, '__fixtures__', 'events', name), 'utf8'))
}

export function exampleEvent(example: string, name: string): Payload {
  return JSON.parse(readFileSync(join(repoRoot, 'examples', example, 'events', name), 'utf8'))
}

/** Every file below `dir`, as paths relative to it. */
export function filesBelow(dir: string): Record<string, string> {
  const found: Record<string, string> = {}
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else found[relative(dir, path)] = readFileSync(path, 'utf8')
    }
  }
  walk(dir)
  return found
}

/** An example's `.github/aof` as workspace files (for `config-ref: workspace`). */
export function exampleConfigFiles(example: string): Record<string, string> {
  const files = filesBelow(join(repoRoot, 'examples', example, '.github', 'aof'))
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`.github/aof/${path}`, text]))
}

/** Serve an example's config from `repo` at `ref` through the contents API (`config-ref: base`). */
export function serveExampleConfig(server: GitHubServer, repo: string, ref: string, example: string): void {
  for (const [path, text] of Object.entries(exampleConfigFiles(example))) server.world.setFile(repo, ref, path, text)
}
