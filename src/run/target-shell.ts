// The ports a target runs on (model, tools, diff, check run, review session, workflow dispatch),
// built from the run's context. execute/ decides what runs; this file connects it to the world.
import { budgetDiff, type BudgetedDiff } from '../execute/budget-diff.js'
import {
  CI_FAILED_JOBS_SHOWN,
  CI_LOG_TAIL_CHARS,
  isFailedJob,
  reviewThreadComments,
  threadComments,
  type CiJob,
  type ThreadComment
} from '../execute/event-brief.js'
import type { AgentPlan } from '../execute/plan-invocation.js'
import { runAgentPlan, type AgentOutcome, type AgentPorts } from '../execute/run-agent-plan.js'
import type { TargetShell } from '../execute/run-target.js'
import { toolRunsCode } from '../config/agent-tools.js'
import type { TrustVerdict } from '../gate/execution-trust.js'
import { standInPermission } from '../gate/access.js'
import { readExecutionTrust } from '../gate/read-execution-trust.js'
import { createGitHubTools } from '../github/create-github-tools.js'
import type { Publisher } from '../github/publisher.js'
import { createModel, missingCredential } from '../llm/create-model.js'
import type { ExecutionDecision } from '../mcp/open-mcp-servers.js'
import { parseModel } from '../llm/parse-model.js'
import { labelTriggers } from '../route/label-triggers.js'
import { openReviewSession, shouldConverge } from '../review/review-session.js'
import type { Settings } from '../settings/read-settings.js'
import { errorMessage } from '../shared/errors.js'
import { credentialSecrets } from '../shared/model-credentials.js'
import type { Tool } from '../shared/tool.js'
import { createWorkspaceTools, toolSecrets } from '../workspace/create-workspace-tools.js'
import { timeScaled, type RunContext } from './run-context.js'

/** Tokens of diff the model sees up front; the rest it can read with its tools. */
const DIFF_TOKEN_BUDGET = 24_000

