import { getOctokit } from '@actions/github'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import type { PullFileSeed } from '../support/github-world.js'

let server: GitHubServer

beforeEach(async () => {
  server = await startGitHubServer()
})

afterEach(async () => {
  await server.close()
})

function manyFiles(count: number): PullFileSeed[] {
  return Array.from({ length: count }, (_, i) => ({ filename: `src/file-${String(i).padStart(4, '0')}.ts`, patch: '@@ -0,0 +1 @@\n+x' }))
}

describe('pagination', () => {
  it('pages the 3,000 files of a pull request with octokit.paginate, 100 at a time', async () => {
    server.world.addPull('acme/app', { number: 1, files: manyFiles(3000) })
    const octokit = getOctokit('t', { baseUrl: server.url })
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'acme', repo: 'app', pull_number: 1, per_page: 100 })
    expect(files).toHaveLength(3000)
    expect(files[2999]?.filename).toBe('src/file-2999.ts')
    expect(new Set(files.map((f) => f.filename)).size).toBe(3000)
    expect(server.countOf('pulls/list-files')).toBe(30)
    expect(server.invalidRequests).toEqual([])
  })

  it('stops at 3,000 files like GitHub', async () => {
    server.world.addPull('acme/app', { number: 1, files: manyFiles(3100) })
    const octokit = getOctokit('t', { baseUrl: server.url })
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'acme', repo: 'app', pull_number: 1, per_page: 100 })
    expect(files).toHaveLength(3000)
  })

  it('uses 30 per page by default and caps per_page at 100', async () => {
    server.world.addPull('acme/app', { number: 1, files: manyFiles(250) })
    const octokit = getOctokit('t', { baseUrl: server.url })
    const byDefault = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'app', pull_number: 1 })
    const capped = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'app', pull_number: 1, per_page: 500 })
    expect(byDefault.data).toHaveLength(30)
    expect(capped.data).toHaveLength(100)
  })

  it('builds Link URLs on the request base with next, last, prev and first', async () => {
    server.world.addPull('acme/app', { number: 1, files: manyFiles(250) })
    const octokit = getOctokit('t', { baseUrl: server.url })
    const page2 = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'app', pull_number: 1, per_page: 100, page: 2 })
    const base = `${server.url}/repos/acme/app/pulls/1/files`
    expect(page2.headers.link).toBe(
      [
        `<${base}?per_page=100&page=1>; rel="prev"`,
        `<${base}?per_page=100&page=3>; rel="next"`,
        `<${base}?per_page=100&page=3>; rel="last"`,
        `<${base}?per_page=100&page=1>; rel="first"`
      ].join(', ')
    )
  })

  it('sends no Link header when one page holds everything', async () => {
    server.world.addPull('acme/app', { number: 1, files: manyFiles(3) })
    const octokit = getOctokit('t', { baseUrl: server.url })
    const { headers, data } = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'app', pull_number: 1 })
    expect(data).toHaveLength(3)
    expect(headers.link).toBeUndefined()
  })

  it('pages issue comments in creation order', async () => {
    server.world.addIssue('acme/app', { number: 2, comments: Array.from({ length: 45 }, (_, i) => ({ body: `c${i}` })) })
    const octokit = getOctokit('t', { baseUrl: server.url })
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: 'acme', repo: 'app', issue_number: 2 })
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 45 }, (_, i) => `c${i}`))
    expect(server.countOf('issues/list-comments')).toBe(2)
  })
})
