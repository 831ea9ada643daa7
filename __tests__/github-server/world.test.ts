import { getOctokit } from '@actions/github'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

let server: GitHubServer
let octokit: ReturnType<typeof getOctokit>
const repo = { owner: 'acme', repo: 'app' }

beforeEach(async () => {
  server = await startGitHubServer({ now: () => new Date('2025-01-02T03:04:05.678Z') })
  octokit = getOctokit('t', { baseUrl: server.url })
  server.world.addRepo('acme/app', { default_branch: 'trunk', private: true })
  server.world.addIssue('acme/app', { number: 1, user: 'alice', labels: ['bug'], comments: [{ body: 'first', user: 'bob' }] })
})

afterEach(async () => {
  expect(server.invalidRequests).toEqual([])
  await server.close()
})

describe('repositories and issues', () => {
  it('serves the seeded repository with its default branch and visibility', async () => {
    const { data } = await octokit.rest.repos.get(repo)
    expect(data).toMatchObject({ full_name: 'acme/app', default_branch: 'trunk', private: true, html_url: `${server.origin}/acme/app` })
  })

  it('serves an issue and marks a pull request as one', async () => {
    server.world.addPull('acme/app', { number: 2 })
    const issue = await octokit.rest.issues.get({ ...repo, issue_number: 1 })
    const pull = await octokit.rest.issues.get({ ...repo, issue_number: 2 })
    expect(issue.data).toMatchObject({ number: 1, user: { login: 'alice' }, labels: [{ name: 'bug' }], comments: 1 })
    expect(issue.data.pull_request).toBeUndefined()
    expect(pull.data.pull_request?.html_url).toBe(`${server.origin}/acme/app/pull/2`)
  })
})

describe('issue comments', () => {
  it('creates, updates and reads comments as github-actions[bot], with increasing ids', async () => {
    const a = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'one' })
    const b = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'two' })
    expect(a.status).toBe(201)
    expect(b.data.id).toBeGreaterThan(a.data.id)
    expect(a.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 })
    expect(a.data.created_at).toBe('2025-01-02T03:04:05Z')
    const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: a.data.id, body: 'one, edited' })
    expect(updated.data.body).toBe('one, edited')
    const read = await octokit.rest.issues.getComment({ ...repo, comment_id: a.data.id })
    expect(read.data.body).toBe('one, edited')
    expect(read.data.html_url).toBe(`${server.origin}/acme/app/issues/1#issuecomment-${a.data.id}`)
    const all = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 })
    expect(all.data.map((c) => c.body)).toEqual(['first', 'one, edited', 'two'])
  })

  it("answers a comment over 65,536 characters with GitHub's validation error", async () => {
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x'.repeat(65537) })).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' }]
        }
      }
    })
  })

  it('answers 404 to a comment on an issue that does not exist', async () => {
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: 99, body: 'x' })).rejects.toMatchObject({ status: 404 })
  })

  it('reacts to an issue comment once per content and user', async () => {
    const c = server.world.comments[0]
    if (!c) throw new Error('seeded comment missing')
    const first = await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: c.id, content: '+1' })
    const second = await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: c.id, content: '+1' })
    expect([first.status, second.status]).toEqual([201, 200])
    expect(server.world.reactions).toHaveLength(1)
  })
})

describe('labels', () => {
  it('adds labels (creating unknown ones), lists and removes them', async () => {
    server.world.addLabel('acme/app', 'needs-review', { color: '00ff00' })
    const added = await octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['needs-review', 'brand-new'] })
    expect(added.data.map((l) => l.name)).toEqual(['bug', 'needs-review', 'brand-new'])
    const repoLabels = await octokit.rest.issues.listLabelsForRepo(repo)
    expect(repoLabels.data.map((l) => l.name)).toEqual(['brand-new', 'bug', 'needs-review'])
    const removed = await octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'bug' })
    expect(removed.data.map((l) => l.name)).toEqual(['needs-review', 'brand-new'])
    const onIssue = await octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 })
    expect(onIssue.data.map((l) => l.name)).toEqual(['needs-review', 'brand-new'])
  })

  it('answers 404 "Label does not exist" when removing a label the issue lacks', async () => {
    await expect(octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'area/ci' })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Label does not exist' } }
    })
    expect(server.requests[0]?.path).toBe('/repos/acme/app/issues/1/labels/area/ci')
  })

  it('creates a label once and refuses a duplicate', async () => {
    const created = await octokit.rest.issues.createLabel({ ...repo, name: 'triage', color: 'ff0000' })
    expect(created.status).toBe(201)
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'Triage' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } }
    })
  })
})