/** Why the plan's model cannot be called with the run's credentials, or null. */
function missingCredentialFor(model: string, agent: AgentPlan['agent'], settings: Settings): string | null {
  try {
    return missingCredential(parseModel(model, { provider: agent.provider, defaultModel: settings.model }), settings)
  } catch {
    return null // the runtime reports the bad model name with its own message
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

/** The inline review thread a review comment replies to: its earlier comments. */
async function reviewThreadFor(ctx: RunContext): Promise<ThreadComment[] | null> {
  const { event } = ctx
  if (!ctx.port || event.name !== 'pull_request_review_comment' || event.number === null || event.commentId === null) return null
  const subject = event.subject?.comment
  const replyTo = subject && typeof subject === 'object' && !Array.isArray(subject) && typeof subject.in_reply_to === 'number' ? subject.in_reply_to : null
  if (replyTo === null) return null
  try {
    const [comments, ownLogin] = await Promise.all([ctx.port.listReviewComments(event.number), ctx.ownLogin()])
    return reviewThreadComments(comments, event.commentId, replyTo, ownLogin)
  } catch (error) {
    ctx.runtime.runner.warning(`Could not read the review thread (${errorMessage(error)}); the agent gets the comment without it.`)
    return null
  }
}

/** Runs of a check suite read for its failure: Actions makes one per suite; more are rare. */
const SUITE_RUNS_READ = 3

/** The failed run's jobs (only the event's job for a check run; every run of a check suite), and the log tail of each failed one shown. */
async function ciFailureFor(ctx: RunContext): Promise<CiJob[] | null> {
  const run = ctx.event.failedRun
  if (!ctx.port || !run) return null
  const port = ctx.port
  const what = run.runId !== null ? `run ${run.runId}` : `check suite ${run.checkSuiteId ?? '?'}`
  try {
    let runIds = run.runId !== null ? [run.runId] : []
    if (run.runId === null && run.checkSuiteId !== undefined) {
      runIds = (await port.listWorkflowRunsForCheckSuite(run.checkSuiteId)).slice(0, SUITE_RUNS_READ).map((r) => r.id)
    }
    const listed = (await Promise.all(runIds.map((id) => port.listWorkflowRunJobs(id)))).flat()
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
    ctx.runtime.runner.warning(`Could not list the jobs of ${what} (${errorMessage(error)}); the agent gets the run without its failed jobs.`)
    return null
  }
}

/**
 * Whether this run may execute code on the runner (an stdio MCP server is a program): the
 * execution-trust rule, read once per run and requester.
 */
async function executionDecision(ctx: RunContext, requester: string | null): Promise<ExecutionDecision> {
  const verdict = trustOf(ctx)(requester)
  const { trusted, reason } = await verdict
  return trusted ? { allowed: true } : { allowed: false, reason: `this run ${reason}` }
}

/**
 * What gives an agent its tools: each provider builds the ones it has among those the agent's YAML
 * lists, and ignores the rest. GitHub's and the workspace's are built in; others join this list.
 */
export type ToolProvider = (ctx: RunContext, plan: AgentPlan, commentKey: string, publisher: Publisher | null) => Tool[] | Promise<Tool[]>

const githubTools: ToolProvider = (ctx, plan, commentKey, publisher) => {
  const { event } = ctx
  if (!ctx.port || !publisher || !event.repository) return []
  const extra = plan.agent.extra
  return createGitHubTools(
    {
      repo: event.repository,
      number: event.number,
      headSha: event.headSha,
      isPullRequest: event.isPullRequest,
      commentKey: `${commentKey}/${plan.label}`,
      runId: event.failedRun?.runId ?? null,
      baseSha: event.baseSha ?? pushedFrom(ctx),
      defaultBranch: event.defaultBranch,
      ownLogin: () => ctx.ownLogin()
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

const workspaceTools: ToolProvider = (ctx, plan) => {
  const { workspace, runtime, settings } = ctx
  return createWorkspaceTools(plan.agent.tools, {
    agent: plan.label,
    files: workspace.files,
    processes: workspace.processes,
    stepEnv: runtime.env,
    findProgram: workspace.findProgram,
    secrets: toolSecrets([settings.githubToken, settings.stateKey, ...credentialSecrets(settings)], settings.githubToken),
    record: (entry) => workspace.commands.push(entry),
    budget: workspace.budget,
    dryRun: settings.dryRun
  })
}

export const TOOL_PROVIDERS: readonly ToolProvider[] = [githubTools, workspaceTools]

function agentPorts(ctx: RunContext, commentKey: string, publisher: Publisher | null, requester: string | null): AgentPorts {
  const { settings, runtime } = ctx
  const logger = runtime.runner
  return {
    logger,
    toolServers: async (plan, otherTools) => {
      const servers = plan.agent.mcpServers
      if (!servers?.length) return null
      const { openMcpServers } = await import('../mcp/open-mcp-servers.js')
      const cwd = runtime.env.GITHUB_WORKSPACE
      const execution = servers.some((s) => s.transport === 'stdio') ? await executionDecision(ctx, requester) : ({ allowed: true } as const)
      const secrets = [settings.githubToken, settings.stateKey, ...credentialSecrets(settings)].filter(Boolean)
      const maskSecret = (value: string) => runtime.runner.setSecret(value)
      return openMcpServers({
        servers,
        execution,
        secrets,
        maskSecret,
        dryRun: settings.dryRun,
        stepEnv: runtime.env,
        otherTools,
        logger,
        ...(cwd ? { cwd } : {})
      })
    },
    model: (plan) =>
      createModel(parseModel(plan.model, { provider: plan.agent.provider, defaultModel: settings.model }), settings, runtime.env, {
        logger,
        retry: timeScaled(runtime.env)
      }),
    tools: async (plan) => (await Promise.all(TOOL_PROVIDERS.map(async (provide) => provide(ctx, plan, commentKey, publisher)))).flat()
  }
}

/** The agent's tools that run code in the job (shell, CLIs, write_file, git writes); stdio MCP servers ask `executionDecision`. */
function codeTools(plan: AgentPlan): string[] {
  return plan.agent.tools.filter((t) => t.enabled && toolRunsCode(t.name, t.settings)).map((t) => t.name)
}

/** Once per requester and run: may code run for them here? */
function trustFor(ctx: RunContext): (requester: string | null) => Promise<TrustVerdict> {
  const verdicts = new Map<string | null, Promise<TrustVerdict>>()
  const access = ctx.runtime.senderPermission ? standInPermission(ctx.runtime.senderPermission, ctx.port) : ctx.port
  return (requester) => {
    let verdict = verdicts.get(requester)
    if (!verdict) {
      verdict = readExecutionTrust(ctx.event, ctx.payload, requester, access)
      verdicts.set(requester, verdict)
    }
    return verdict
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
const reviewThreadOnce = oncePerRun(reviewThreadFor)

const trustOnce = new WeakMap<RunContext, (requester: string | null) => Promise<TrustVerdict>>()

/** The run's one execution-trust memo: shell tools and stdio MCP servers ask the same question once. */
function trustOf(ctx: RunContext): (requester: string | null) => Promise<TrustVerdict> {
  let trust = trustOnce.get(ctx)
  if (!trust) {
    trust = trustFor(ctx)
    trustOnce.set(ctx, trust)
  }
  return trust
}

/** The shell of a run's targets; `commentKey` (the Trigger's name) keys the action's own comments. */
export function createTargetShell(ctx: RunContext, commentKey: string, requester?: string): TargetShell {
  const { settings, event, runtime } = ctx
  const readTrust = trustOf(ctx)
  return {
    ...(requester ? { requester } : {}),
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
      const missing = missingCredentialFor(plan.model, plan.agent, settings)
      if (missing === null) return null
      return settings.dryRun ? 'dry-run without a model key: instructions rendered, the model is not called' : missing
    },
    refuseExecution: async (plan) => {
      const names = codeTools(plan)
      if (names.length === 0) return null
      const verdict = await readTrust(requester ?? event.sender?.login ?? null)
      if (verdict.trusted) {
        runtime.runner.debug(`${plan.label}: may run code (${verdict.reason})`)
        return null
      }
      return `${plan.label} ${verdict.reason} (its tools ${names.join(', ')} run code in the job; see docs/security.md)`
    },
    runAgent: async (plan, context, publisher) => {
      const outcome = await runAgentPlan(plan, context, agentPorts(ctx, commentKey, publisher, requester ?? event.sender?.login ?? null), ctx.budget)
      await publishUnfinished(ctx, outcome, plan, commentKey)
      return outcome
    },
    diff: () => diffFor(ctx),
    thread: () => threadOnce(ctx),
    ciFailure: () => ciFailureOnce(ctx),
    reviewThread: () => reviewThreadOnce(ctx),
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
