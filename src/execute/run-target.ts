// Runs what an invocation targets (agent, fleet or flow), or holds it for approval, through the
// ports the shell gives it. No network or @actions here: main.ts supplies every effect.
import { createApprovalRequest, requiresApproval, STATE_KEY_MISSING, stateKeyRefusal } from '../approval/create-approval-request.js'
import { encodeApprovalState, type ApprovalState } from '../approval/approval-state.js'
import { renderApprovalComment } from '../approval/render-approval-comment.js'
import type { AgentDef, Config } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import { createDraftPublisher } from '../fleet/draft-publisher.js'
import { emptyDraft } from '../fleet/publication-draft.js'
import { membersThatRun } from '../fleet/plan-fleet-steps.js'
import { runFleet, type FleetRun } from '../fleet/run-fleet.js'
import { flowOutputs } from '../flow/flow-outputs.js'
import type { FlowResume, FlowResult, NodeOutput } from '../flow/flow-types.js'
import { runFlow } from '../flow/run-flow.js'
import type { Publisher } from '../github/publisher.js'
import type { InvocationOutcome, McpCallRecord, Usage } from '../report/types.js'
import { labelTriggers } from '../route/label-triggers.js'
import type { Invocation } from '../route/types.js'
import type { BudgetedDiff } from './budget-diff.js'
import { buildAgentContext, type AgentContext, type ReviewPromptData } from './build-agent-context.js'
import { buildEventBrief, wantsThread, type CiJob, type EventBrief, type ThreadComment } from './event-brief.js'
import { invocationMetadata, planInvocation, type AgentPlan } from './plan-invocation.js'
import { sanitizeDeep, sanitizeUntrusted } from '../text/sanitize-untrusted.js'
import type { AgentOutcome } from './run-agent-plan.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'
import type { AgentRunResult } from './run-agent.js'

/**
 * What running an agent needs of a converging review: defined here, where it is used, and
 * implemented by src/review (openReviewSession), which the shell calls; execute never imports review.
 */
export interface AgentReviewSession {
  /** Appended to the agent's rendered instructions. */
  instructions: string
  /** Replaces AgentContext.diff (incremental: the delta only); null keeps the PR diff as is. */
  diff: BudgetedDiff | null
  /** AgentContext.review: the earlier findings, open and dismissed. */
  review: ReviewPromptData
  /** Give the agent's tools this one: its submitReview drops repeated findings; everything else delegates. */
  publisher: Publisher
  /**
   * After the agent ran. stoppedBy 'end': reply to addressed threads and update the summary comment
   * with the new state. Otherwise (or null) nothing: a failed run must not advance the reviewed head.
   * Never throws; failures are logged as warnings.
   */
  finish(result: AgentRunResult | null): Promise<void>
  /** One line for the job summary: `incremental since abc1234: 1 file`, `full: force-push or rebase: …`. */
  describe: string
  /** Inline comments the agent wrote that were not posted, each with its place and why; filled as the agent runs. */
  dropped: readonly string[]
}

export type AgentReviewStart =
  /** No model call and no write at all (re-run, label change, cap reached). */
  { kind: 'skip'; reason: string } | { kind: 'run'; session: AgentReviewSession }

