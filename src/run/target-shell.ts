// The ports a target runs on (model, tools, diff, check run, review session, workflow dispatch),
// built from the run's context. execute/ decides what runs; this file connects it to the world.
import { budgetDiff, type BudgetedDiff } from '../execute/budget-diff.js'
import { CI_FAILED_JOBS_SHOWN, CI_LOG_TAIL_CHARS, isFailedJob, threadComments, type CiJob, type ThreadComment } from '../execute/event-brief.js'
import type { AgentPlan } from '../execute/plan-invocation.js'
import { runAgentPlan, type AgentOutcome, type AgentPorts } from '../execute/run-agent-plan.js'
import type { TargetShell } from '../execute/run-target.js'
import { createGitHubTools } from '../github/create-github-tools.js'
import type { Publisher } from '../github/publisher.js'
import { createModel } from '../llm/create-model.js'
import { parseModel } from '../llm/parse-model.js'
import { labelTriggers } from '../route/label-triggers.js'
import { openReviewSession, shouldConverge } from '../review/review-session.js'
import type { Settings } from '../settings/read-settings.js'
import { errorMessage } from '../shared/errors.js'
import { timeScaled, type RunContext } from './run-context.js'

/** Tokens of diff the model sees up front; the rest it can read with its tools. */
const DIFF_TOKEN_BUDGET = 24_000

function hasKeyFor(model: string, agent: AgentPlan['agent'], settings: Settings): boolean {
  try {
    const ref = parseModel(model, { provider: agent.provider, defaultModel: settings.model })
    return ref.provider === 'anthropic' ? Boolean(settings.anthropicApiKey) : Boolean(settings.googleApiKey)
  } catch {
    return true // the runtime reports the bad model name with its own message
  }
}

/** A push's `before`, unless the ref was just created (all zeros): then there is nothing to compare with. */
function pushedFrom(ctx: RunContext): string | null {
  const before = ctx.event.name === 'push' ? ctx.event.metadata.before_sha : null
  return typeof before === 'string' && !/^0+$/.test(before) ? before : null
}

/** The PR's files, or what a push changed (`before...after`), within the diff budget. */
async function diffFor(ctx: RunContext): Promise<BudgetedDiff | null> {
  const { port, event } = ctx
  if (!port) return null
  const before = pushedFrom(ctx)
  try {
    if (event.isPullRequest && event.number !== null) return budgetDiff(await port.listPullRequestFiles(event.number), DIFF_TOKEN_BUDGET)
    if (before === null || !event.headSha) return null
    const comparison = await port.compareCommits(before, event.headSha)
    return comparison.found ? budgetDiff(comparison.files, DIFF_TOKEN_BUDGET) : null
  } catch (error) {
    const what = event.isPullRequest ? "the PR's files" : "the push's changes"
    ctx.runtime.runner.warning(`Could not list ${what} (${errorMessage(error)}); the agent gets no diff up front.`)
    return null
  }
}

/**
 * `read`, done once per run however many invocations ask (a comment may carry several commands):
 * the context is built once per run and never changed, so it keys the result.
 */
function oncePerRun<T>(read: (ctx: RunContext) => Promise<T>): (ctx: RunContext) => Promise<T> {
  const results = new WeakMap<RunContext, Promise<T>>()
  return (ctx) => {
    let result = results.get(ctx)
    if (!result) {
      result = read(ctx)
      results.set(ctx, result)
    }
    return result
  }
}

async function threadFor(ctx: RunContext): Promise<ThreadComment[] | null> {
  if (!ctx.port || ctx.event.number === null) return null
  try {
    const [comments, ownLogin] = await Promise.all([ctx.port.listIssueComments(ctx.event.number), ctx.ownLogin()])
    return threadComments(comments, ownLogin)
  } catch (error) {
    ctx.runtime.runner.warning(`Could not read the thread's comments (${errorMessage(error)}); the agent gets the event without them.`)
    return null
  }
}

/** The failed run's jobs (only the event's job for a check run), and the log tail of each failed one shown. */
async function ciFailureFor(ctx: RunContext): Promise<CiJob[] | null> {
  const run = ctx.event.failedRun
  if (!ctx.port || !run) return null
  const port = ctx.port
  try {
    const listed = await port.listWorkflowRunJobs(run.runId)
    const jobs = run.jobId === null ? listed : listed.filter((job) => job.id === run.jobId)
    const failed = jobs.filter(isFailedJob).slice(0, CI_FAILED_JOBS_SHOWN)
    // Twice the share in characters: timestamps, dropped later, take part of each line.
    const fetchChars = Math.ceil((2 * CI_LOG_TAIL_CHARS) / Math.max(1, failed.length))
    return await Promise.all(
      jobs.map(async (job) => {
        let logTail: string | null = null
        if (failed.includes(job)) {
          try {
            logTail = await port.getJobLogTail(job.id, fetchChars)
          } catch (error) {
            ctx.runtime.runner.warning(`Could not read the log of job '${job.name}' (${errorMessage(error)}); the agent gets its failed steps without it.`)
          }
        }
        return { name: job.name, conclusion: job.conclusion, url: job.url, steps: job.steps, logTail }
      })
    )
  } catch (error) {
    ctx.runtime.runner.warning(`Could not list the jobs of run ${run.runId} (${errorMessage(error)}); the agent gets the run without its failed jobs.`)
    return null
  }
}

