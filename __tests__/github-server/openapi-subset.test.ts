import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadOpenApiSubset, SUBSET_URL } from '../support/github-openapi.js'

const SCRIPT = fileURLToPath(new URL('../../scripts/update-openapi-subset.mjs', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

// The operations github-agent calls; the committed subset must describe each of them.
const REQUIRED = [
  'actions/list-jobs-for-workflow-run',
  'actions/download-job-logs-for-workflow-run',
  'actions/list-workflow-runs-for-repo',
  'repos/get',
  'repos/get-content',
  'repos/compare-commits',
  'repos/get-collaborator-permission-level',
  'pulls/get',
  'pulls/list-files',
  'pulls/list-commits',
  'pulls/list-reviews',
  'pulls/create-review',
  'pulls/list-review-comments',
  'pulls/create-reply-for-review-comment',
  'issues/get',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'issues/get-comment',
  'issues/add-labels',
  'issues/remove-label',
  'issues/list-labels-for-repo',
  'issues/list-labels-on-issue',
  'issues/create-label',
  'reactions/create-for-issue-comment',
  'reactions/create-for-pull-request-review-comment',
  'checks/create',
  'checks/update',
  'teams/get-membership-for-user-in-org',
  'actions/create-workflow-dispatch',
  'users/get-by-username',
  'search/code'
]

describe('the committed OpenAPI subset', () => {
  const subset = loadOpenApiSubset()

  it('describes every operation github-agent calls, and nothing else', () => {
    expect(subset.operations.map((o) => o.operationId).sort()).toEqual([...REQUIRED].sort())
  })

  it('records the @octokit/openapi version it was cut from', () => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/@octokit/openapi/package.json'), 'utf8')) as { version: string }
    expect(subset.source).toMatchObject({ package: '@octokit/openapi', version: installed.version })
  })

  it.each(REQUIRED)('keeps method, path, parameters and responses for %s', (id) => {
    const op = subset.operations.find((o) => o.operationId === id)
    expect(op?.method).toMatch(/^(GET|POST|PATCH|PUT|DELETE)$/)
    expect(op?.path).toMatch(/^\//)
    expect(op?.responses.length).toBeGreaterThan(0)
    for (const p of op?.parameters ?? []) expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['in', 'name', 'required', 'schema']))
  })

  it('keeps a property named "description" while dropping the description keyword', () => {
    const createLabel = subset.operations.find((o) => o.operationId === 'issues/create-label')
    const schema = createLabel?.requestBody?.schema as { properties: Record<string, unknown>; description?: unknown }
    expect(Object.keys(schema.properties)).toContain('description')
    expect(JSON.stringify(subset)).not.toContain('"example"')
  })
})

describe('scripts/update-openapi-subset.mjs', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'openapi-subset-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('regenerates the committed subset byte for byte, run after run', () => {
    const a = join(dir, 'a.json')
    const b = join(dir, 'b.json')
    execFileSync(process.execPath, [SCRIPT, '--out', a])
    execFileSync(process.execPath, [SCRIPT, '--out', b])
    const committed = readFileSync(SUBSET_URL, 'utf8')
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'))
    expect(readFileSync(a, 'utf8')).toBe(committed)
  })

  it('fails --check against a stale file', () => {
    const stale = join(dir, 'stale.json')
    execFileSync(process.execPath, [SCRIPT, '--out', stale])
    const fresh = spawnSync(process.execPath, [SCRIPT, '--check', '--out', stale])
    writeFileSync(stale, '{}\n')
    const old = spawnSync(process.execPath, [SCRIPT, '--check', '--out', stale], { encoding: 'utf8' })
    expect(fresh.status).toBe(0)
    expect(old.status).toBe(1)
    expect(old.stderr).toContain('is stale')
  })
})