export interface TargetShell {
  config: Config
  event: EventContext
  dryRun: boolean
  /** The action's `model` input, for agents whose YAML names none. */
  defaultModel: string
  /** The trigger that routed the event: the key of the action's comments. */
  commentKey: string
  /** The run's publisher; null without a token (replay without GitHub). */
  publisher: Publisher | null
  logger: Logger
  /** Who asked for what runs: the sender, except when an approver resumes someone else's command. */
  requester?: string
  /** The state-key input that seals approval requests; null: nothing that needs an approval runs. */
  stateKey: string | null
  /** Why no agent may run at all (a fork PR's read-only token), else null. */
  readOnlyReason: string | null
  /** Why this plan cannot call its model (no key), else null. */
  cannotRun(plan: AgentPlan): string | null
  /**
   * Why this plan's tools may not run code in this run (src/gate/execution-trust.ts), else null.
   * Absent: nothing is checked (a shell that gives no tool that runs code).
   */
  refuseExecution?(plan: AgentPlan): Promise<string | null>
  runAgent(plan: AgentPlan, context: AgentContext, publisher: Publisher | null): Promise<AgentOutcome>
  diff(): Promise<BudgetedDiff | null>
  startCheckRun(): Promise<void>
  /** Hands over work nothing in the run waits for; the run's end awaits it (with the check run's completion). Without it, it is awaited here. */
  afterwards?(work: Promise<void>): void
  dispatchWorkflow(workflow: string, ref: string | null, inputs: Record<string, string>): Promise<string | null>
  /** A converging review (only what changed, no repeated finding) for an agent that reviews a PR; null where none applies. */
  reviewSession(plan: AgentPlan, invocation: Invocation): Promise<AgentReviewStart | null>
  /** The issue's or PR's comments, read once; null when they cannot be read. Without it, no thread is shown. */
  thread?(): Promise<ThreadComment[] | null>
  /** A failed CI run's jobs with their log tails, read once; null when the event is no failed run or they cannot be read. */
  ciFailure?(): Promise<CiJob[] | null>
  /** For a reply to an inline review comment: the thread's earlier comments, read once; null where none applies or they cannot be read. */
  reviewThread?(): Promise<ThreadComment[] | null>
  now(): Date
}

/** Outputs a flow or approval adds to the step's outputs. */
export type ExtraOutputs = Record<string, string>

export interface TargetResult {
  outcome: InvocationOutcome
  outputs: ExtraOutputs
}

function label(invocation: Invocation): string {
  return invocation.target ? `${invocation.target.kind}:${invocation.target.name}` : 'help'
}

function sumUsage(outcomes: AgentOutcome[]): Usage {
  return outcomes.reduce(
    (sum, o) => ({
      inputTokens: sum.inputTokens + (o.usage ? o.usage.inputTokens + o.usage.cacheReadTokens + o.usage.cacheWriteTokens : 0),
      outputTokens: sum.outputTokens + (o.usage?.outputTokens ?? 0)
    }),
    { inputTokens: 0, outputTokens: 0 }
  )
}

function sumCost(outcomes: AgentOutcome[]): number | null {
  const costs = outcomes.map((o) => o.costUsd)
  return costs.every((c) => typeof c === 'number') ? costs.reduce<number>((a, c) => a + (c ?? 0), 0) : null
}

/** The MCP calls of the invocation's agents, each named by its agent when there are several. */
function mcpCallsOf(outcomes: AgentOutcome[]): { mcpCalls?: McpCallRecord[] } {
  if (!outcomes.some((o) => o.mcpCalls)) return {}
  return { mcpCalls: outcomes.flatMap((o) => (o.mcpCalls ?? []).map((c) => (outcomes.length > 1 ? { ...c, agent: o.label } : c))) }
}

function worstOf(outcomes: AgentOutcome[]): AgentOutcome['status'] | null {
  if (outcomes.some((o) => o.status === 'failed')) return 'failed'
  if (outcomes.some((o) => o.status === 'budget')) return 'budget'
  return outcomes.length ? 'ran' : null
}

/** Ask on the thread; the job then ends successfully and a later `/approve` resumes exactly this. */
export async function requestApproval(shell: TargetShell, invocation: Invocation, flow?: { result: FlowResult }): Promise<TargetResult> {
  const { event } = shell
  const target = label(invocation)
  if (!shell.stateKey) return { outcome: { invocation, target, status: 'refused', detail: STATE_KEY_MISSING }, outputs: {} }
  if (event.number === null || !event.sender || !event.repository) {
    return { outcome: { invocation, target, status: 'failed', detail: 'needs approval, but this event has no issue or PR to ask on' }, outputs: {} }
  }
  const state = createApprovalRequest({
    trigger: shell.commentKey,
    invocation,
    requester: shell.requester ?? event.sender.login,
    repository: event.repository,
    number: event.number,
    headSha: event.headSha,
    now: shell.now(),
    ...(flow?.result.state && flow.result.approval ? { flow: { state: flow.result.state, ask: flow.result.approval } } : {})
  })
  await writeApproval(shell, state)
  const who = state.approvers.length ? state.approvers.join(', ') : `anyone with ${state.requiredPermission} permission other than @${state.requester}`
  return {
    outcome: { invocation, target, status: 'awaiting-approval', detail: `approval requested (id ${state.id}); ${who} may answer /approve or /deny` },
    outputs: { 'approval-id': state.id, ...(flow ? flowOutputs(flow.result) : {}) }
  }
}

