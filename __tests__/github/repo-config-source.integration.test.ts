// The config source against the local GitHub server through a real Octokit: a whole config folder
// in one GraphQL request (validated against GitHub's schema), the contents API when GraphQL is
// absent or refused, and the same answers and errors both ways.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { loadConfig } from '../../src/config/load-config.js'
import type { ConfigSource } from '../../src/config/types.js'
import { createOctokit } from '../../src/github/create-octokit.js'
import { createRepoConfigSource } from '../../src/github/repo-config-source.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { BLOB_TEXT_LIMIT } from '../support/github-graphql.js'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const REPO = 'myorg/api-server'
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/per-team')

/** The per-team example's `.github/aof` files as path → text. */
function exampleConfigFiles(dir = '.github/aof'): Record<string, string> {
  const found: Record<string, string> = {}
  for (const name of readdirSync(path.join(EXAMPLE, dir))) {
    const rel = `${dir}/${name}`
    if (statSync(path.join(EXAMPLE, rel)).isDirectory()) Object.assign(found, exampleConfigFiles(rel))
    else found[rel] = readFileSync(path.join(EXAMPLE, rel), 'utf8')
  }
  return found
}

let server: GitHubServer
const debug: string[] = []

function source(): ConfigSource {
  const octokit = createOctokit({
    token: 'ghs_test',
    baseUrl: server.url,
    logger: { debug: () => {}, info: () => {}, warning: () => {} },
    retry: { timeScale: 0.001 }
  })
  return createRepoConfigSource(octokit, REPO, 'main', { debug: (m) => debug.push(m) })
}

beforeAll(async () => {
  server = await startGitHubServer()
  server.world.addRepo(REPO, { default_branch: 'main' })
  for (const [path, text] of Object.entries(exampleConfigFiles())) server.world.setFile(REPO, 'main', path, text)
  server.world.setFile(REPO, 'main', 'README.md', '# api-server')
  // A folder at the root the DaemonConfig does not name (one it named, e.g. agents/, would be read from the root, as AOF does).
  server.world.setFile(REPO, 'main', 'ops/extra.yaml', 'apiVersion: aof.dev/v1\n')
})
afterAll(() => server.close())
beforeEach(() => {
  server.reset()
  server.setGraphQL('on')
  debug.length = 0
})

async function load(): Promise<{ files: string[]; errors: string[]; triggers: string[] }> {
  const config = await loadConfig(source(), '.github/aof', {}, checkFlow)
  return {
    files: config.files,
    errors: config.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    triggers: config.triggers.map((t) => t.name).sort()
  }
}

describe('config through GraphQL', () => {
  it('reads the per-team example (20 files in five folders) in two requests: its folder, and the root’s one level for the DaemonConfig’s folders', async () => {
    const loaded = await load()
    expect(loaded.errors).toEqual([])
    expect(loaded.files.length).toBeGreaterThanOrEqual(20)
    expect(loaded.triggers).toEqual(['backend-pr-bot', 'docs-pr-bot', 'frontend-pr-bot', 'infra-pr-bot'])
    // AOF reads a DaemonConfig's directories from the repository root first: one look at the root says none is there.
    expect(server.requests.map((r) => r.operationId)).toEqual(['graphql/repository', 'graphql/repository'])
    expect(server.invalidRequests).toEqual([])
  })

  it('loads the same files and triggers as the contents API, which needs a request per file and folder', async () => {
    const viaGraphQL = await load()
    server.reset()
    server.setGraphQL('absent')
    const viaRest = await load()
    expect(viaRest).toEqual(viaGraphQL)
    expect(server.countOf('repos/get-content')).toBeGreaterThan(20)
    expect(debug.join('\n')).toMatch(/GraphQL unavailable .*contents API/)
  })

  it('falls back to the contents API when the token is refused GraphQL', async () => {
    server.setGraphQL('forbidden')
    const loaded = await load()
    expect(loaded.errors).toEqual([])
    expect(server.requests.filter((r) => r.operationId === 'graphql')).toHaveLength(1)
    expect(server.countOf('repos/get-content')).toBeGreaterThan(20)
  })

  it('reads any folder of the repository, each tree once per run, and nothing below a file', async () => {
    const s = source()
    expect(await s.stat('.github/aof')).toBe('dir')
    expect(await s.stat('.github/aof/daemon.yaml')).toBe('file')
    expect(await s.stat('.github/aof/daemon.yaml/x')).toBeNull()
    expect(await s.stat('.github/aof/nothing')).toBeNull()
    expect(server.requests).toHaveLength(1)
    expect(await s.list('ops')).toEqual([{ path: 'ops/extra.yaml', type: 'file' }])
    expect(await s.read('ops/extra.yaml')).toBe('apiVersion: aof.dev/v1\n')
    expect(server.requests.map((r) => (r.body as { variables: { expression: string } }).variables.expression)).toEqual([
      'main:.github/aof',
      'main:',
      'main:ops'
    ])
    // The root: one level without texts; a file there is read through the contents API.
    expect((await s.list('')).map((e) => e.path).sort()).toEqual(['.github', 'README.md', 'ops'])
    expect(await s.read('README.md')).toBe('# api-server')
    expect(server.invalidRequests).toEqual([])
  })

  it('reads a truncated blob through the contents API and refuses a binary one with the file named', async () => {
    server.world.setFile(REPO, 'main', 'big/large.yaml', `# ${'x'.repeat(BLOB_TEXT_LIMIT + 10)}\n`)
    server.world.setFile(REPO, 'main', 'big/image.yaml', 'GIF89a\0\0\0')
    const s = source()
    expect((await s.read('big/large.yaml')).length).toBe(BLOB_TEXT_LIMIT + 13)
    expect(server.countOf('repos/get-content')).toBe(1)
    await expect(s.read('big/image.yaml')).rejects.toThrow('big/image.yaml is a binary file (9 bytes), not YAML')
    const loaded = await loadConfig(s, 'big', {}, checkFlow)
    expect(loaded.diagnostics.find((d) => d.file === 'big/image.yaml')?.message).toBe(
      'cannot read big/image.yaml: big/image.yaml is a binary file (9 bytes), not YAML'
    )
  })

  it('reports a config path that is not there as before', async () => {
    const viaGraphQL = await loadConfig(source(), '.github/missing', {}, checkFlow)
    server.setGraphQL('absent')
    const viaRest = await loadConfig(source(), '.github/missing', {}, checkFlow)
    expect(viaGraphQL.diagnostics.map((d) => d.message)).toEqual(viaRest.diagnostics.map((d) => d.message))
    expect(viaGraphQL.diagnostics.length).toBeGreaterThan(0)
  })
})
