// What the agent may read: the pull request's diff, files at the head or base commit, the issue/PR
// with its comments, the repository's labels, a workflow run's jobs and failed logs. All scoped to
// the run's repository and issue/PR, sanitised as the event data is (code as code, lines kept;
// prose as GitHub renders it), and fenced as untrusted data (untrusted-result.ts).

import { sanitizeCode, sanitizeUntrusted } from '../../text/sanitize-untrusted.js'
import type { Tool } from '../../shared/tool.js'
import type { GitHubPort } from '../github-port.js'
import { requireNumber, requirePullRequest, type GitHubToolContext } from './tool-context.js'
import { readInteger, readString, runTool, ToolInputError } from './tool-input.js'
import { untrustedJson, untrustedResult } from './untrusted-result.js'

// Each text is cut on its own, saying so, before the whole result meets its budget.
const PATCH_LIMIT = 20_000
export const COMMENT_LIMIT = 10_000
const MAX_FILES_PER_CALL = 100
const DEFAULT_FILES_PER_CALL = 30
const MAX_COMMENTS = 50

/** A text cut to `limit` characters, saying how many were cut. */
export function cutProse(text: string, limit = COMMENT_LIMIT): string {
  if (text.length <= limit) return text
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit - 1 : limit
  return `${text.slice(0, end)} [… ${text.length - end} characters cut]`
}

/** Whether `author` is the token's own login: the model can tell the action's earlier words from people's. */
export async function ownMarker(ctx: GitHubToolContext): Promise<(author: string | null) => boolean> {
  const own = ctx.ownLogin ? await ctx.ownLogin().catch(() => null) : null
  return (author) => own !== null && author !== null && author.toLowerCase() === own.toLowerCase()
}

export function getPullRequestFilesTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_get_pull_request_files',
    readOnly: true,
    description: 'List the files changed by the pull request with their unified-diff patches, a page at a time.',
    inputSchema: {
      type: 'object',
      properties: {
        offset: { type: 'integer', description: 'Index of the first file (default 0).' },
        limit: { type: 'integer', description: `Files to return (default ${DEFAULT_FILES_PER_CALL}, at most ${MAX_FILES_PER_CALL}).` }
      }
    },
    run: (input) =>
      runTool(async () => {
        const number = requirePullRequest(ctx)
        const offset = readInteger(input, 'offset', 0) ?? 0
        const limit = Math.min(readInteger(input, 'limit') ?? DEFAULT_FILES_PER_CALL, MAX_FILES_PER_CALL)
        const files = await port.listPullRequestFiles(number)
        const page = files.slice(offset, offset + limit).map((f) => ({
          filename: sanitizeCode(f.filename),
          status: f.status,
          additions: f.additions,
          deletions: f.deletions,
          ...(f.previousFilename ? { previous_filename: sanitizeCode(f.previousFilename) } : {}),
          patch: f.patch === undefined ? null : cutProse(sanitizeCode(f.patch), PATCH_LIMIT),
          ...(f.patch === undefined ? { note: 'no textual diff (binary or too large)' } : {})
        }))
        const next = offset + limit < files.length ? offset + limit : null
        return untrustedJson({ total_files: files.length, offset, next_offset: next, files: page })
      })
  }
}

const SHA = /^[0-9a-f]{7,40}$/i

/** The commit `ref` names: the run's head, its base, or a SHA; never a URL or a branch the model picks. */
function fileRef(ctx: GitHubToolContext, ref: string | undefined): { ref: string; label: string } {
  const wanted = ref ?? 'head'
  if (wanted === 'head') {
    if (ctx.headSha) return { ref: ctx.headSha, label: `head ${ctx.headSha.slice(0, 7)}` }
    if (ctx.defaultBranch) return { ref: ctx.defaultBranch, label: `the default branch ${ctx.defaultBranch}` }
    throw new Error('This run has no commit to read files at')
  }
  if (wanted === 'base') {
    if (!ctx.baseSha) throw new Error('This run has no base commit (it is not about a pull request or a push)')
    return { ref: ctx.baseSha, label: `base ${ctx.baseSha.slice(0, 7)}` }
  }
  if (SHA.test(wanted)) return { ref: wanted, label: wanted.slice(0, 7) }
  throw new ToolInputError(`'ref' must be "head", "base" or a commit SHA (7 to 40 hex digits), got ${JSON.stringify(wanted)}`)
}