export async function writeApproval(shell: TargetShell, state: ApprovalState): Promise<void> {
  if (!shell.publisher) return
  if (!shell.stateKey) throw new Error(STATE_KEY_MISSING)
  const encoded = encodeApprovalState(state, shell.stateKey)
  await shell.publisher.upsertComment(state.number, encoded.key, renderApprovalComment(encoded.state), encoded.payload)
}

/**
 * A reviewer on a PR reviews only what changed since its last review and never repeats a finding;
 * with nothing new to review it makes no model call and no write (the skip reason comes back).
 */
async function runAgentTarget(
  shell: TargetShell,
  invocation: Invocation,
  plans: AgentPlan[],
  context: AgentContext
): Promise<AgentOutcome[] | { skipped: string }> {
  // The review state and the PR's files are read together: the diff is read once per run and only
  // read, so asking for it before the sessions decide costs no wait (and no write on a skip).
  const diffRead = shell.diff()
  const sessions = await Promise.all(plans.map((plan) => shell.reviewSession(plan, invocation)))
  const skips = sessions.filter((s) => s?.kind === 'skip').map((s) => (s?.kind === 'skip' ? s.reason : ''))
  if (skips.length === plans.length && skips.length > 0) return { skipped: skips.join('; ') }
  const opened = openCheckRun(shell)
  const diff = sessions.every((s) => s?.kind === 'run' && s.session.diff) ? null : await diffRead
  const outcomes: AgentOutcome[] = []
  for (const [i, plan] of plans.entries()) {
    const start = sessions[i]
    if (start?.kind === 'skip') continue
    const session = start?.kind === 'run' ? start.session : null
    const planned = session ? { ...plan, instructions: `${plan.instructions}\n\n${session.instructions}` } : plan
    const agentContext = {
      ...context,
      ...(session ? { diff: session.diff ?? diff ?? undefined, review: session.review } : diff ? { diff } : {})
    } as AgentContext
    if (session) shell.logger.info(`${plan.label}: review ${session.describe}`)
    const outcome = await shell.runAgent(planned, agentContext, session ? session.publisher : shell.publisher)
    // The summary comment needs nothing more from this run: it is written while the run ends.
    if (session) {
      const finishing = session.finish(outcome.result)
      if (shell.afterwards) shell.afterwards(finishing)
      else await finishing
    }
    shell.logger.info(`${plan.label}: ${outcome.detail}`)
    const dropped = session?.dropped.length ? `; not posted: ${session.dropped.join('; ')}` : ''
    outcomes.push(session ? { ...outcome, detail: `${session.describe}; ${outcome.detail}${dropped}` } : outcome)
  }
  await opened
  return outcomes
}

/**
 * Opens the run's check run without waiting for it: the request is in flight while the first model
 * call is. It never throws, and completing it waits for its creation.
 */
function openCheckRun(shell: TargetShell): Promise<void> {
  return shell.startCheckRun()
}

/** Members draft; the fleet publishes one merged review or comment. */
async function runFleetTarget(
  shell: TargetShell,
  fleetName: string,
  plans: AgentPlan[],
  context: AgentContext
): Promise<{ run: FleetRun; outcomes: AgentOutcome[] }> {
  const fleet = shell.config.fleets[fleetName]
  if (!fleet) throw new Error(`fleet '${fleetName}' is not defined`)
  const outcomes: AgentOutcome[] = []
  const run = await runFleet(fleet, plans, async (plan, previous, step) => {
    const draft = emptyDraft()
    const memberContext = previous.length
      ? { ...context, previous_members: previous.map((p) => ({ member: p.member, status: p.status, text: sanitizeUntrusted(p.text) })) }
      : step?.input
        ? { ...context, fleet: { name: fleet.name, mode: fleet.mode, ...sanitizeDeep(step.input) } }
        : context
    const stepPlan = step?.instruction ? { ...plan, instructions: `${plan.instructions}\n\n${step.instruction}` } : plan
    const outcome = await shell.runAgent(stepPlan, memberContext as AgentContext, shell.publisher ? createDraftPublisher(shell.publisher, draft) : null)
    outcomes.push(outcome)
    shell.logger.info(`${plan.label}: ${outcome.detail}`)
    return { status: outcome.status, detail: outcome.detail, text: outcome.result?.finalText ?? '', draft }
  })
  const { event, publisher } = shell
  const publication = run.publication
  if (publisher && event.number !== null) {
    if (publication.review && event.isPullRequest && event.headSha) {
      const allowApprove = fleet.members.every((m) => m.agent.extra.allow_approve === true)
      await publisher.submitReview(event.number, publication.review, { headSha: event.headSha, allowApprove })
    } else if (publication.comment) {
      await publisher.upsertComment(event.number, `${shell.commentKey}/fleet:${fleet.name}`, publication.comment)
    }
  }
  return { run, outcomes }
}

