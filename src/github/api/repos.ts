// The repository's files and workflows.
import type { Octokit } from '../create-octokit.js'
import { hasStatus } from '../request-failure.js'
import type { FileContent, RepoRef } from '../types.js'

/** A file's text at a ref (the PR head SHA), or null when the path does not exist there. */
export async function getFileContent(octokit: Octokit, repo: RepoRef, path: string, ref: string): Promise<FileContent | null> {
  try {
    // The raw media type returns the bytes themselves and works up to 100 MB (JSON stops at 1 MB).
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path,
      ref,
      headers: { accept: 'application/vnd.github.raw+json' }
    })
    if (Array.isArray(data)) throw new Error(`${path} is a directory, not a file`)
    const text = typeof data === 'string' ? data : Buffer.from(data as unknown as ArrayBuffer).toString('utf8')
    return { path, ref, text }
  } catch (error) {
    if (hasStatus(error, 404)) return null
    throw error
  }
}

/**
 * `workflow_dispatch` for a flow's deploy step: the deploy itself stays a workflow the repository
 * owns (its environments, secrets and approvals), the flow only starts it. Needs `actions: write`.
 */
export async function dispatchWorkflow(octokit: Octokit, repo: RepoRef, workflow: string, ref: string, inputs: Record<string, string>): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { ...repo, workflow_id: workflow, ref, inputs })
}

/** A job of a workflow run, with its steps, as the CI-failure facts need it. */
export interface WorkflowJob {
  id: number
  name: string
  conclusion: string | null
  url: string | null
  steps: { number: number; name: string; conclusion: string | null }[]
}

/** Every job of a run's latest attempt (at most 100: a run with more is rare and the first failures tell the story). */
export async function listWorkflowRunJobs(octokit: Octokit, repo: RepoRef, runId: number): Promise<WorkflowJob[]> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', { ...repo, run_id: runId, filter: 'latest', per_page: 100 })
  return data.jobs.map((job) => ({
    id: Number(job.id),
    name: job.name,
    conclusion: job.conclusion ?? null,
    url: job.html_url ?? null,
    steps: (job.steps ?? []).map((step) => ({ number: step.number, name: step.name, conclusion: step.conclusion ?? null }))
  }))
}

/**
 * The last `maxChars` characters of a job's log. GitHub answers 302 to a short-lived download URL
 * on another host; fetch follows it (dropping the token there, as a cross-origin redirect must).
 */
export async function getJobLogTail(octokit: Octokit, repo: RepoRef, jobId: number, maxChars: number): Promise<string> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', { ...repo, job_id: jobId })
  const text = typeof data === 'string' ? data : Buffer.from(data as unknown as ArrayBuffer).toString('utf8')
  return text.length > maxChars ? text.slice(text.length - maxChars) : text
}
