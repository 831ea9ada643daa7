// Pull requests: the PR itself, its files and comparisons, reviews and their inline comments.
import type { Octokit } from '../create-octokit.js'
import { hasStatus } from '../request-failure.js'
import type { ChangedFile, CommitInfo, DiffSide, PullRequestInfo, RepoRef, ReviewRequest, WriteResponse } from '../types.js'

/** GitHub lists at most this many files of a comparison; a full page means the list may be cut. */
export const COMPARE_FILE_LIMIT = 300

export type CompareStatus = 'ahead' | 'behind' | 'diverged' | 'identical'

/** `base...head` as plain data; `found: false` when GitHub answers 404 (a commit is gone, or no common history). */
export type CommitComparison = { found: false } | { found: true; status: CompareStatus; files: ChangedFile[]; truncated: boolean }

const STATUSES: readonly string[] = ['ahead', 'behind', 'diverged', 'identical']

/** One inline review comment of a pull request (a thread's first comment, or a reply in it). */
export interface PullReviewComment {
  id: number
  /** The review it was submitted with. */
  reviewId: number | null
  /** The thread's first comment when this is a reply; null for a thread's first comment. */
  inReplyToId: number | null
  path: string
  /** The line on the current head; null when GitHub sees the commented lines changed (outdated). */
  line: number | null
  /** The line when the comment was made. */
  originalLine: number | null
  side: DiffSide | null
  body: string
  author: string | null
  /** `User`, `Bot`, `Organization`. */
  authorType: string | null
  createdAt: string
}

interface RawFile {
  filename: string
  status: string
  additions: number
  deletions: number
  changes: number
  patch?: string
  previous_filename?: string
}

function changedFile(f: RawFile): ChangedFile {
  const file: ChangedFile = { filename: f.filename, status: f.status, additions: f.additions, deletions: f.deletions, changes: f.changes }
  if (f.patch !== undefined) file.patch = f.patch
  if (f.previous_filename !== undefined) file.previousFilename = f.previous_filename
  return file
}

export async function getPullRequest(octokit: Octokit, repo: RepoRef, number: number): Promise<PullRequestInfo> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number })
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state,
    draft: data.draft ?? false,
    author: data.user?.login ?? null,
    headSha: data.head.sha,
    headRef: data.head.ref,
    headRepository: data.head.repo?.full_name ?? null,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    labels: data.labels.map((l) => l.name),
    additions: data.additions ?? null,
    deletions: data.deletions ?? null,
    changedFiles: data.changed_files ?? null,
    htmlUrl: data.html_url,
    mergeable: data.mergeable ?? null,
    mergeableState: data.mergeable_state ?? null
  }
}

interface RawCommit {
  sha: string
  commit: { message: string; author: { name?: string; date?: string } | null }
  author: { login: string } | Record<string, never> | null
}

function commitInfo(c: RawCommit): CommitInfo {
  const login = c.author && 'login' in c.author ? c.author.login : null
  return { sha: c.sha, message: c.commit.message, author: login ?? c.commit.author?.name ?? null, time: c.commit.author?.date ?? null }
}

/** The PR's commits, oldest first; GitHub lists at most 250. */
export async function listPullRequestCommits(octokit: Octokit, repo: RepoRef, number: number): Promise<CommitInfo[]> {
  const commits = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', { ...repo, pull_number: number, per_page: 100 })
  return commits.map(commitInfo)
}

/** The commits from `base` to `head`, oldest first: the first 100, and how many there are. Null when GitHub answers 404. */
export async function listComparedCommits(
  octokit: Octokit,
  repo: RepoRef,
  base: string,
  head: string
): Promise<{ commits: CommitInfo[]; total: number } | null> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{base}...{head}', { ...repo, base, head, per_page: 100 })
    return { commits: data.commits.map(commitInfo), total: data.total_commits }
  } catch (error) {
    if (hasStatus(error, 404)) return null
    throw error
  }
}

/** Every changed file with its patch; GitHub stops listing at 3,000 files (30 pages of 100). */
export async function listPullRequestFiles(octokit: Octokit, repo: RepoRef, number: number): Promise<ChangedFile[]> {
  const files = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...repo, pull_number: number, per_page: 100 })
  return files.map(changedFile)
}

/** The files changed from `base` to `head` with their patches, in one request. */
export async function compareCommits(octokit: Octokit, repo: RepoRef, base: string, head: string): Promise<CommitComparison> {
  try {
    // per_page pages the commits only; the file list (up to 300) always comes whole on page 1.
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/compare/{base}...{head}', { ...repo, base, head, per_page: 1 })
    const files = (data.files ?? []).map(changedFile)
    // An unknown status is treated like a rewrite: the caller then reviews everything.
    const status = (STATUSES.includes(data.status) ? data.status : 'diverged') as CompareStatus
    return { found: true, status, files, truncated: files.length >= COMPARE_FILE_LIMIT }
  } catch (error) {
    if (hasStatus(error, 404)) return { found: false }
    throw error
  }
}

/** One request for the whole review: body, verdict and every inline comment, pinned to the head SHA. */
export async function createReview(octokit: Octokit, repo: RepoRef, number: number, review: ReviewRequest): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...repo,
    pull_number: number,
    commit_id: review.commit_id,
    event: review.event,
    body: review.body,
    comments: review.comments
  })
  return { id: Number(data.id), url: data.html_url }
}

/** Every review comment of the pull request, oldest first. */
export async function listReviewComments(octokit: Octokit, repo: RepoRef, number: number): Promise<PullReviewComment[]> {
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', { ...repo, pull_number: number, per_page: 100 })
  return comments.map((c) => ({
    id: c.id,
    reviewId: c.pull_request_review_id ?? null,
    inReplyToId: c.in_reply_to_id ?? null,
    path: c.path,
    line: c.line ?? null,
    originalLine: c.original_line ?? null,
    side: c.side ?? null,
    body: c.body ?? '',
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at
  }))
}

/** A reply in the thread of an inline review comment (GitHub attaches a reply to a reply to the thread's root). */
export async function createReviewCommentReply(octokit: Octokit, repo: RepoRef, number: number, commentId: number, body: string): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', {
    ...repo,
    pull_number: number,
    comment_id: commentId,
    body
  })
  return { id: Number(data.id), url: data.html_url }
}