function inlineAgent(name: string, inline: Record<string, unknown>, base: AgentDef | undefined): AgentDef {
  const tools = Array.isArray(inline.tools) ? inline.tools.map((t) => ({ name: String(t), enabled: true, config: {} })) : []
  return {
    name,
    ...(typeof inline.model === 'string' ? { model: inline.model } : {}),
    instructions: typeof inline.instructions === 'string' ? inline.instructions : '',
    tools,
    maxIterations: 10,
    extra: {},
    location: base?.location ?? { file: '', line: 1 }
  }
}

async function runFlowTarget(
  shell: TargetShell,
  invocation: Invocation,
  flowName: string,
  context: AgentContext,
  resume?: FlowResume
): Promise<{ result: FlowResult; outcomes: AgentOutcome[] }> {
  const { config, event, publisher } = shell
  const flow = config.flows[flowName]
  if (!flow) throw new Error(`flow '${flowName}' is not defined`)
  const metadata = invocationMetadata(event, invocation)
  const outcomes: AgentOutcome[] = []
  const agentPlans = (agentName: string | null, inline: Record<string, unknown> | null, node: string): AgentPlan[] => {
    const agent = agentName ? config.agents[agentName] : inlineAgent(`${flowName}/${node}`, inline ?? {}, undefined)
    if (!agent) throw new Error(`agent '${agentName}' is not defined`)
    const planned = planInvocation(
      { ...config, agents: { ...config.agents, [agent.name]: agent } },
      event,
      { ...invocation, target: { kind: 'agent', name: agent.name } },
      shell.defaultModel
    )
    return planned.agents.map((p) => ({ ...p, label: `flow:${flowName}/${node}` }))
  }
  const runPlans = async (plans: AgentPlan[], input: string): Promise<NodeOutput> => {
    for (const plan of plans) {
      const problem = shell.cannotRun(plan)
      // A dry-run without a model key walks the flow as it does an agent: the node's answer says why it is empty.
      if (problem && shell.dryRun && problem.startsWith('dry-run')) {
        shell.logger.info(`${plan.label}: ${problem}`)
        return { text: `(${problem})`, status: 'done' }
      }
      const refused = problem ?? (await executionRefusal(shell, [plan]))
      if (refused) throw new Error(refused)
    }
    await shell.startCheckRun()
    const texts: string[] = []
    for (const plan of plans) {
      const outcome = await shell.runAgent(plan, { ...context, flow_input: sanitizeUntrusted(input) } as AgentContext, publisher)
      outcomes.push(outcome)
      shell.logger.info(`${plan.label}: ${outcome.detail}`)
      if (outcome.status === 'failed') throw new Error(outcome.detail)
      texts.push(outcome.result?.finalText ?? '')
    }
    return { text: texts.join('\n\n'), status: 'done' }
  }
  const result = await runFlow(
    flow,
    { metadata, params: invocation.params, command: { name: invocation.key, args: invocation.args } },
    {
      runAgent: ({ node, agent, inline, input }) => runPlans(agentPlans(agent, inline, node), input),
      runFleet: async ({ node, fleet, input }) => {
        const plans = planInvocation(config, event, { ...invocation, target: { kind: 'fleet', name: fleet } }, shell.defaultModel).agents
        await shell.startCheckRun()
        const { run, outcomes: members } = await runFleetTarget(shell, fleet, plans, { ...context, flow_input: sanitizeUntrusted(input) } as AgentContext)
        outcomes.push(...members)
        return { text: run.text, verdict: run.publication.verdict ?? 'none', node }
      },
      postComment: async ({ node, body }) => {
        if (publisher && event.number !== null) await publisher.upsertComment(event.number, `${shell.commentKey}/flow:${flowName}/${node}`, body)
        return { posted: true }
      },
      addLabels: async ({ labels }) => {
        if (publisher && event.number !== null) await publisher.addLabels(event.number, labels, { createLabels: false, labelTriggers: labelTriggers(config) })
        return { labels: labels.join(',') }
      },
      checkRun: async ({ name, conclusion, title, summary }) => {
        if (publisher && event.headSha)
          await publisher.createCheckRun({ name, headSha: event.headSha, status: 'completed', conclusion, output: { title, summary } })
        return { conclusion }
      },
      dispatchWorkflow: async ({ workflow, ref, inputs }) => {
        const url = await shell.dispatchWorkflow(workflow, ref, inputs)
        return { workflow, dispatched: true, url: url ?? '' }
      }
    },
    resume
  )
  return { result, outcomes }
}

