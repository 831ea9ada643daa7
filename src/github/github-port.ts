import type { AccessLookups } from '../gate/access.js'
import { getSenderPermission, getTeamMembership, getViewerLogin } from './api/access.js'
import { createCheckRun, updateCheckRun } from './api/checks.js'
import {
  addLabels,
  addReaction,
  createIssueComment,
  createLabel,
  deleteIssueComment,
  getIssue,
  listIssueComments,
  listRepoLabels,
  removeLabel,
  updateIssueComment,
  type ReactionContent
} from './api/issues.js'
import {
  compareCommits,
  createReview,
  createReviewCommentReply,
  getPullRequest,
  listComparedCommits,
  listPullRequestCommits,
  listPullRequestFiles,
  listReviewComments,
  type CommitComparison,
  type PullReviewComment
} from './api/pulls.js'
import { listReviewThreads, resolveReviewThreads, sameLogin } from './api/graphql.js'
import {
  dispatchWorkflow,
  getFileContent,
  getJobLogTail,
  listWorkflowRunJobs,
  listWorkflowRunsForCheckSuite,
  searchCode,
  type CodeSearchHit,
  type WorkflowJob,
  type WorkflowRunRef
} from './api/repos.js'
import type { Octokit } from './create-octokit.js'
import type {
  ChangedFile,
  CheckRunCreate,
  CommitInfo,
  CheckRunUpdate,
  FileContent,
  IssueComment,
  IssueInfo,
  PullRequestInfo,
  ReactionTarget,
  RepoLabel,
  RepoRef,
  ReviewRequest,
  WriteResponse
} from './types.js'

export type { CodeSearchHit, CommitComparison, PullReviewComment, ReactionContent, WorkflowJob, WorkflowRunRef }

/**
 * Every GitHub call the app makes, on plain data. One port per run and repository: owner and repo
 * are fixed here, so nothing built on it can aim at another repository. Raw: no validation, no
 * dry-run; writes the agent causes go through the Publisher.
 */
export interface GitHubPort extends AccessLookups {
  readonly repository: string
  getPullRequest(number: number): Promise<PullRequestInfo>
  /** Cached per run: the publisher and the read tool share one listing. */
  listPullRequestFiles(number: number): Promise<ChangedFile[]>
  getFileContent(path: string, ref: string): Promise<FileContent | null>
  getIssue(number: number): Promise<IssueInfo>
  /** The first call after `prefetchIssueComments(number)` gets the listing that one started. */
  listIssueComments(number: number): Promise<IssueComment[]>
  /** Starts listing the comments now, for a caller that will ask soon (the review state, read while the config is). */
  prefetchIssueComments(number: number): void
  /** Cached per run; labels this port creates are added to the cache. */
  listRepoLabels(): Promise<RepoLabel[]>
  getViewerLogin(): Promise<string | null>
  /** `base...head`; `{found: false}` when GitHub answers 404 (e.g. base was lost to a force-push). */
  compareCommits(base: string, head: string): Promise<CommitComparison>
  /** Every inline review comment of the PR (thread roots and replies), oldest first. Not cached: it changes within a run. */
  listReviewComments(number: number): Promise<PullReviewComment[]>
  /** The jobs of a workflow run's latest attempt, with their steps. */
  listWorkflowRunJobs(runId: number): Promise<WorkflowJob[]>
  /** The last `maxChars` characters of a job's log, read without downloading the whole log. */
  getJobLogTail(jobId: number, maxChars: number): Promise<string>
  /** The Actions runs of a check suite. */
  listWorkflowRunsForCheckSuite(checkSuiteId: number): Promise<WorkflowRunRef[]>
  listPullRequestCommits(number: number): Promise<CommitInfo[]>
  /** `base...head`'s first 100 commits and their total; null when GitHub answers 404. */
  listComparedCommits(base: string, head: string): Promise<{ commits: CommitInfo[]; total: number } | null>
  /** Code search in this repository only: the port adds the `repo:` qualifier. */
  searchCode(query: string, perPage: number): Promise<{ total: number; hits: CodeSearchHit[] }>

  createIssueComment(number: number, body: string): Promise<WriteResponse>
  updateIssueComment(commentId: number, body: string): Promise<WriteResponse>
  /** False when the comment was already gone. */
  deleteIssueComment(commentId: number): Promise<boolean>
  createReview(number: number, review: ReviewRequest): Promise<WriteResponse>
  addLabels(number: number, labels: string[]): Promise<WriteResponse>
  /** False when the label was not set. */
  removeLabel(number: number, label: string): Promise<boolean>
  createLabel(name: string): Promise<WriteResponse>
  createCheckRun(run: CheckRunCreate): Promise<WriteResponse>
  updateCheckRun(checkRunId: number, update: CheckRunUpdate): Promise<WriteResponse>
  addReaction(commentId: number, target: ReactionTarget, content: ReactionContent): Promise<WriteResponse>
  createReviewCommentReply(number: number, commentId: number, body: string): Promise<WriteResponse>
  /**
   * Resolves the review threads these comments opened, when `author` opened them (REST has no
   * threads: GraphQL, one query for the threads and one mutation for all of them). Returns the
   * comment ids whose thread is now resolved; threads already resolved are left alone.
   */
  resolveReviewThreads(number: number, rootCommentIds: readonly number[], author: string): Promise<number[]>
  dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<void>
}

