// The in-memory GitHub the test server serves: repositories, files per ref, issues and pull
// requests, comments, reviews, labels, permissions, teams, check runs, dispatches. Tests seed it
// with the builder methods and read it back to assert what the action wrote.
import { createHash } from 'node:crypto'
import { parsePatch, type DiffMap } from './github-diff.js'

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
export type UserType = 'User' | 'Bot' | 'Organization'

export interface WorldUser {
  login: string
  id: number
  type: UserType
}

export interface UserSeed {
  login: string
  type?: UserType
  id?: number
}

export interface WorldLabel {
  id: number
  name: string
  color: string
  description: string | null
  default: boolean
}

export interface WorldRepo {
  id: number
  owner: WorldUser
  name: string
  full_name: string
  default_branch: string
  private: boolean
  /** ref (branch name or sha) → path → file text. */
  files: Map<string, Map<string, string>>
  labels: Map<string, WorldLabel>
  /** login → the role set on the repository (`maintain`/`triage` included). */
  collaborators: Map<string, Permission>
  /** login → the name of a custom repository role; its base role is in `collaborators`. */
  customRoles: Map<string, string>
}

export interface PullFileSeed {
  filename: string
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  /** Unified-diff hunks without file headers, as GitHub returns in `patch`; absent for binaries. */
  patch?: string
  previous_filename?: string
}

export interface WorldPullFile extends PullFileSeed {
  sha: string
  status: NonNullable<PullFileSeed['status']>
  additions: number
  deletions: number
  changes: number
  diff: DiffMap
}

export interface WorldPull {
  head: { ref: string; sha: string }
  base: { ref: string; sha: string }
  draft: boolean
  merged: boolean
  files: WorldPullFile[]
  /** Oldest first; the last one is the head. */
  commits: WorldCommit[]
}

export interface CommitSeed {
  message: string
  author?: string | UserSeed
  sha?: string
}

export interface WorldCommit {
  sha: string
  message: string
  author: WorldUser
  date: string
}

/** A workflow run as the runs list shows it; `check_suite_id` ties it to its check suite. */
export interface WorldWorkflowRun {
  id: number
  repo: string
  name: string
  check_suite_id: number
  head_sha: string
  head_branch: string
  event: string
  conclusion: string | null
  created_at: string
}

export interface WorldIssue {
  id: number
  repo: string
  number: number
  title: string
  body: string | null
  user: WorldUser
  state: 'open' | 'closed'
  /** Label names, in the order they were added. */
  labels: string[]
  created_at: string
  updated_at: string
  /** Present when the issue is a pull request (GitHub shares the numbering). */
  pull?: WorldPull
}

export interface WorldComment {
  id: number
  repo: string
  issue_number: number
  body: string
  user: WorldUser
  created_at: string
  updated_at: string
}

export interface WorldReviewComment {
  id: number
  repo: string
  pull_number: number
  review_id: number
  body: string
  path: string
  side: 'LEFT' | 'RIGHT'
  line: number
  start_line: number | null
  start_side: 'LEFT' | 'RIGHT' | null
  position: number
  commit_id: string
  diff_hunk: string
  in_reply_to_id: number | null
  user: WorldUser
  created_at: string
  updated_at: string
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING' | 'DISMISSED'

export interface WorldReview {
  id: number
  repo: string
  pull_number: number
  state: ReviewState
  body: string
  commit_id: string
  user: WorldUser
  submitted_at: string | null
}

export interface WorldReaction {
  id: number
  repo: string
  subject: 'issue_comment' | 'review_comment'
  comment_id: number
  content: string
  user: WorldUser
  created_at: string
}

export interface WorldCheckRun {
  id: number
  repo: string
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  details_url: string | null
  external_id: string | null
  started_at: string | null
  completed_at: string | null
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[] }
  actions: unknown[]
  /** Every body sent for this run (create, then each update), in order. */
  history: Record<string, unknown>[]
}

export interface WorldDispatch {
  repo: string
  workflow_id: string | number
  ref: string
  inputs: Record<string, unknown>
  created_at: string
}

export interface TeamMembership {
  role: 'member' | 'maintainer'
  state: 'active' | 'pending'
}

export interface IssueSeed {
  number?: number
  title?: string
  body?: string | null
  user?: string | UserSeed
  state?: 'open' | 'closed'
  labels?: string[]
  comments?: Array<{ body: string; user?: string | UserSeed }>
}

