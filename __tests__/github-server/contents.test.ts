import { getOctokit } from '@actions/github'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

let server: GitHubServer
let octokit: ReturnType<typeof getOctokit>

beforeEach(async () => {
  server = await startGitHubServer()
  octokit = getOctokit('t', { baseUrl: server.url })
  server.world
    .setFile('acme/app', 'main', '.github/aof/daemon.yaml', 'kind: DaemonConfig\n')
    .setFile('acme/app', 'main', '.github/aof/agents/reviewer.yaml', 'kind: Agent\n')
    .setFile('acme/app', 'main', '.github/aof/triggers/pr.yaml', 'kind: Trigger\n')
    .setFile('acme/app', 'feature', '.github/aof/daemon.yaml', 'kind: DaemonConfig # changed\n')
})

afterEach(async () => {
  await server.close()
})

const get = (path: string, ref?: string) => octokit.rest.repos.getContent({ owner: 'acme', repo: 'app', path, ...(ref ? { ref } : {}) })

describe('repos/get-content', () => {
  it('serves a file base64-encoded on the default branch', async () => {
    const { data } = await get('.github/aof/daemon.yaml')
    expect(Array.isArray(data)).toBe(false)
    const file = data as { type: string; encoding: string; content: string; path: string; sha: string; size: number }
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', path: '.github/aof/daemon.yaml', size: 19 })
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe('kind: DaemonConfig\n')
    // The blob id git itself computes (`git hash-object`), so shas behave like real ones.
    expect(file.sha).toBe('922cc84ccc0f9ba5eaa383747f9d2146014da473')
  })

  it('serves the file of another ref', async () => {
    const { data } = await get('.github/aof/daemon.yaml', 'feature')
    expect(Buffer.from((data as { content: string }).content, 'base64').toString()).toBe('kind: DaemonConfig # changed\n')
  })

  it('accepts refs/heads/ spelling of a branch', async () => {
    const { status } = await get('.github/aof/daemon.yaml', 'refs/heads/main')
    expect(status).toBe(200)
  })

  it('lists a directory with files and subdirectories, sorted by name', async () => {
    const { data } = await get('.github/aof')
    expect(Array.isArray(data)).toBe(true)
    const entries = (data as Array<{ name: string; type: string; path: string }>).map((e) => [e.name, e.type, e.path])
    expect(entries).toEqual([
      ['agents', 'dir', '.github/aof/agents'],
      ['daemon.yaml', 'file', '.github/aof/daemon.yaml'],
      ['triggers', 'dir', '.github/aof/triggers']
    ])
    expect(server.requests[0]?.path).toBe('/repos/acme/app/contents/.github/aof')
  })

  it('serves the raw text when asked for the raw media type', async () => {
    const { data } = await octokit.rest.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: '.github/aof/agents/reviewer.yaml',
      mediaType: { format: 'raw' }
    })
    expect(data).toBe('kind: Agent\n')
  })

  it.each([
    ['a missing path', '.github/nothing', undefined, 'Not Found'],
    ['a missing ref', '.github/aof', 'nope', 'No commit found for the ref nope']
  ])('answers 404 for %s', async (_case, path, ref, message) => {
    await expect(get(path, ref)).rejects.toMatchObject({ status: 404, response: { data: { message } } })
  })

  it('answers 404 for a repository that was never seeded', async () => {
    await expect(octokit.rest.repos.getContent({ owner: 'acme', repo: 'other', path: 'x' })).rejects.toMatchObject({ status: 404 })
  })
})