/** The first plan whose tools may not run code in this run, and why. */
async function executionRefusal(shell: TargetShell, plans: AgentPlan[]): Promise<string | null> {
  if (!shell.refuseExecution) return null
  for (const plan of plans) {
    const refusal = await shell.refuseExecution(plan)
    if (refusal) return refusal
  }
  return null
}

async function eventBrief(shell: TargetShell, event: EventContext): Promise<EventBrief | null> {
  const [thread, ciFailure, reviewThread] = await Promise.all([
    wantsThread(event) && shell.thread ? shell.thread() : null,
    event.failedRun && shell.ciFailure ? shell.ciFailure() : null,
    event.name === 'pull_request_review_comment' && shell.reviewThread ? shell.reviewThread() : null
  ])
  return buildEventBrief(event.subject ?? null, thread, { excludeCommentId: event.commentId, ciFailure, reviewThread })
}

/** The plans whose model may be called: a deep or swarm fleet's members after the first never run. */
function callable(config: Config, invocation: Invocation, plans: AgentPlan[]): AgentPlan[] {
  const fleet = invocation.target?.kind === 'fleet' ? config.fleets[invocation.target.name] : undefined
  if (!fleet || fleet.members.length !== plans.length) return plans
  const running = new Set(membersThatRun(fleet))
  return plans.filter((_, i) => running.has(fleet.members[i]?.name ?? ''))
}