export interface PullSeed extends IssueSeed {
  head?: { ref?: string; sha?: string }
  base?: { ref?: string; sha?: string }
  draft?: boolean
  merged?: boolean
  files?: PullFileSeed[]
  /** Default: one commit, the head. */
  commits?: CommitSeed[]
}

export interface ReviewSeed {
  user?: string | UserSeed
  event?: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT'
  body?: string
  comments?: ReviewCommentInput[]
}

export interface ReviewCommentInput {
  path: string
  body: string
  position?: number
  line?: number
  side?: string
  start_line?: number
  start_side?: string
}

/** A 4xx GitHub would answer with, raised by world rules (diff anchors, own-PR approval…). */
export type JobConclusion = 'success' | 'failure' | 'cancelled' | 'skipped' | 'neutral' | 'timed_out' | 'action_required'

export interface JobSeed {
  name: string
  conclusion: JobConclusion
  steps?: { name: string; conclusion: JobConclusion }[]
  log?: string
}

export interface WorldJob {
  id: number
  run_id: number
  name: string
  conclusion: JobConclusion
  started_at: string
  completed_at: string
  steps: { name: string; conclusion: JobConclusion; number: number }[]
  log: string
}

export class WorldRuleError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(String(body.message))
  }
}

const DEFAULT_LABEL_COLOR = 'ededed'

export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

export class GitHubWorld {
  readonly users = new Map<string, WorldUser>()
  readonly repos = new Map<string, WorldRepo>()
  readonly issues: WorldIssue[] = []
  readonly comments: WorldComment[] = []
  readonly reviewComments: WorldReviewComment[] = []
  readonly reviews: WorldReview[] = []
  readonly reactions: WorldReaction[] = []
  readonly checkRuns: WorldCheckRun[] = []
  readonly dispatches: WorldDispatch[] = []
  /** `org/team_slug` → login → membership. */
  readonly teams = new Map<string, Map<string, TeamMembership>>()
  /** `owner/repo base...head` → files of the comparison. */
  readonly compares = new Map<string, WorldPullFile[]>()
  /** `owner/repo base...head` → commits of the comparison (default: the head commit alone). */
  readonly compareCommits = new Map<string, WorldCommit[]>()
  /** `owner/repo run_id` → the run's jobs; a job's log is kept with it. */
  readonly workflowJobs = new Map<string, WorldJob[]>()
  readonly workflowRuns: WorldWorkflowRun[] = []
  /** Whether the log storage honours `Range` (GitHub's does); false sends every log whole, with 200. */
  logRanges = true
  /** Root review comment id → who resolved its thread (GraphQL resolveReviewThread; REST cannot). */
  readonly resolvedThreads = new Map<number, WorldUser>()
  private nextId = 1000

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** ISO time without milliseconds, as GitHub writes it. */
  now(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
  }

  id(): number {
    this.nextId += 1
    return this.nextId
  }

  addUser(seed: string | UserSeed): WorldUser {
    const s = typeof seed === 'string' ? { login: seed } : seed
    const existing = this.users.get(s.login.toLowerCase())
    if (existing) {
      if (s.type) existing.type = s.type
      return existing
    }
    const type: UserType = s.type ?? (s.login.endsWith('[bot]') ? 'Bot' : 'User')
    const user: WorldUser = { login: s.login, id: s.id ?? this.id(), type }
    this.users.set(s.login.toLowerCase(), user)
    return user
  }

  user(login: string): WorldUser | undefined {
    return this.users.get(login.toLowerCase())
  }

  addRepo(fullName: string, seed: { default_branch?: string; private?: boolean } = {}): WorldRepo {
    const existing = this.repos.get(fullName.toLowerCase())
    if (existing) {
      if (seed.default_branch) existing.default_branch = seed.default_branch
      if (seed.private !== undefined) existing.private = seed.private
      return existing
    }
    const [ownerLogin, name] = fullName.split('/')
    if (!ownerLogin || !name) throw new Error(`repository must be "owner/name", got "${fullName}"`)
    const repo: WorldRepo = {
      id: this.id(),
      // An owner not seeded as a user is taken to be an organization; a seeded one keeps its type.
      owner: this.user(ownerLogin) ?? this.addUser({ login: ownerLogin, type: 'Organization' }),
      name,
      full_name: fullName,
      default_branch: seed.default_branch ?? 'main',
      private: seed.private ?? false,
      files: new Map(),
      labels: new Map(),
      collaborators: new Map(),
      customRoles: new Map()
    }
    this.repos.set(fullName.toLowerCase(), repo)
    return repo
  }