function agentPorts(ctx: RunContext, commentKey: string, publisher: Publisher | null): AgentPorts {
  const { settings, event, runtime } = ctx
  const logger = runtime.runner
  return {
    logger,
    model: (plan) =>
      createModel(
        parseModel(plan.model, { provider: plan.agent.provider, defaultModel: settings.model }),
        { anthropicApiKey: settings.anthropicApiKey, googleApiKey: settings.googleApiKey },
        runtime.env,
        { logger, retry: timeScaled(runtime.env) }
      ),
    tools: (plan) => {
      if (!ctx.port || !publisher || !event.repository) return []
      const extra = plan.agent.extra
      return createGitHubTools(
        {
          repo: event.repository,
          number: event.number,
          headSha: event.headSha,
          isPullRequest: event.isPullRequest,
          commentKey: `${commentKey}/${plan.label}`,
          runId: event.failedRun?.runId ?? null
        },
        ctx.port,
        {
          allowApprove: extra.allow_approve === true,
          allowedLabels: Array.isArray(extra.allowed_labels) ? extra.allowed_labels.map(String) : undefined,
          createLabels: extra.create_labels === true,
          labelTriggers: labelTriggers(ctx.config),
          toolNames: plan.tools
        },
        publisher
      )
    }
  }
}

/** An agent that stopped early may have found things it never posted: publish them with a note. */
async function publishUnfinished(ctx: RunContext, outcome: AgentOutcome, plan: AgentPlan, commentKey: string): Promise<void> {
  const result = outcome.result
  if (!result || result.stoppedBy === 'end' || !ctx.publisher || ctx.event.number === null) return
  if (!plan.tools.includes('github_post_comment') || !result.finalText.trim()) return
  const body = `> [!WARNING]\n> ${plan.label} ${outcome.detail}. What it had so far:\n\n${result.finalText}`
  try {
    await ctx.publisher.upsertComment(ctx.event.number, `${commentKey}/${plan.label}/unfinished`, body)
  } catch (error) {
    ctx.runtime.runner.warning(`Could not post what ${plan.label} had: ${errorMessage(error)}`)
  }
}

const threadOnce = oncePerRun(threadFor)
const ciFailureOnce = oncePerRun(ciFailureFor)

/** The shell of a run's targets; `commentKey` (the Trigger's name) keys the action's own comments. */
export function createTargetShell(ctx: RunContext, commentKey: string): TargetShell {
  const { settings, event, runtime } = ctx
  return {
    config: ctx.config,
    event,
    dryRun: settings.dryRun,
    defaultModel: settings.model,
    commentKey,
    publisher: ctx.publisher,
    logger: runtime.runner,
    stateKey: settings.stateKey || null,
    readOnlyReason: ctx.readOnlyReason,
    cannotRun: (plan) => {
      if (hasKeyFor(plan.model, plan.agent, settings)) return null
      return settings.dryRun
        ? 'dry-run without a model key: instructions rendered, the model is not called'
        : `no API key for ${plan.model || 'the model'}: set anthropic-api-key or google-api-key (or the ANTHROPIC_API_KEY / GOOGLE_API_KEY secret)`
    },
    runAgent: async (plan, context, publisher) => {
      const outcome = await runAgentPlan(plan, context, agentPorts(ctx, commentKey, publisher), ctx.budget)
      await publishUnfinished(ctx, outcome, plan, commentKey)
      return outcome
    },
    diff: () => diffFor(ctx),
    thread: () => threadOnce(ctx),
    ciFailure: () => ciFailureOnce(ctx),
    startCheckRun: () => ctx.startCheckRun(commentKey),
    afterwards: (work) => {
      ctx.afterwards.push(work)
    },
    dispatchWorkflow: async (workflow, ref, inputs) => {
      const onRef = ref ?? event.defaultBranch
      if (!onRef || !ctx.publisher) throw new Error(`cannot dispatch ${workflow}: no ref or no github-token`)
      const outcome = await ctx.publisher.dispatchWorkflow(workflow, onRef, inputs)
      return outcome.url
    },
    now: () => new Date(),
    reviewSession: async (plan, invocation) => {
      if (!ctx.port || !ctx.publisher || event.number === null || !event.headSha || ctx.readOnlyReason || !shouldConverge(plan.agent, event)) return null
      const binding = ctx.config.triggers.find((t) => t.name === commentKey)?.commands.find((c) => c.key === invocation.key)
      return openReviewSession({
        port: ctx.port,
        publisher: ctx.publisher,
        event,
        agent: plan.agent,
        invocation,
        headSha: event.headSha,
        number: event.number,
        now: new Date(),
        serverUrl: runtime.env.GITHUB_SERVER_URL,
        runAttempt: Number(runtime.env.GITHUB_RUN_ATTEMPT) || 1,
        logger: runtime.runner,
        stateKey: settings.stateKey || null,
        permissionOf: async (login) => (ctx.port ? (await ctx.port.getSenderPermission(login)).permission : null),
        ...(event.baseSha ? { baseSha: event.baseSha } : {}),
        ...(binding ? { commandLocation: binding.location } : {})
      })
    }
  }
}
