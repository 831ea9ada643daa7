// Repository-level reads (repo, contents, compare, permissions), users, teams and workflow dispatch.
import { notFound, repoOf, text, type Handler, type HandlerContext } from './github-handler-types.js'
import {
  collaboratorPermissionShape,
  contentEntryShape,
  contentFileShape,
  gitBlobSha,
  publicUserShape,
  pullFileShape,
  repoShape,
  userShape,
  type Urls
} from './github-shapes.js'
import { fakeSha, normaliseRef, type WorldPullFile, type WorldRepo, type WorldUser } from './github-world.js'

const getRepo: Handler = (ctx) => ({ status: 200, body: repoShape(repoOf(ctx), ctx.urls, ctx.world.now()) })

function wantsRaw(accept: string): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept)
}

// Files and directories of one ref; a directory is any prefix of a seeded path, as in git.
const getContent: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const ref = normaliseRef(text(ctx.params.ref) ?? repo.default_branch)
  const files = repo.files.get(ref)
  if (!files) throw notFound(`No commit found for the ref ${ref}`)
  const path = String(ctx.params.path ?? '').replace(/^\/+|\/+$/g, '')
  const file = files.get(path)
  if (file !== undefined) {
    if (wantsRaw(ctx.accept)) return { status: 200, text: file, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } }
    return { status: 200, body: contentFileShape(repo.full_name, ref, path, file, ctx.urls) }
  }
  const entries = directoryEntries(repo.full_name, ref, path, files, ctx.urls)
  if (entries.length === 0) throw notFound()
  return { status: 200, body: entries }
}

function directoryEntries(repo: string, ref: string, dir: string, files: Map<string, string>, urls: Urls): unknown[] {
  const prefix = dir === '' ? '' : `${dir}/`
  const children = new Map<string, { type: 'file' | 'dir'; text?: string }>()
  for (const [path, body] of files) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const [head, ...tail] = rest.split('/')
    if (!head) continue
    if (tail.length === 0) children.set(head, { type: 'file', text: body })
    else if (!children.has(head)) children.set(head, { type: 'dir' })
  }
  return [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, child]) => {
      const path = `${prefix}${name}`
      if (child.type === 'dir') return contentEntryShape(repo, ref, path, 'dir', fakeSha(`${ref}:${path}/`), 0, urls)
      const bytes = Buffer.from(child.text ?? '', 'utf8')
      return contentEntryShape(repo, ref, path, 'file', gitBlobSha(bytes), bytes.length, urls)
    })
}

export function commitShape(
  repo: WorldRepo,
  sha: string,
  author: WorldUser,
  at: string,
  urls: Urls,
  message = `Commit ${sha.slice(0, 7)}`
): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.full_name}`
  const person = { name: author.login, email: `${author.login}@users.noreply.github.com`, date: at }
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: Buffer.from(`Commit:${sha}`).toString('base64'),
    html_url: `${urls.web}/${repo.full_name}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message,
      comment_count: 0,
      tree: { sha: fakeSha(`tree:${sha}`), url: `${api}/git/trees/${fakeSha(`tree:${sha}`)}` }
    },
    author: userShape(author, urls),
    committer: userShape(author, urls),
    parents: []
  }
}

// An explicit setCompare wins; otherwise a pull request whose base and head match answers.
function compareFiles(ctx: HandlerContext, repo: WorldRepo, base: string, head: string): WorldPullFile[] | undefined {
  const explicit = ctx.world.compares.get(`${repo.full_name} ${base}...${head}`.toLowerCase())
  if (explicit) return explicit
  const pull = ctx.world.issues.find(
    (i) =>
      i.repo.toLowerCase() === repo.full_name.toLowerCase() &&
      i.pull !== undefined &&
      (i.pull.base.ref === base || i.pull.base.sha === base) &&
      (i.pull.head.ref === head || i.pull.head.sha === head)
  )
  return pull?.pull?.files
}

// GitHub pages a comparison's commits with per_page/page (250 at most in all); its files always come whole.
function paged<T>(items: T[], perPage: unknown, page: unknown): T[] {
  const size = typeof perPage === 'number' ? perPage : 250
  const index = typeof page === 'number' ? page : 1
  return items.slice((index - 1) * size, index * size)
}

