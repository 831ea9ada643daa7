// Response bodies shaped like GitHub's own (the schemas of @octokit/openapi), built from the world.
// URLs point at the test server: API under `/api/v3`, web pages at the root, like GitHub Enterprise.
import { createHash } from 'node:crypto'
import type {
  GitHubWorld,
  Permission,
  WorldCheckRun,
  WorldComment,
  WorldIssue,
  WorldLabel,
  WorldPullFile,
  WorldReaction,
  WorldRepo,
  WorldReview,
  WorldReviewComment,
  WorldUser
} from './github-world.js'

export interface Urls {
  /** `http://127.0.0.1:PORT/api/v3` */
  api: string
  /** `http://127.0.0.1:PORT` */
  web: string
}

export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`).toString('base64').replace(/=+$/, '')
}

export function userShape(u: WorldUser, urls: Urls): Record<string, unknown> {
  // GitHub percent-encodes bot logins in URLs: /users/github-actions%5Bbot%5D.
  const api = `${urls.api}/users/${encodeURIComponent(u.login)}`
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type, u.id),
    avatar_url: `${urls.web}/avatars/u/${u.id}`,
    gravatar_id: '',
    url: api,
    html_url: u.type === 'Bot' ? `${urls.web}/apps/${u.login.replace(/\[bot\]$/, '')}` : `${urls.web}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** users/get-by-username: the public profile. */
export function publicUserShape(u: WorldUser, urls: Urls, createdAt: string): Record<string, unknown> {
  return {
    ...userShape(u, urls),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: createdAt,
    updated_at: createdAt
  }
}

export function repoShape(r: WorldRepo, urls: Urls, at: string, permission?: Permission): Record<string, unknown> {
  const api = `${urls.api}/repos/${r.full_name}`
  const html = `${urls.web}/${r.full_name}`
  const host = new URL(urls.web).host
  const shape: Record<string, unknown> = {
    id: r.id,
    node_id: nodeId('Repository', r.id),
    name: r.name,
    full_name: r.full_name,
    owner: userShape(r.owner, urls),
    private: r.private,
    visibility: r.private ? 'private' : 'public',
    html_url: html,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${r.full_name}.git`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${r.full_name}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    svn_url: html,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: r.default_branch,
    open_issues: 0,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: at,
    created_at: at,
    updated_at: at,
    network_count: 0,
    subscribers_count: 0
  }
  if (permission) shape.permissions = permissionFlags(permission)
  return shape
}

function permissionFlags(p: Permission): Record<string, boolean> {
  const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(p)
  return { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 }
}

/** GitHub's legacy `permission` field: maintain reads as write, triage as read. */
export function legacyPermission(p: Permission): 'admin' | 'write' | 'read' | 'none' {
  if (p === 'maintain') return 'write'
  if (p === 'triage') return 'read'
  return p
}

/** `roleName`: a custom role's name; GitHub then still answers the base role's legacy permission and flags. */
export function collaboratorPermissionShape(p: Permission, u: WorldUser, urls: Urls, roleName: string = p): Record<string, unknown> {
  return {
    permission: legacyPermission(p),
    role_name: roleName,
    user: { ...userShape(u, urls), permissions: permissionFlags(p), role_name: roleName }
  }
}

export function labelShape(l: WorldLabel, repo: string, urls: Urls): Record<string, unknown> {
  return {
    id: l.id,
    node_id: nodeId('Label', l.id),
    url: `${urls.api}/repos/${repo}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    description: l.description,
    default: l.default
  }
}

// Reactions on issues themselves are not modelled (the action reacts to comments), so `subject`
// is optional and an issue's rollup is all zeros.
function reactionRollup(world: GitHubWorld, url: string, subject?: WorldReaction['subject'], id?: number) {
  const mine = world.reactions.filter((r) => subject !== undefined && r.subject === subject && r.comment_id === id)
  const count = (c: string): number => mine.filter((r) => r.content === c).length
  return {
    url,
    total_count: mine.length,
    '+1': count('+1'),
    '-1': count('-1'),
    laugh: count('laugh'),
    confused: count('confused'),
    heart: count('heart'),
    hooray: count('hooray'),
    eyes: count('eyes'),
    rocket: count('rocket')
  }
}

/** OWNER for the repo owner, MEMBER/COLLABORATOR from the seeded role, else NONE. */
export function authorAssociation(world: GitHubWorld, repo: string, u: WorldUser): string {
  const r = world.repo(repo)
  if (!r) return 'NONE'
  if (r.owner.login.toLowerCase() === u.login.toLowerCase()) return 'OWNER'
  const role = r.collaborators.get(u.login.toLowerCase())
  return role && role !== 'none' ? 'COLLABORATOR' : 'NONE'
}