export function parseRepository(repository: string): RepoRef {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository)
  if (!match) throw new Error(`Repository must be owner/repo, got '${repository}'`)
  return { owner: match[1] as string, repo: match[2] as string }
}

export function createGitHubPort(octokit: Octokit, repository: string): GitHubPort {
  const repo = parseRepository(repository)
  const files = new Map<number, Promise<ChangedFile[]>>()
  const prefetched = new Map<number, Promise<IssueComment[]>>()
  const permissions = new Map<string, ReturnType<GitHubPort['getSenderPermission']>>()
  let labels: Promise<RepoLabel[]> | null = null

  return {
    repository,
    getPullRequest: (number) => getPullRequest(octokit, repo, number),
    listPullRequestFiles(number) {
      let pending = files.get(number)
      if (!pending) {
        pending = listPullRequestFiles(octokit, repo, number)
        // A failed listing is not cached: the next caller may try again.
        pending.catch(() => files.delete(number))
        files.set(number, pending)
      }
      return pending
    },
    getFileContent: (path, ref) => getFileContent(octokit, repo, path, ref),
    getIssue: (number) => getIssue(octokit, repo, number),
    listIssueComments(number) {
      const early = prefetched.get(number)
      if (!early) return listIssueComments(octokit, repo, number)
      prefetched.delete(number)
      return early
    },
    prefetchIssueComments(number) {
      if (prefetched.has(number)) return
      const pending = listIssueComments(octokit, repo, number)
      // Whoever takes it sees a failure; until then it must not count as unhandled.
      pending.catch(() => {})
      prefetched.set(number, pending)
    },
    listRepoLabels() {
      if (!labels) {
        const pending = listRepoLabels(octokit, repo)
        pending.catch(() => {
          if (labels === pending) labels = null
        })
        labels = pending
      }
      return labels
    },
    getViewerLogin: () => getViewerLogin(octokit),
    compareCommits: (base, head) => compareCommits(octokit, repo, base, head),
    listReviewComments: (number) => listReviewComments(octokit, repo, number),
    listWorkflowRunJobs: (runId) => listWorkflowRunJobs(octokit, repo, runId),
    getJobLogTail: (jobId, maxChars) => getJobLogTail(octokit, repo, jobId, maxChars),
    listWorkflowRunsForCheckSuite: (checkSuiteId) => listWorkflowRunsForCheckSuite(octokit, repo, checkSuiteId),
    listPullRequestCommits: (number) => listPullRequestCommits(octokit, repo, number),
    listComparedCommits: (base, head) => listComparedCommits(octokit, repo, base, head),
    searchCode: (query, perPage) => searchCode(octokit, repo, query, perPage),
    getSenderPermission(login) {
      // A role does not change within a run; the gate and a command's own checks ask once. A failed
      // lookup is not kept (it never throws: it answers with the error).
      const key = login.toLowerCase()
      let pending = permissions.get(key)
      if (!pending) {
        pending = getSenderPermission(octokit, repo, login)
        permissions.set(key, pending)
        void pending.then((lookup) => {
          if (lookup.permission === null) permissions.delete(key)
        })
      }
      return pending
    },
    getTeamMembership: (team, login) => getTeamMembership(octokit, team, login),

    createIssueComment: (number, body) => createIssueComment(octokit, repo, number, body),
    updateIssueComment: (commentId, body) => updateIssueComment(octokit, repo, commentId, body),
    deleteIssueComment: (commentId) => deleteIssueComment(octokit, repo, commentId),
    createReview: (number, review) => createReview(octokit, repo, number, review),
    addLabels: (number, names) => addLabels(octokit, repo, number, names),
    removeLabel: (number, label) => removeLabel(octokit, repo, number, label),
    async createLabel(name) {
      const created = await createLabel(octokit, repo, name)
      if (labels) {
        const known = labels
        labels = known.then((list) => [...list, { name, color: 'ededed', description: null }])
      }
      return created
    },
    createCheckRun: (run) => createCheckRun(octokit, repo, run),
    updateCheckRun: (checkRunId, update) => updateCheckRun(octokit, repo, checkRunId, update),
    addReaction: (commentId, target, content) => addReaction(octokit, repo, commentId, target, content),
    createReviewCommentReply: (number, commentId, body) => createReviewCommentReply(octokit, repo, number, commentId, body),
    async resolveReviewThreads(number, rootCommentIds, author) {
      const wanted = new Set(rootCommentIds)
      const threads = (await listReviewThreads(octokit.graphql, repo, number)).filter(
        (t) => t.rootCommentId !== null && wanted.has(t.rootCommentId) && !t.isResolved && t.rootAuthor !== null && sameLogin(t.rootAuthor, author)
      )
      const resolved = new Set(
        await resolveReviewThreads(
          octokit.graphql,
          threads.map((t) => t.id)
        )
      )
      return threads.filter((t) => resolved.has(t.id)).map((t) => t.rootCommentId as number)
    },
    dispatchWorkflow: (workflow, ref, inputs) => dispatchWorkflow(octokit, repo, workflow, ref, inputs)
  }
}