const compareCommits: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const base = String(ctx.params.base)
  const head = String(ctx.params.head)
  const files = compareFiles(ctx, repo, base, head)
  if (!files) throw notFound()
  const at = ctx.world.now()
  const headSha = /^[0-9a-f]{40}$/.test(head) ? head : fakeSha(`${repo.full_name}:${head}`)
  const baseSha = /^[0-9a-f]{40}$/.test(base) ? base : fakeSha(`${repo.full_name}:${base}`)
  const html = `${ctx.urls.web}/${repo.full_name}/compare/${base}...${head}`
  const baseCommit = commitShape(repo, baseSha, repo.owner, at, ctx.urls)
  const key = `${repo.full_name} ${base}...${head}`.toLowerCase()
  const pull = ctx.world.issues.find((i) => i.repo.toLowerCase() === repo.full_name.toLowerCase() && i.pull?.head.sha === head && i.pull.base.sha === base)
  const listed = ctx.world.compareCommits.get(key) ?? pull?.pull?.commits
  const commits = listed
    ? listed.map((c) => commitShape(repo, c.sha, c.author, c.date, ctx.urls, c.message))
    : [commitShape(repo, headSha, repo.owner, at, ctx.urls)]
  return {
    status: 200,
    body: {
      url: `${ctx.urls.api}/repos/${repo.full_name}/compare/${base}...${head}`,
      html_url: html,
      permalink_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: baseCommit,
      merge_base_commit: baseCommit,
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      total_commits: commits.length,
      commits: paged(commits, ctx.params.per_page, ctx.params.page),
      files: files.map((f) => pullFileShape(f, repo.full_name, headSha, ctx.urls))
    }
  }
}

// GitHub answers 200 for any existing user: the seeded role, else `read` on a public repository
// (anyone may read it) and `none` on a private one. Only an unknown login is a 404.
const getCollaboratorPermission: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const login = String(ctx.params.username)
  const user = ctx.world.user(login)
  if (!user) throw notFound(`${login} is not a user`)
  const seeded = repo.collaborators.get(login.toLowerCase())
  const owner = repo.owner.login.toLowerCase() === login.toLowerCase()
  const role = seeded ?? (owner ? 'admin' : repo.private ? 'none' : 'read')
  const custom = seeded ? repo.customRoles.get(login.toLowerCase()) : undefined
  return { status: 200, body: collaboratorPermissionShape(role, user, ctx.urls, custom) }
}

const getTeamMembership: Handler = (ctx) => {
  const org = String(ctx.params.org)
  const slug = String(ctx.params.team_slug)
  const login = String(ctx.params.username)
  const membership = ctx.world.teams.get(`${org}/${slug}`.toLowerCase())?.get(login.toLowerCase())
  if (!membership) throw notFound()
  return {
    status: 200,
    body: { url: `${ctx.urls.api}/orgs/${org}/teams/${slug}/memberships/${login}`, role: membership.role, state: membership.state }
  }
}

const getUser: Handler = (ctx) => {
  const user = ctx.world.user(String(ctx.params.username))
  if (!user) throw notFound()
  return { status: 200, body: publicUserShape(user, ctx.urls, ctx.world.now()) }
}

const createWorkflowDispatch: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const workflowId = ctx.params.workflow_id as string | number
  ctx.world.dispatches.push({
    repo: repo.full_name,
    workflow_id: workflowId,
    ref: String(ctx.body.ref),
    inputs: (ctx.body.inputs as Record<string, unknown> | undefined) ?? {},
    created_at: ctx.world.now()
  })
  if (ctx.body.return_run_details !== true) return { status: 204 }
  const runId = ctx.world.id()
  return {
    status: 200,
    body: {
      workflow_run_id: runId,
      run_url: `${ctx.urls.api}/repos/${repo.full_name}/actions/runs/${runId}`,
      html_url: `${ctx.urls.web}/${repo.full_name}/actions/runs/${runId}`
    }
  }
}

export const repoHandlers: Record<string, Handler> = {
  'repos/get': getRepo,
  'repos/get-content': getContent,
  'repos/compare-commits': compareCommits,
  'repos/get-collaborator-permission-level': getCollaboratorPermission,
  'teams/get-membership-for-user-in-org': getTeamMembership,
  'users/get-by-username': getUser,
  'actions/create-workflow-dispatch': createWorkflowDispatch
}