export function issueShape(world: GitHubWorld, i: WorldIssue, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${i.repo}/issues/${i.number}`
  const html = `${urls.web}/${i.repo}/${i.pull ? 'pull' : 'issues'}/${i.number}`
  const shape: Record<string, unknown> = {
    url: api,
    repository_url: `${urls.api}/repos/${i.repo}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: i.id,
    node_id: nodeId(i.pull ? 'PullRequest' : 'Issue', i.id),
    number: i.number,
    title: i.title,
    user: userShape(i.user, urls),
    labels: issueLabels(world, i).map((l) => labelShape(l, i.repo, urls)),
    state: i.state,
    state_reason: null,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: world.comments.filter((c) => c.repo === i.repo && c.issue_number === i.number).length,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.state === 'closed' ? i.updated_at : null,
    author_association: authorAssociation(world, i.repo, i.user),
    active_lock_reason: null,
    body: i.body,
    reactions: reactionRollup(world, `${api}/reactions`),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null
  }
  if (i.pull) {
    const pullHtml = `${urls.web}/${i.repo}/pull/${i.number}`
    shape.draft = i.pull.draft
    shape.pull_request = {
      url: `${urls.api}/repos/${i.repo}/pulls/${i.number}`,
      html_url: pullHtml,
      diff_url: `${pullHtml}.diff`,
      patch_url: `${pullHtml}.patch`,
      merged_at: i.pull.merged ? i.updated_at : null
    }
  }
  return shape
}

export function issueLabels(world: GitHubWorld, i: WorldIssue): WorldLabel[] {
  const repo = world.repo(i.repo)
  return i.labels.map((name) => repo?.labels.get(name.toLowerCase())).filter((l): l is WorldLabel => l !== undefined)
}

export function pullShape(world: GitHubWorld, i: WorldIssue, urls: Urls): Record<string, unknown> {
  const pull = i.pull
  const repo = world.repo(i.repo)
  if (!pull || !repo) throw new Error(`${i.repo}#${i.number} is not a pull request`)
  const api = `${urls.api}/repos/${i.repo}/pulls/${i.number}`
  const html = `${urls.web}/${i.repo}/pull/${i.number}`
  const repoJson = repoShape(repo, urls, i.created_at)
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: userShape(repo.owner, urls),
    repo: repoJson
  })
  const issueApi = `${urls.api}/repos/${i.repo}/issues/${i.number}`
  const additions = pull.files.reduce((n, f) => n + f.additions, 0)
  const deletions = pull.files.reduce((n, f) => n + f.deletions, 0)
  return {
    url: api,
    id: i.id,
    node_id: nodeId('PullRequest', i.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${urls.api}/repos/${i.repo}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${urls.api}/repos/${i.repo}/statuses/${pull.head.sha}`,
    number: i.number,
    state: i.state,
    locked: false,
    title: i.title,
    user: userShape(i.user, urls),
    body: i.body,
    labels: issueLabels(world, i).map((l) => labelShape(l, i.repo, urls)),
    milestone: null,
    active_lock_reason: null,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.state === 'closed' ? i.updated_at : null,
    merged_at: pull.merged ? i.updated_at : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head.ref, pull.head.sha),
    base: side(pull.base.ref, pull.base.sha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${urls.api}/repos/${i.repo}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${urls.api}/repos/${i.repo}/statuses/${pull.head.sha}` }
    },
    author_association: authorAssociation(world, i.repo, i.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: world.comments.filter((c) => c.repo === i.repo && c.issue_number === i.number).length,
    review_comments: world.reviewComments.filter((c) => c.repo === i.repo && c.pull_number === i.number).length,
    maintainer_can_modify: false,
    commits: 1,
    additions,
    deletions,
    changed_files: pull.files.length
  }
}

export function pullFileShape(
  f: Pick<WorldPullFile, 'filename' | 'status' | 'sha' | 'additions' | 'deletions' | 'changes' | 'patch' | 'previous_filename'>,
  repo: string,
  ref: string,
  urls: Urls
): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${urls.web}/${repo}/blob/${ref}/${f.filename}`,
    raw_url: `${urls.web}/${repo}/raw/${ref}/${f.filename}`,
    contents_url: `${urls.api}/repos/${repo}/contents/${f.filename}?ref=${ref}`
  }
  if (f.patch !== undefined) shape.patch = f.patch
  if (f.previous_filename !== undefined) shape.previous_filename = f.previous_filename
  return shape
}

export function commentShape(world: GitHubWorld, c: WorldComment, urls: Urls): Record<string, unknown> {
  const issue = world.issue(c.repo, c.issue_number)
  const url = `${urls.api}/repos/${c.repo}/issues/comments/${c.id}`
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url,
    html_url: `${urls.web}/${c.repo}/${issue?.pull ? 'pull' : 'issues'}/${c.issue_number}#issuecomment-${c.id}`,
    body: c.body,
    user: userShape(c.user, urls),
    created_at: c.created_at,
    updated_at: c.updated_at,
    issue_url: `${urls.api}/repos/${c.repo}/issues/${c.issue_number}`,
    author_association: authorAssociation(world, c.repo, c.user),
    performed_via_github_app: null,
    reactions: reactionRollup(world, `${url}/reactions`, 'issue_comment', c.id)
  }
}