  repo(fullName: string): WorldRepo | undefined {
    return this.repos.get(fullName.toLowerCase())
  }

  /** `ref` is a branch name (with or without `refs/heads/`) or a commit sha. */
  setFile(repoName: string, ref: string, path: string, text: string): this {
    const repo = this.addRepo(repoName)
    const key = normaliseRef(ref)
    const files = repo.files.get(key) ?? new Map<string, string>()
    files.set(path.replace(/^\/+/, ''), text)
    repo.files.set(key, files)
    return this
  }

  addLabel(repoName: string, name: string, seed: { color?: string; description?: string | null } = {}): WorldLabel {
    const repo = this.addRepo(repoName)
    const existing = repo.labels.get(name.toLowerCase())
    if (existing) return existing
    const label: WorldLabel = {
      id: this.id(),
      name,
      color: seed.color ?? DEFAULT_LABEL_COLOR,
      description: seed.description ?? null,
      default: false
    }
    repo.labels.set(name.toLowerCase(), label)
    return label
  }

  setPermission(repoName: string, login: string, permission: Permission): this {
    this.addUser(login)
    this.addRepo(repoName).collaborators.set(login.toLowerCase(), permission)
    return this
  }

  /**
   * A custom repository role (organisation repositories): GitHub answers its name as `role_name`,
   * the legacy `permission` and `user.permissions` of the standard role it inherits from.
   */
  setCustomRole(repoName: string, login: string, roleName: string, base: Exclude<Permission, 'none'>): this {
    this.setPermission(repoName, login, base)
    this.addRepo(repoName).customRoles.set(login.toLowerCase(), roleName)
    return this
  }

  addTeamMember(org: string, teamSlug: string, login: string, membership: Partial<TeamMembership> = {}): this {
    this.addUser(login)
    const key = `${org}/${teamSlug}`.toLowerCase()
    const team = this.teams.get(key) ?? new Map<string, TeamMembership>()
    team.set(login.toLowerCase(), { role: membership.role ?? 'member', state: membership.state ?? 'active' })
    this.teams.set(key, team)
    return this
  }

  addIssue(repoName: string, seed: IssueSeed = {}): WorldIssue {
    this.addRepo(repoName)
    const number = seed.number ?? this.nextNumber(repoName)
    if (this.issue(repoName, number)) throw new Error(`${repoName}#${number} already exists`)
    const at = this.now()
    const issue: WorldIssue = {
      id: this.id(),
      repo: repoName,
      number,
      title: seed.title ?? `Issue ${number}`,
      body: seed.body === undefined ? '' : seed.body,
      user: this.addUser(seed.user ?? 'octocat'),
      state: seed.state ?? 'open',
      labels: [],
      created_at: at,
      updated_at: at
    }
    this.issues.push(issue)
    for (const name of seed.labels ?? []) this.labelIssue(issue, name)
    for (const c of seed.comments ?? []) this.addComment(repoName, number, c)
    return issue
  }

  addPull(repoName: string, seed: PullSeed = {}): WorldIssue {
    const repo = this.addRepo(repoName)
    const issue = this.addIssue(repoName, seed)
    if (seed.title === undefined) issue.title = `Pull request ${issue.number}`
    const headRef = seed.head?.ref ?? `feature-${issue.number}`
    issue.pull = {
      head: { ref: headRef, sha: seed.head?.sha ?? fakeSha(`${repoName}#${issue.number}:head`) },
      base: { ref: seed.base?.ref ?? repo.default_branch, sha: seed.base?.sha ?? fakeSha(`${repoName}#${issue.number}:base`) },
      draft: seed.draft ?? false,
      merged: seed.merged ?? false,
      files: (seed.files ?? []).map((f) => pullFile(f)),
      commits: []
    }
    const head = issue.pull.head.sha
    const commits = seed.commits ?? [{ message: issue.title, author: issue.user }]
    issue.pull.commits = commits.map((c, i) => this.commit(c, i === commits.length - 1 ? head : fakeSha(`${repoName}#${issue.number}:commit${i}`)))
    return issue
  }

  /** A commit: `sha` from the seed, else the one given. */
  commit(seed: CommitSeed, sha: string): WorldCommit {
    return { sha: seed.sha ?? sha, message: seed.message, author: this.addUser(seed.author ?? 'octocat'), date: this.now() }
  }