export function getFileTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_get_file',
    readOnly: true,
    description:
      'Read a file of the repository with line numbers, at the head commit under review (default), at the base the change is compared with, or at a commit SHA. Optionally a line range.',
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Path from the repository root.' },
        ref: { type: 'string', description: '"head" (default), "base", or a commit SHA of this repository.' },
        start_line: { type: 'integer', description: 'First line to return (default 1).' },
        end_line: { type: 'integer', description: 'Last line to return (default: end of file).' }
      },
      required: ['path']
    },
    run: (input) =>
      runTool(async () => {
        const path = readString(input, 'path', true).replace(/^\/+/, '')
        const at = fileRef(ctx, readString(input, 'ref'))
        const file = await port.getFileContent(path, at.ref)
        if (!file) return { content: `${path} does not exist at ${at.label}`, isError: true }
        const lines = sanitizeCode(file.text).split('\n')
        const start = readInteger(input, 'start_line') ?? 1
        const end = Math.min(readInteger(input, 'end_line') ?? lines.length, lines.length)
        const numbered = lines.slice(start - 1, end).map((line, i) => `${start + i}\t${line}`)
        return untrustedResult(`${path} @ ${at.label}, lines ${start}-${end} of ${lines.length}\n${numbered.join('\n')}`)
      })
  }
}

export function getIssueTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_get_issue',
    readOnly: true,
    description: 'Read the issue or pull request this run is about: title, body, state, labels and the latest comments.',
    inputSchema: { type: 'object', properties: {} },
    run: () =>
      runTool(async () => {
        const number = requireNumber(ctx)
        const [issue, comments, isOwn] = await Promise.all([port.getIssue(number), port.listIssueComments(number), ownMarker(ctx)])
        return untrustedJson({
          number: issue.number,
          kind: issue.isPullRequest ? 'pull_request' : 'issue',
          title: sanitizeUntrusted(issue.title),
          state: issue.state,
          author: issue.author,
          labels: issue.labels,
          body: cutProse(sanitizeUntrusted(issue.body)),
          total_comments: comments.length,
          ...(comments.length > MAX_COMMENTS ? { note: `the last ${MAX_COMMENTS} comments; github_list_issue_comments pages through all` } : {}),
          comments: comments.slice(-MAX_COMMENTS).map((c) => ({
            id: c.id,
            author: c.author,
            ...(isOwn(c.author) ? { by_this_action: true } : {}),
            created_at: c.createdAt,
            body: cutProse(sanitizeUntrusted(c.body))
          }))
        })
      })
  }
}

const FAILED = ['failure', 'timed_out', 'startup_failure']
const DEFAULT_LOG_LINES = 80
const MAX_LOG_LINES = 500
const MAX_LOGS = 5
// Characters of a job's log read to find its last lines: enough for MAX_LOG_LINES of usual width.
const LOG_READ_CHARS = 60_000

/** The last `lines` lines of a log, sanitised as code. */
function lastLines(log: string, lines: number): string {
  const all = sanitizeCode(log).replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  return all.slice(-lines).join('\n')
}

export function getWorkflowRunJobsTool(ctx: GitHubToolContext, port: GitHubPort): Tool {
  return {
    name: 'github_get_workflow_run_jobs',
    readOnly: true,
    description:
      "List a GitHub Actions run's jobs with their steps and conclusions, and optionally the last lines of each failed job's log. " +
      'The run defaults to the one this event is about.',
    inputSchema: {
      type: 'object',
      properties: {
        run_id: { type: 'integer', description: 'The workflow run (default: the run of this event).' },
        failed_logs: { type: 'boolean', description: `Add the last lines of each failed job's log (at most ${MAX_LOGS} jobs).` },
        lines: { type: 'integer', description: `Log lines per failed job (default ${DEFAULT_LOG_LINES}, at most ${MAX_LOG_LINES}).` }
      }
    },
    run: (input) =>
      runTool(async () => {
        const runId = readInteger(input, 'run_id') ?? ctx.runId ?? null
        if (runId === null) throw new Error('This event is not about a workflow run: pass run_id')
        const lines = Math.max(1, Math.min(readInteger(input, 'lines') ?? DEFAULT_LOG_LINES, MAX_LOG_LINES))
        const jobs = await port.listWorkflowRunJobs(runId)
        const withLogs = input.failed_logs === true ? jobs.filter((j) => FAILED.includes(j.conclusion ?? '')).slice(0, MAX_LOGS) : []
        const logs = new Map(
          await Promise.all(withLogs.map(async (job) => [job.id, lastLines(await port.getJobLogTail(job.id, LOG_READ_CHARS), lines)] as const))
        )
        return untrustedJson({
          run_id: runId,
          jobs: jobs.map((job) => ({
            id: job.id,
            name: sanitizeUntrusted(job.name),
            conclusion: job.conclusion,
            steps: job.steps.map((s) => ({ number: s.number, name: sanitizeUntrusted(s.name), conclusion: s.conclusion })),
            ...(logs.has(job.id) ? { log_tail: logs.get(job.id) } : {})
          }))
        })
      })
  }
}

export function listLabelsTool(port: GitHubPort): Tool {
  return {
    name: 'github_list_labels',
    readOnly: true,
    description: "List the repository's labels with their descriptions.",
    inputSchema: { type: 'object', properties: {} },
    run: () =>
      runTool(async () => {
        const labels = await port.listRepoLabels()
        return untrustedJson(labels.map((l) => ({ name: l.name, description: l.description === null ? null : sanitizeUntrusted(l.description) })))
      })
  }
}