export function reviewCommentShape(world: GitHubWorld, c: WorldReviewComment, urls: Urls): Record<string, unknown> {
  const url = `${urls.api}/repos/${c.repo}/pulls/comments/${c.id}`
  const pullUrl = `${urls.api}/repos/${c.repo}/pulls/${c.pull_number}`
  const html = `${urls.web}/${c.repo}/pull/${c.pull_number}#discussion_r${c.id}`
  const shape: Record<string, unknown> = {
    url,
    pull_request_review_id: c.review_id,
    id: c.id,
    node_id: nodeId('PullRequestReviewComment', c.id),
    diff_hunk: c.diff_hunk,
    path: c.path,
    position: c.position,
    original_position: c.position,
    commit_id: c.commit_id,
    original_commit_id: c.commit_id,
    user: userShape(c.user, urls),
    body: c.body,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(world, c.repo, c.user),
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
    start_line: c.start_line,
    original_start_line: c.start_line,
    start_side: c.start_side,
    line: c.line,
    original_line: c.line,
    side: c.side,
    subject_type: 'line',
    reactions: reactionRollup(world, `${url}/reactions`, 'review_comment', c.id)
  }
  if (c.in_reply_to_id !== null) shape.in_reply_to_id = c.in_reply_to_id
  return shape
}

export function reviewShape(world: GitHubWorld, r: WorldReview, urls: Urls): Record<string, unknown> {
  const pullUrl = `${urls.api}/repos/${r.repo}/pulls/${r.pull_number}`
  const html = `${urls.web}/${r.repo}/pull/${r.pull_number}#pullrequestreview-${r.id}`
  const shape: Record<string, unknown> = {
    id: r.id,
    node_id: nodeId('PullRequestReview', r.id),
    user: userShape(r.user, urls),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: r.commit_id,
    author_association: authorAssociation(world, r.repo, r.user)
  }
  if (r.submitted_at) shape.submitted_at = r.submitted_at
  return shape
}

export function reactionShape(r: WorldReaction, urls: Urls): Record<string, unknown> {
  return {
    id: r.id,
    node_id: nodeId('Reaction', r.id),
    user: userShape(r.user, urls),
    content: r.content,
    created_at: r.created_at
  }
}

export function checkRunShape(c: WorldCheckRun, app: WorldUser, urls: Urls): Record<string, unknown> {
  const url = `${urls.api}/repos/${c.repo}/check-runs/${c.id}`
  const html = `${urls.web}/${c.repo}/runs/${c.id}`
  const appSlug = app.login.replace(/\[bot\]$/, '')
  return {
    id: c.id,
    node_id: nodeId('CheckRun', c.id),
    head_sha: c.head_sha,
    external_id: c.external_id ?? '',
    url,
    html_url: html,
    details_url: c.details_url ?? html,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${url}/annotations`
    },
    name: c.name,
    check_suite: { id: c.id + 1 },
    app: {
      id: app.id,
      slug: appSlug,
      node_id: nodeId('App', app.id),
      owner: userShape(app, urls),
      name: appSlug,
      description: '',
      external_url: urls.web,
      html_url: `${urls.web}/apps/${appSlug}`,
      created_at: c.started_at ?? '2020-01-01T00:00:00Z',
      updated_at: c.started_at ?? '2020-01-01T00:00:00Z',
      permissions: { checks: 'write' },
      events: []
    },
    pull_requests: []
  }
}

export function contentFileShape(repo: string, ref: string, path: string, text: string, urls: Urls): Record<string, unknown> {
  const bytes = Buffer.from(text, 'utf8')
  const sha = gitBlobSha(bytes)
  // GitHub serves files over 1 MB without content (encoding "none"); callers must use the raw media type.
  const tooLarge = bytes.length > 1024 * 1024
  return {
    ...contentEntryShape(repo, ref, path, 'file', sha, bytes.length, urls),
    content: tooLarge ? '' : wrapBase64(bytes.toString('base64')),
    encoding: tooLarge ? 'none' : 'base64'
  }
}

export function contentEntryShape(
  repo: string,
  ref: string,
  path: string,
  type: 'file' | 'dir',
  sha: string,
  size: number,
  urls: Urls
): Record<string, unknown> {
  const url = `${urls.api}/repos/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`
  const html = `${urls.web}/${repo}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`
  const git = `${urls.api}/repos/${repo}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`
  return {
    type,
    name: path.split('/').pop() ?? path,
    path,
    sha,
    size,
    url,
    html_url: html,
    git_url: git,
    download_url: type === 'file' ? `${urls.web}/${repo}/raw/${ref}/${path}` : null,
    _links: { self: url, git, html }
  }
}

// GitHub wraps base64 content at 60 characters per line.
function wrapBase64(b64: string): string {
  return (b64.match(/.{1,60}/g) ?? ['']).join('\n') + (b64.length > 0 ? '\n' : '')
}

/** The id git itself gives the blob, so shas look and behave like real ones. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex')
}