  /** A workflow run of a check suite (what `GET actions/runs?check_suite_id=` lists). */
  addWorkflowRun(
    repoName: string,
    seed: { id: number; checkSuiteId: number; name?: string; conclusion?: string | null; headSha?: string; headBranch?: string }
  ): WorldWorkflowRun {
    this.addRepo(repoName)
    const run: WorldWorkflowRun = {
      id: seed.id,
      repo: repoName,
      name: seed.name ?? 'CI',
      check_suite_id: seed.checkSuiteId,
      head_sha: seed.headSha ?? fakeSha(`run:${seed.id}`),
      head_branch: seed.headBranch ?? 'main',
      event: 'push',
      conclusion: seed.conclusion === undefined ? 'failure' : seed.conclusion,
      created_at: this.now()
    }
    this.workflowRuns.push(run)
    return run
  }

  addComment(repoName: string, issueNumber: number, seed: { body: string; user?: string | UserSeed }): WorldComment {
    const issue = this.issue(repoName, issueNumber)
    if (!issue) throw new Error(`${repoName}#${issueNumber} does not exist; add it first`)
    const at = this.now()
    const comment: WorldComment = {
      id: this.id(),
      repo: issue.repo,
      issue_number: issue.number,
      body: seed.body,
      user: this.addUser(seed.user ?? 'octocat'),
      created_at: at,
      updated_at: at
    }
    this.comments.push(comment)
    return comment
  }

  /** Removes an issue comment, so later get/update/react calls meet GitHub's 404. */
  deleteComment(id: number): this {
    const index = this.comments.findIndex((c) => c.id === id)
    if (index >= 0) this.comments.splice(index, 1)
    return this
  }

  /** Seeds (or, from the server, submits) a review; anchors are checked against the PR's diff. */
  addReview(repoName: string, pullNumber: number, seed: ReviewSeed & { commit_id?: string }): WorldReview {
    const issue = this.issue(repoName, pullNumber)
    if (!issue?.pull) throw new Error(`${repoName}#${pullNumber} is not a pull request; add it first`)
    const pull = issue.pull
    const user = this.addUser(seed.user ?? 'octocat')
    const anchors = (seed.comments ?? []).map((c) => resolveAnchor(pull, c))
    const at = this.now()
    const review: WorldReview = {
      id: this.id(),
      repo: issue.repo,
      pull_number: issue.number,
      state: reviewState(seed.event),
      body: seed.body ?? '',
      commit_id: seed.commit_id ?? pull.head.sha,
      user,
      submitted_at: seed.event ? at : null
    }
    this.reviews.push(review)
    anchors.forEach((anchor, i) => {
      const input = seed.comments?.[i]
      if (!input) return
      this.reviewComments.push({
        id: this.id(),
        repo: issue.repo,
        pull_number: issue.number,
        review_id: review.id,
        body: input.body,
        commit_id: review.commit_id,
        in_reply_to_id: null,
        user,
        created_at: at,
        updated_at: at,
        ...anchor
      })
    })
    return review
  }

  /** Files of `base...head`; without an explicit entry, a pull request with that base and head answers. */
  setCompare(repoName: string, base: string, head: string, files: PullFileSeed[], commits?: CommitSeed[]): this {
    this.addRepo(repoName)
    const key = `${repoName} ${base}...${head}`.toLowerCase()
    this.compares.set(key, files.map(pullFile))
    if (commits)
      this.compareCommits.set(
        key,
        commits.map((c, i) => this.commit(c, i === commits.length - 1 ? head : fakeSha(`${key}:${i}`)))
      )
    return this
  }

  /** Jobs of a workflow run, in order; each gets an id, steps numbered from 1, and its log text. */
  addWorkflowJobs(repoName: string, runId: number, jobs: JobSeed[]): WorldJob[] {
    this.addRepo(repoName)
    const at = this.now()
    const made = jobs.map((seed) => ({
      id: this.id(),
      run_id: runId,
      name: seed.name,
      conclusion: seed.conclusion,
      started_at: at,
      completed_at: at,
      steps: (seed.steps ?? []).map((step, i) => ({ name: step.name, conclusion: step.conclusion, number: i + 1 })),
      log: seed.log ?? ''
    }))
    this.workflowJobs.set(`${repoName} ${runId}`.toLowerCase(), made)
    return made
  }

