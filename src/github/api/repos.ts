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

/** UTF-8 takes at most 4 bytes a character: this many bytes always hold the last `maxChars` characters. */
const BYTES_PER_CHAR = 4

/** The last `maxBytes` of a stream, holding at most `maxBytes` plus one chunk at any time, never the whole. */
export async function streamTail(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let held = 0
  for await (const chunk of body) {
    chunks.push(chunk)
    held += chunk.length
    while (chunks.length > 1 && held - (chunks[0] as Uint8Array).length >= maxBytes) held -= (chunks.shift() as Uint8Array).length
  }
  const all = Buffer.concat(chunks)
  return all.subarray(Math.max(0, all.length - maxBytes))
}

/** Bytes cut from a UTF-8 text may start inside a character: its continuation bytes are dropped. */
function decodeTail(bytes: Uint8Array, maxChars: number, cutAtStart: boolean): string {
  let start = 0
  if (cutAtStart) while (start < bytes.length && start < 3 && ((bytes[start] as number) & 0xc0) === 0x80) start += 1
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8')
  return text.length > maxChars ? text.slice(text.length - maxChars) : text
}

/**
 * The last `maxChars` characters of a job's log, without reading the whole log: GitHub answers 302
 * to a short-lived download URL on another host, which fetch follows (dropping the token there, as
 * a cross-origin redirect must, and keeping the Range header). Storage that honours the suffix
 * range sends only the tail (206); one that ignores it sends the whole log (200), which is read as
 * a stream keeping only its last bytes.
 */
export async function getJobLogTail(octokit: Octokit, repo: RepoRef, jobId: number, maxChars: number): Promise<string> {
  const maxBytes = maxChars * BYTES_PER_CHAR
  const response = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
    ...repo,
    job_id: jobId,
    headers: { range: `bytes=-${maxBytes}` },
    request: { parseSuccessResponseBody: false }
  })
  const body = response.data as unknown as ReadableStream<Uint8Array> | null
  if (body === null || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return ''
  const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(String(response.headers['content-range'] ?? ''))
  const partial = (response.status as number) === 206 && range !== null
  const bytes = await streamTail(body as unknown as AsyncIterable<Uint8Array>, maxBytes)
  const cut = partial ? Number(range[1]) > 0 : bytes.length >= maxBytes
  return decodeTail(bytes, maxChars, cut)
}

/** A workflow run of a check suite: GitHub Actions makes one check suite per run. */
export interface WorkflowRunRef {
  id: number
  name: string | null
  conclusion: string | null
  url: string
}

/** The Actions runs of a check suite (normally one; none when the suite is not from Actions). */
export async function listWorkflowRunsForCheckSuite(octokit: Octokit, repo: RepoRef, checkSuiteId: number): Promise<WorkflowRunRef[]> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs', { ...repo, check_suite_id: checkSuiteId, per_page: 10 })
  return data.workflow_runs.map((run) => ({ id: Number(run.id), name: run.name ?? null, conclusion: run.conclusion ?? null, url: run.html_url }))
}

/** A code search hit: the file and the fragments that matched. */
export interface CodeSearchHit {
  path: string
  fragments: string[]
}

/**
 * Code search limited to this repository: the `repo:` qualifier is always added, and `query` must
 * be checked by the caller (no qualifier of its own may widen the search).
 */
export async function searchCode(octokit: Octokit, repo: RepoRef, query: string, perPage: number): Promise<{ total: number; hits: CodeSearchHit[] }> {
  const { data } = await octokit.request('GET /search/code', {
    q: `repo:${repo.owner}/${repo.repo} ${query}`,
    per_page: perPage,
    headers: { accept: 'application/vnd.github.text-match+json' }
  })
  return {
    total: data.total_count,
    hits: data.items.map((item) => ({ path: item.path, fragments: (item.text_matches ?? []).flatMap((m) => (m.fragment === undefined ? [] : [m.fragment])) }))
  }
}
