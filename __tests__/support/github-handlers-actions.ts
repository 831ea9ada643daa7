// Workflow runs' jobs and their logs. A job's log answers as GitHub does: 302 to a short-lived
// download URL (served by the same test server under /_job-logs/, outside the API).
import { notFound, repoOf, type Handler } from './github-handler-types.js'
import type { Urls } from './github-shapes.js'
import { repoShape } from './github-shapes.js'
import { fakeSha, type WorldJob, type WorldRepo, type WorldWorkflowRun } from './github-world.js'

export const JOB_LOGS_PATH = '/_job-logs/'

function jobShape(repo: string, job: WorldJob, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo}`
  return {
    id: job.id,
    run_id: job.run_id,
    run_url: `${api}/actions/runs/${job.run_id}`,
    run_attempt: 1,
    node_id: Buffer.from(`Job:${job.id}`).toString('base64'),
    head_sha: fakeSha(`run:${job.run_id}`),
    head_branch: 'main',
    url: `${api}/actions/jobs/${job.id}`,
    html_url: `${urls.web}/${repo}/actions/runs/${job.run_id}/job/${job.id}`,
    status: 'completed',
    conclusion: job.conclusion,
    created_at: job.started_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
    name: job.name,
    steps: job.steps.map((s) => ({ ...s, status: 'completed', started_at: job.started_at, completed_at: job.completed_at })),
    check_run_url: `${api}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 1,
    runner_group_name: 'GitHub Actions',
    workflow_name: 'CI'
  }
}

const listJobs: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const jobs = ctx.world.workflowJobs.get(`${repo.full_name} ${Number(ctx.params.run_id)}`.toLowerCase())
  if (!jobs) throw notFound()
  return { status: 200, body: { total_count: jobs.length, jobs: jobs.map((j) => jobShape(repo.full_name, j, ctx.urls)) } }
}

const downloadJobLogs: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const job = ctx.world.job(repo.full_name, Number(ctx.params.job_id))
  if (!job) throw notFound()
  const location = `${ctx.urls.web}${JOB_LOGS_PATH}${repo.full_name}/${job.id}?sig=${fakeSha(`sig:${job.id}`).slice(0, 16)}`
  return { status: 302, headers: { location } }
}

function runShape(repo: WorldRepo, run: WorldWorkflowRun, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.full_name}/actions/runs/${run.id}`
  const repoJson = repoShape(repo, urls, run.created_at)
  const person = { name: repo.owner.login, email: `${repo.owner.login}@users.noreply.github.com` }
  return {
    id: run.id,
    name: run.name,
    node_id: Buffer.from(`WorkflowRun:${run.id}`).toString('base64'),
    check_suite_id: run.check_suite_id,
    check_suite_node_id: Buffer.from(`CheckSuite:${run.check_suite_id}`).toString('base64'),
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: '.github/workflows/ci.yml',
    run_number: 1,
    run_attempt: 1,
    display_title: run.name,
    event: run.event,
    status: 'completed',
    conclusion: run.conclusion,
    workflow_id: 1,
    url: api,
    html_url: `${urls.web}/${repo.full_name}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.created_at,
    updated_at: run.created_at,
    run_started_at: run.created_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${repo.full_name}/check-suites/${run.check_suite_id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${urls.api}/repos/${repo.full_name}/actions/workflows/1`,
    head_commit: { id: run.head_sha, tree_id: fakeSha(`tree:${run.head_sha}`), message: 'CI', timestamp: run.created_at, author: person, committer: person },
    repository: repoJson,
    head_repository: repoJson
  }
}

// The runs of a repository, filtered as GitHub filters them (only check_suite_id and head_sha here).
const listRuns: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const suite = ctx.params.check_suite_id
  const sha = ctx.params.head_sha
  const runs = ctx.world.workflowRuns.filter(
    (r) =>
      r.repo.toLowerCase() === repo.full_name.toLowerCase() && (suite === undefined || r.check_suite_id === suite) && (sha === undefined || r.head_sha === sha)
  )
  return { status: 200, body: { total_count: runs.length, workflow_runs: runs.map((r) => runShape(repo, r, ctx.urls)) } }
}

export const actionsHandlers: Record<string, Handler> = {
  'actions/list-workflow-runs-for-repo': listRuns,
  'actions/list-jobs-for-workflow-run': listJobs,
  'actions/download-job-logs-for-workflow-run': downloadJobLogs
}