  job(repoName: string, jobId: number): WorldJob | undefined {
    const prefix = `${repoName} `.toLowerCase()
    for (const [key, jobs] of this.workflowJobs) if (key.startsWith(prefix)) for (const job of jobs) if (job.id === jobId) return job
    return undefined
  }

  issue(repoName: string, number: number): WorldIssue | undefined {
    return this.issues.find((i) => i.repo.toLowerCase() === repoName.toLowerCase() && i.number === number)
  }

  labelIssue(issue: WorldIssue, name: string): WorldLabel {
    // GitHub creates a label that does not exist yet when it is added to an issue.
    const label = this.repo(issue.repo)?.labels.get(name.toLowerCase()) ?? this.addLabel(issue.repo, name)
    if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) issue.labels.push(label.name)
    return label
  }

  private nextNumber(repoName: string): number {
    const numbers = this.issues.filter((i) => i.repo.toLowerCase() === repoName.toLowerCase()).map((i) => i.number)
    return numbers.length === 0 ? 1 : Math.max(...numbers) + 1
  }
}

export function normaliseRef(ref: string): string {
  return ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '')
}

export function pullFile(seed: PullFileSeed): WorldPullFile {
  const diff = parsePatch(seed.patch)
  return {
    ...seed,
    status: seed.status ?? 'modified',
    sha: fakeSha(`${seed.filename}:${seed.patch ?? ''}`),
    additions: diff.additions,
    deletions: diff.deletions,
    changes: diff.additions + diff.deletions,
    diff
  }
}

function reviewState(event: ReviewSeed['event']): ReviewState {
  if (event === 'APPROVE') return 'APPROVED'
  if (event === 'REQUEST_CHANGES') return 'CHANGES_REQUESTED'
  if (event === 'COMMENT') return 'COMMENTED'
  return 'PENDING'
}

type Anchor = Pick<WorldReviewComment, 'path' | 'side' | 'line' | 'start_line' | 'start_side' | 'position' | 'diff_hunk'>

function unresolvable(message: string): WorldRuleError {
  // GitHub's real answer for a comment outside the diff: {"message":"Unprocessable Entity","errors":["Line could not be resolved"]}.
  return new WorldRuleError(422, { message: 'Unprocessable Entity', errors: [message] })
}

function asSide(value: string | undefined): 'LEFT' | 'RIGHT' {
  return value?.toUpperCase() === 'LEFT' ? 'LEFT' : 'RIGHT'
}

// Resolves a review comment to a diff anchor or raises the 422 GitHub gives for it.
export function resolveAnchor(pull: WorldPull, input: ReviewCommentInput): Anchor {
  const file = pull.files.find((f) => f.filename === input.path)
  // "Path could not be resolved" follows the pattern of GitHub's line message for a file outside the PR.
  if (!file) throw unresolvable('Path could not be resolved')
  if (input.line === undefined && input.position !== undefined) {
    const at = file.diff.byPosition.get(input.position)
    if (!at) throw unresolvable('Line could not be resolved')
    return {
      path: input.path,
      side: at.side,
      line: at.line,
      start_line: null,
      start_side: null,
      position: input.position,
      diff_hunk: file.diff.hunkTextAt(input.position)
    }
  }
  if (input.line === undefined) throw unresolvable('Line could not be resolved')
  const side = asSide(input.side)
  const anchor = (side === 'LEFT' ? file.diff.left : file.diff.right).get(input.line)
  if (!anchor) throw unresolvable('Line could not be resolved')
  let startLine: number | null = null
  let startSide: 'LEFT' | 'RIGHT' | null = null
  if (input.start_line !== undefined) {
    startSide = asSide(input.start_side ?? input.side)
    const start = (startSide === 'LEFT' ? file.diff.left : file.diff.right).get(input.start_line)
    if (!start) throw unresolvable('Start line could not be resolved')
    if (start.hunk !== anchor.hunk) {
      throw unresolvable('Pull request review thread start line must be part of the same hunk as the line.')
    }
    if (input.start_line >= input.line && startSide === side) {
      throw unresolvable('Pull request review thread start line must precede the end line.')
    }
    startLine = input.start_line
  }
  return {
    path: input.path,
    side,
    line: input.line,
    start_line: startLine,
    start_side: startSide,
    position: anchor.position,
    diff_hunk: file.diff.hunkTextAt(anchor.position)
  }
}
