// The fake's answers must be what Octokit types and GitHub's schemas promise; otherwise code that
// passes here could break on real GitHub. Each happy-path answer is validated against the
// response schema of the full official description (not the subset, which keeps no responses).
import { readFileSync } from 'node:fs'
import { getOctokit } from '@actions/github'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { loadOpenApiSubset } from '../support/github-openapi.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: unknown }> }>>
}

const SPEC_URL = new URL('../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url)
const subset = loadOpenApiSubset()
let spec: Spec
let ajv: Ajv

function pointer(parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')
}

/** null for a response the description gives no body (a 204). */
function responseValidator(operationId: string, status: number): ValidateFunction | null {
  const op = subset.operations.find((o) => o.operationId === operationId)
  if (!op) throw new Error(`${operationId} is not in the subset`)
  const response = spec.paths[op.path]?.[op.method.toLowerCase()]?.responses[String(status)]
  if (!response) throw new Error(`${operationId} has no ${status} response in the description`)
  if (!response.$ref && !response.content) return null
  // A shared response lives under components/responses; follow it to its schema.
  const base = response.$ref ? response.$ref.replace(/^#\//, '').split('/') : ['paths', op.path, op.method.toLowerCase(), 'responses', String(status)]
  return ajv.compile({ $ref: `spec#/${pointer([...base, 'content', 'application/json', 'schema'])}` })
}

let server: GitHubServer
let octokit: ReturnType<typeof getOctokit>
const repo = { owner: 'acme', repo: 'app' }
const PATCH = '@@ -1,2 +1,3 @@\n a\n+b\n c'

// OpenAPI 3.0 `nullable: true` means "or null"; ajv supports it only beside `type` and still applies
// an `enum` strictly (GitHub sends `start_side: null`). Rewrite both forms into plain JSON Schema.
function normaliseNullable(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(normaliseNullable)
  if (node === null || typeof node !== 'object') return
  const schema = node as Record<string, unknown>
  Object.values(schema).forEach(normaliseNullable)
  if (schema.nullable !== true) return
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null)
  if (schema.type === undefined) {
    const { nullable: _nullable, ...rest } = schema
    for (const key of Object.keys(schema)) delete schema[key]
    schema.anyOf = [rest, { type: 'null' }]
  }
}

beforeAll(() => {
  spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Spec
  normaliseNullable(spec)
  ajv = new Ajv({ strict: false, allErrors: true, logger: false })
  addFormatsModule.default(ajv)
  ajv.addSchema(spec as object, 'spec')
})

beforeEach(async () => {
  server = await startGitHubServer()
  octokit = getOctokit('t', { baseUrl: server.url })
  const w = server.world
  w.addRepo('acme/app')
  w.setFile('acme/app', 'main', 'docs/readme.md', '# hi\n')
  w.setFile('acme/app', 'main', 'docs/sub/more.md', 'more\n')
  w.addLabel('acme/app', 'bug', { description: 'Something is wrong' })
  w.addPull('acme/app', { number: 1, user: 'alice', labels: ['bug'], files: [{ filename: 'a.ts', patch: PATCH }] })
  w.addReview('acme/app', 1, { user: 'alice', event: 'COMMENT', comments: [{ path: 'a.ts', line: 2, body: 'q' }] })
  w.addComment('acme/app', 1, { body: 'hello', user: 'alice' })
  w.setPermission('acme/app', 'alice', 'write')
  w.addTeamMember('acme', 'core', 'alice')
  w.addWorkflowRun('acme/app', { id: 30, checkSuiteId: 77 })
  w.addWorkflowJobs('acme/app', 30, [
    { name: 'test', conclusion: 'failure', steps: [{ name: 'npm test', conclusion: 'failure' }], log: 'FAIL a.test.ts\n' },
    { name: 'lint', conclusion: 'success' }
  ])
})

afterEach(async () => {
  await server.close()
})

type Call = () => Promise<{ status: number; data: unknown }>

const calls: Array<[string, Call]> = [
  ['repos/get', () => octokit.rest.repos.get(repo)],
  ['repos/get-content', () => octokit.rest.repos.getContent({ ...repo, path: 'docs/readme.md' })],
  ['repos/get-content', () => octokit.rest.repos.getContent({ ...repo, path: 'docs' })],
  ['repos/compare-commits', () => octokit.rest.repos.compareCommits({ ...repo, base: 'main', head: 'feature-1' })],
  ['repos/get-collaborator-permission-level', () => octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'alice' })],
  ['pulls/get', () => octokit.rest.pulls.get({ ...repo, pull_number: 1 })],
  ['pulls/list-files', () => octokit.rest.pulls.listFiles({ ...repo, pull_number: 1 })],
  ['pulls/list-commits', () => octokit.rest.pulls.listCommits({ ...repo, pull_number: 1 })],
  [
    'search/code',
    () => octokit.request('GET /search/code', { q: 'repo:acme/app hi', headers: { accept: 'application/vnd.github.text-match+json' } }) as ReturnType<Call>
  ],
  ['actions/list-workflow-runs-for-repo', () => octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, check_suite_id: 77 })],
  ['pulls/list-reviews', () => octokit.rest.pulls.listReviews({ ...repo, pull_number: 1 })],
  [
    'pulls/create-review',
    () => octokit.rest.pulls.createReview({ ...repo, pull_number: 1, event: 'COMMENT', body: 'b', comments: [{ path: 'a.ts', line: 2, body: 'c' }] })
  ],
  ['pulls/list-review-comments', () => octokit.rest.pulls.listReviewComments({ ...repo, pull_number: 1 })],
  [
    'pulls/create-reply-for-review-comment',
    () => octokit.rest.pulls.createReplyForReviewComment({ ...repo, pull_number: 1, comment_id: server.world.reviewComments[0]?.id ?? 0, body: 'r' })
  ],
  ['issues/get', () => octokit.rest.issues.get({ ...repo, issue_number: 1 })],
  ['issues/list-comments', () => octokit.rest.issues.listComments({ ...repo, issue_number: 1 })],
  ['issues/create-comment', () => octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' })],
  ['issues/update-comment', () => octokit.rest.issues.updateComment({ ...repo, comment_id: server.world.comments[0]?.id ?? 0, body: 'y' })],
  ['issues/get-comment', () => octokit.rest.issues.getComment({ ...repo, comment_id: server.world.comments[0]?.id ?? 0 })],
  ['issues/add-labels', () => octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['new'] })],
  ['issues/remove-label', () => octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'bug' })],
  ['issues/list-labels-for-repo', () => octokit.rest.issues.listLabelsForRepo(repo)],
  ['issues/list-labels-on-issue', () => octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 })],
  ['issues/create-label', () => octokit.rest.issues.createLabel({ ...repo, name: 'triage', color: 'ff0000' })],
  [
    'reactions/create-for-issue-comment',
    () => octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: server.world.comments[0]?.id ?? 0, content: 'eyes' })
  ],
  [
    'reactions/create-for-pull-request-review-comment',
    () => octokit.rest.reactions.createForPullRequestReviewComment({ ...repo, comment_id: server.world.reviewComments[0]?.id ?? 0, content: 'rocket' })
  ],
  ['checks/create', () => octokit.rest.checks.create({ ...repo, name: 'aof', head_sha: 'c'.repeat(40), status: 'in_progress' })],
  [
    'checks/update',
    async () => {
      const { data } = await octokit.rest.checks.create({ ...repo, name: 'aof', head_sha: 'c'.repeat(40) })
      return octokit.rest.checks.update({ ...repo, check_run_id: data.id, conclusion: 'neutral', output: { title: 't', summary: 's' } })
    }
  ],
  ['teams/get-membership-for-user-in-org', () => octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'core', username: 'alice' })],
  [
    'actions/create-workflow-dispatch',
    () => octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'ci.yml', ref: 'main', return_run_details: true })
  ],
  ['actions/list-jobs-for-workflow-run', () => octokit.rest.actions.listJobsForWorkflowRun({ ...repo, run_id: 30 })],
  [
    'actions/download-job-logs-for-workflow-run',
    // The 302 itself, as the description has it; following it is the port's test.
    () =>
      octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
        ...repo,
        job_id: server.world.workflowJobs.get('acme/app 30')?.[0]?.id ?? 0,
        request: { redirect: 'manual' }
      })
  ],
  ['users/get-by-username', () => octokit.rest.users.getByUsername({ username: 'alice' })],
  // Last: the comment it removes is the one the calls above read and react to.
  ['issues/delete-comment', () => octokit.rest.issues.deleteComment({ ...repo, comment_id: server.world.comments[0]?.id ?? 0 })]
]

describe("answers conform to GitHub's response schemas", () => {
  it('exercises every operation of the subset', () => {
    expect(new Set(calls.map(([id]) => id))).toEqual(new Set(subset.operations.map((o) => o.operationId)))
  })

  it.each(calls)('%s', async (operationId, call) => {
    const { status, data } = await call()
    const validate = responseValidator(operationId, status)
    if (validate === null) {
      expect(data === undefined || data === '' || data === null).toBe(true)
      expect(server.invalidRequests).toEqual([])
      return
    }
    const valid = validate(data)
    expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message ?? ''}`)).toEqual([])
    expect(server.invalidRequests).toEqual([])
  })
})
