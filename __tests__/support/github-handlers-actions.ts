// Workflow runs' jobs and their logs. A job's log answers as GitHub does: 302 to a short-lived
// download URL (served by the same test server under /_job-logs/, outside the API).
import { notFound, repoOf, type Handler } from './github-handler-types.js'
import type { Urls } from './github-shapes.js'
import { fakeSha, type WorldJob } from './github-world.js'

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

export const actionsHandlers: Record<string, Handler> = {
  'actions/list-jobs-for-workflow-run': listJobs,
  'actions/download-job-logs-for-workflow-run': downloadJobLogs
}