/** Runs an invocation that passed the gates; `resumed` when an approver has already said yes. */
export async function runTarget(
  shell: TargetShell,
  invocation: Invocation,
  options: { resumed?: { by: string; flow?: FlowResume } } = {}
): Promise<TargetResult> {
  const { config, event } = shell
  const target = label(invocation)
  if (!invocation.target) return { outcome: { invocation, target, status: 'not-run', detail: 'nothing to run' }, outputs: {} }
  const unsealable = stateKeyRefusal(invocation, config.flows, shell.stateKey)
  if (unsealable) return { outcome: { invocation, target, status: 'refused', detail: unsealable }, outputs: {} }
  if (!options.resumed && requiresApproval(invocation)) return requestApproval(shell, invocation)

  const approvedBy = options.resumed?.by ?? null
  const withApprover: EventContext = approvedBy ? { ...event, metadata: { ...event.metadata, approved_by: approvedBy } } : event
  const plan = planInvocation(config, withApprover, invocation, shell.defaultModel)
  const shown = {
    tools: [...new Set(plan.agents.flatMap((a) => a.tools))],
    instructions: plan.agents.map((a) => (plan.agents.length > 1 ? `# ${a.label}\n${a.instructions}` : a.instructions)).join('\n\n'),
    ...(plan.agents[0]?.model ? { model: plan.agents[0].model } : {})
  }
  if (shell.readOnlyReason) return { outcome: { invocation, target, status: 'not-run', detail: shell.readOnlyReason, ...shown }, outputs: {} }
  const blocked = callable(config, invocation, plan.agents)
    .map((a) => shell.cannotRun(a))
    .find((p) => p !== null)
  // A flow runs on when one agent cannot (its other nodes may still work), except in a dry-run
  // without a model key: there, like an agent, it stops at saying so, and the run succeeds.
  const dryRunWithoutModel = shell.dryRun && blocked?.startsWith('dry-run') === true
  if (blocked && (invocation.target.kind !== 'flow' || dryRunWithoutModel)) {
    return {
      outcome: { invocation, target, status: dryRunWithoutModel ? 'dry-run' : 'failed', detail: blocked, ...shown },
      outputs: {}
    }
  }

  const untrusted = await executionRefusal(shell, plan.agents)
  if (untrusted) return { outcome: { invocation, target, status: 'refused', detail: untrusted, ...shown }, outputs: {} }

  const metadata = invocationMetadata(withApprover, invocation)
  const shellWithApprover = { ...shell, event: withApprover }
  try {
    // A fleet's members all get the diff: read it while the thread is read.
    const diffRead = invocation.target.kind === 'fleet' ? shell.diff() : null
    const brief = await eventBrief(shell, withApprover)
    if (invocation.target.kind === 'flow') {
      const context = buildAgentContext(withApprover, invocation, metadata, null, brief)
      const { result, outcomes } = await runFlowTarget(shellWithApprover, invocation, invocation.target.name, context, options.resumed?.flow)
      const outputs = flowOutputs(result, approvedBy)
      if (result.status === 'paused') {
        const asked = await requestApproval(shellWithApprover, invocation, { result })
        return { outcome: { ...asked.outcome, usage: sumUsage(outcomes), costUsd: sumCost(outcomes) }, outputs: { ...outputs, ...asked.outputs } }
      }
      const ran = result.nodes.filter((n) => n.status === 'completed').map((n) => n.id)
      const skipped = result.nodes.filter((n) => n.status === 'skipped').map((n) => n.id)
      const detail =
        result.status === 'failed'
          ? `failed at node ${result.failure?.node ?? '?'}: ${result.failure?.error ?? 'error'}`
          : `ran ${ran.join(' → ') || 'no node'}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}${approvedBy ? `; approved by @${approvedBy}` : ''}`
      const status = result.status === 'failed' ? 'failed' : worstOf(outcomes) === 'budget' ? 'budget' : shell.dryRun ? 'dry-run' : 'ran'
      return { outcome: { invocation, target, status, detail, usage: sumUsage(outcomes), costUsd: sumCost(outcomes), ...mcpCallsOf(outcomes) }, outputs }
    }

    let outcomes: AgentOutcome[]
    if (invocation.target.kind === 'fleet') {
      const opened = openCheckRun(shell)
      const context = buildAgentContext(withApprover, invocation, metadata, await (diffRead ?? shell.diff()), brief)
      outcomes = (await runFleetTarget(shellWithApprover, invocation.target.name, plan.agents, context)).outcomes
      await opened
    } else {
      const ran = await runAgentTarget(shellWithApprover, invocation, plan.agents, buildAgentContext(withApprover, invocation, metadata, null, brief))
      if (!Array.isArray(ran)) return { outcome: { invocation, target, status: 'not-run', detail: `review skipped: ${ran.skipped}`, ...shown }, outputs: {} }
      outcomes = ran
    }
    const worst = worstOf(outcomes) ?? 'ran'
    const status = worst === 'ran' && shell.dryRun ? 'dry-run' : worst
    const detail =
      outcomes.map((o) => (outcomes.length > 1 ? `${o.label}: ${o.detail}` : o.detail)).join('; ') + (shell.dryRun ? ' (dry-run: nothing written)' : '')
    return {
      outcome: {
        invocation,
        target,
        status,
        detail,
        ...shown,
        ...(outcomes[0]?.model ? { model: outcomes[0].model } : {}),
        usage: sumUsage(outcomes),
        costUsd: sumCost(outcomes),
        ...mcpCallsOf(outcomes)
      },
      outputs: approvedBy ? { 'approved-by': approvedBy } : {}
    }
  } catch (error) {
    return { outcome: { invocation, target, status: 'failed', detail: errorMessage(error), ...shown }, outputs: {} }
  }
}