describe('permissions, teams and users', () => {
  it.each([
    ['admin', 'admin'],
    ['maintain', 'write'],
    ['write', 'write'],
    ['triage', 'read'],
    ['read', 'read'],
    ['none', 'none']
  ] as const)('reports the %s role with the legacy permission %s', async (role, permission) => {
    server.world.setPermission('acme/app', 'carol', role)
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'carol' })
    expect(data).toMatchObject({ permission, role_name: role, user: { login: 'carol' } })
  })

  it('reports an existing non-collaborator as none on a private repository and read on a public one', async () => {
    server.world.addRepo('acme/public')
    const priv = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'alice' })
    const pub = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'public', username: 'alice' })
    expect([priv.data.permission, pub.data.permission]).toEqual(['none', 'read'])
  })

  it('answers 404 for a login that is not a user', async () => {
    await expect(octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'ghost' })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'ghost is not a user' } }
    })
  })

  it('reports team membership or 404', async () => {
    server.world.addTeamMember('acme', 'release', 'dave', { role: 'maintainer' })
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'release', username: 'dave' })
    expect(data).toMatchObject({ role: 'maintainer', state: 'active' })
    await expect(octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'release', username: 'alice' })).rejects.toMatchObject({ status: 404 })
  })

  it('tells a bot from a user by type', async () => {
    server.world.addUser({ login: 'renovate[bot]' })
    const bot = await octokit.rest.users.getByUsername({ username: 'renovate[bot]' })
    const human = await octokit.rest.users.getByUsername({ username: 'alice' })
    expect([bot.data.type, human.data.type]).toEqual(['Bot', 'User'])
  })
})

describe('check runs', () => {
  it('keeps the state of a run across create and update', async () => {
    const created = await octokit.rest.checks.create({ ...repo, name: 'aof', head_sha: 'b'.repeat(40), status: 'in_progress' })
    expect(created.status).toBe(201)
    expect(server.world.checkRuns[0]).toMatchObject({ status: 'in_progress', conclusion: null })
    const updated = await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: 'success',
      output: { title: 'Done', summary: 'All good' }
    })
    expect(updated.data).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'Done', summary: 'All good' } })
    expect(server.world.checkRuns[0]?.history).toHaveLength(2)
    expect(server.world.checkRuns[0]?.completed_at).toBe('2025-01-02T03:04:05Z')
  })

  it('answers 404 to an update of an unknown run', async () => {
    await expect(octokit.rest.checks.update({ ...repo, check_run_id: 123, status: 'in_progress' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('compare and workflow dispatch', () => {
  it('compares base...head from an explicit entry or from a matching pull request', async () => {
    server.world.setCompare('acme/app', 'v1', 'v2', [{ filename: 'CHANGELOG.md', patch: '@@ -1 +1,2 @@\n a\n+b' }])
    server.world.addPull('acme/app', {
      number: 3,
      head: { ref: 'feature' },
      base: { ref: 'trunk' },
      files: [{ filename: 'x.ts', status: 'added', patch: '@@ -0,0 +1 @@\n+x' }]
    })
    const explicit = await octokit.rest.repos.compareCommits({ ...repo, base: 'v1', head: 'v2' })
    const fromPull = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: 'trunk...feature' })
    expect(explicit.data.files?.map((f) => [f.filename, f.additions])).toEqual([['CHANGELOG.md', 1]])
    expect(fromPull.data.files?.map((f) => f.filename)).toEqual(['x.ts'])
    await expect(octokit.rest.repos.compareCommits({ ...repo, base: 'a', head: 'b' })).rejects.toMatchObject({ status: 404 })
  })

  it('records a workflow dispatch and answers 204', async () => {
    const { status } = await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'deploy.yml', ref: 'trunk', inputs: { env: 'prod' } })
    expect(status).toBe(204)
    expect(server.world.dispatches).toEqual([expect.objectContaining({ workflow_id: 'deploy.yml', ref: 'trunk', inputs: { env: 'prod' } })])
  })

  it('reads a numeric workflow id as a number', async () => {
    await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 42, ref: 'trunk' })
    expect(server.world.dispatches[0]?.workflow_id).toBe(42)
  })
})
