// Check runs: create and update keep state in `world.checkRuns`, with every body in `history`.
import { invalidRequest, notFound, repoOf, text, type Handler, type HandlerContext } from './github-handler-types.js'
import { checkRunShape } from './github-shapes.js'
import type { WorldCheckRun } from './github-world.js'

interface OutputBody {
  title?: string
  summary?: string
  text?: string
  annotations?: unknown[]
}

// GitHub's rules beyond the schema: a conclusion completes the run; "completed" needs a conclusion.
function applyStatus(run: WorldCheckRun, body: Record<string, unknown>, now: string): void {
  const conclusion = text(body.conclusion)
  const status = text(body.status)
  if (status === 'completed' && conclusion === undefined && run.conclusion === null) {
    throw invalidRequest(`"conclusion" wasn't supplied.`)
  }
  if (status !== undefined) run.status = status
  if (conclusion !== undefined) {
    run.conclusion = conclusion
    run.status = 'completed'
  }
  if (text(body.started_at) !== undefined) run.started_at = text(body.started_at) ?? null
  if (run.status === 'completed') run.completed_at = text(body.completed_at) ?? run.completed_at ?? now
}

function applyFields(run: WorldCheckRun, body: Record<string, unknown>): void {
  if (text(body.name) !== undefined) run.name = String(body.name)
  if (text(body.details_url) !== undefined) run.details_url = String(body.details_url)
  if (text(body.external_id) !== undefined) run.external_id = String(body.external_id)
  if (Array.isArray(body.actions)) run.actions = body.actions
  const output = body.output as OutputBody | undefined
  if (output) {
    run.output.title = output.title ?? run.output.title
    run.output.summary = output.summary ?? run.output.summary
    run.output.text = output.text ?? run.output.text
    // Annotations accumulate across updates: that is how more than 50 are sent.
    run.output.annotations.push(...(output.annotations ?? []))
  }
}

function respond(ctx: HandlerContext, run: WorldCheckRun, status: number): ReturnType<Handler> {
  return { status, body: checkRunShape(run, ctx.identity, ctx.urls) }
}

const createCheckRun: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const now = ctx.world.now()
  const run: WorldCheckRun = {
    id: ctx.world.id(),
    repo: repo.full_name,
    name: String(ctx.body.name),
    head_sha: String(ctx.body.head_sha),
    status: 'queued',
    conclusion: null,
    details_url: null,
    external_id: null,
    started_at: now,
    completed_at: null,
    output: { title: null, summary: null, text: null, annotations: [] },
    actions: [],
    history: [ctx.body]
  }
  applyStatus(run, ctx.body, now)
  applyFields(run, ctx.body)
  ctx.world.checkRuns.push(run)
  return respond(ctx, run, 201)
}

const updateCheckRun: Handler = (ctx) => {
  const repo = repoOf(ctx)
  const id = Number(ctx.params.check_run_id)
  const run = ctx.world.checkRuns.find((r) => r.id === id && r.repo.toLowerCase() === repo.full_name.toLowerCase())
  if (!run) throw notFound()
  applyStatus(run, ctx.body, ctx.world.now())
  applyFields(run, ctx.body)
  run.history.push(ctx.body)
  return respond(ctx, run, 200)
}

export const checkHandlers: Record<string, Handler> = {
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun
}
