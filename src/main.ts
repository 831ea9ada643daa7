// Wiring: the only place that reads the runner's environment and speaks the runner's protocol.
import * as core from './runner/workflow-commands.js'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { loadConfig } from './config/load-config.js'
import type { Config, ConfigSource, Diagnostic } from './config/types.js'
import { createWorkspaceSource } from './config/workspace-source.js'
import { buildEventContext } from './event/build-event-context.js'
import type { EventContext } from './event/types.js'
import { withPullRequest, type PullDetails } from './event/with-pull-request.js'
import { budgetDiff, type BudgetedDiff } from './execute/budget-diff.js'
import type { AgentPlan } from './execute/plan-invocation.js'
import { runAgentPlan, type AgentOutcome, type AgentPorts, type RunBudget } from './execute/run-agent-plan.js'
import { runTarget, writeApproval, type TargetShell } from './execute/run-target.js'
import { openReviewSession, shouldConverge } from './review/review-session.js'
import { checkApprovalAgainstConfig } from './approval/check-approval-against-config.js'
import { stateKeyRefusal } from './approval/create-approval-request.js'
import { approverTeams, decideApproval } from './approval/decide-approval.js'
import { findPendingApproval } from './approval/find-pending-approval.js'
import { parseApprovalCommand, type ApprovalCommand } from './approval/parse-approval-command.js'
import { dispatchWorkflow } from './github/api/dispatch-workflow.js'
import { gateInvocations, needsSenderPermission, type GateFacts } from './gate/gate-invocations.js'
import { addEyesReaction } from './github/add-eyes-reaction.js'
import { getSenderPermission } from './github/api/get-sender-permission.js'
import { getTeamMembership } from './github/api/get-team-membership.js'
import { CheckRunLifecycle, completeOnCancel } from './github/check-run-lifecycle.js'
import { actionIdentity } from './github/action-identity.js'
import { hasAnyMarker } from './github/comment-marker.js'
import { createGitHubTools } from './github/create-github-tools.js'
import type { Octokit } from './github/create-octokit.js'
import { createGitHubPort, parseRepository, type GitHubPort } from './github/github-port.js'
import { createPublisher, type Publisher } from './github/publisher.js'
import { createRepoConfigSource } from './github/repo-config-source.js'
import type { GitHubLogger } from './github/types.js'
import { createModel } from './llm/create-model.js'
import { parseModel } from './llm/parse-model.js'
import { buildOutputs } from './report/build-outputs.js'
import { buildSummary } from './report/build-summary.js'
import { conclude } from './report/conclude.js'
import type { InvocationOutcome, RunRecord, WriteRecord } from './report/types.js'
import { route } from './route/route.js'
import type { Decision, Invocation } from './route/types.js'
import { readSettings, SettingsError, type Settings } from './settings/read-settings.js'
import { checkTemplates } from './template/check-templates.js'

class UsageError extends Error {}

/** Tokens of diff the model sees up front; the rest it can read with its tools. */
const DIFF_TOKEN_BUDGET = 24_000

const logger: GitHubLogger = { debug: core.debug, info: core.info, warning: core.warning }

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<{ name: string; payload: unknown }> {
  const name = env.GITHUB_EVENT_NAME
  const path = env.GITHUB_EVENT_PATH
  if (!name || !path) {
    throw new UsageError('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this runs as a step of a GitHub Actions job')
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${errorMessage(error)}`)
  }
  try {
    return { name, payload: JSON.parse(text) }
  } catch {
    throw new UsageError(`the event payload at ${path} is not JSON`)
  }
}

function defaultBranch(payload: unknown): string | null {
  const repo = (payload as { repository?: { default_branch?: unknown } } | null)?.repository
  return typeof repo?.default_branch === 'string' ? repo.default_branch : null
}

/**
 * A `pull_request` run for a fork's PR gets a read-only token and no secrets: say so instead of
 * failing on the first write (docs/security.md has the pull_request_target pattern).
 */
function isForkPullRequest(eventName: string, payload: unknown): boolean {
  if (eventName !== 'pull_request') return false
  const pr = (payload as { pull_request?: { head?: { repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } } }).pull_request
  const head = pr?.head?.repo?.full_name
  const base = pr?.base?.repo?.full_name
  return Boolean(head && base && head.toLowerCase() !== base.toLowerCase())
}

/** A comment on a PR knows nothing of the PR's branches or head; ask for them once. */
async function enrichEvent(event: EventContext, octokit: Octokit | null): Promise<EventContext> {
  if (!octokit || event.name !== 'issue_comment' || !event.isPullRequest || event.number === null || !event.repository) {
    return event
  }
  try {
    const { data } = await octokit.rest.pulls.get({ ...parseRepository(event.repository), pull_number: event.number })
    return withPullRequest(event, data as PullDetails)
  } catch (error) {
    core.warning(`Could not read PR #${event.number} (${errorMessage(error)}); branch filters and PR variables are unavailable for this comment.`)
    return event
  }
}

function configSource(settings: Settings, event: EventContext, payload: unknown, octokit: Octokit | null): ConfigSource {
  if (settings.configRef === 'workspace') {
    return createWorkspaceSource(process.env.GITHUB_WORKSPACE || process.cwd())
  }
  const ref = (event.isPullRequest ? event.branch : null) ?? defaultBranch(payload)
  if (!octokit || !event.repository || !ref) {
    throw new UsageError(
      "config-ref 'base' reads the config through the GitHub API and needs github-token, the repository and its base or default branch; set config-ref: workspace to read checked-out files"
    )
  }
  return createRepoConfigSource(octokit, event.repository, ref)
}

function annotate(d: Diagnostic): void {
  const properties = { file: d.file, startLine: d.line, startColumn: d.column, title: d.field ? `AOF config: ${d.field}` : 'AOF config' }
  if (d.severity === 'error') core.error(d.message, properties)
  else if (d.severity === 'warning') core.warning(d.message, properties)
  else core.notice(d.message, properties)
}

/** `allowed_users: [team:org/slug]` needs the API; route again once memberships are known. */
async function resolveTeams(decision: Decision, config: Config, event: EventContext, botName: string, octokit: Octokit | null, notes: string[]): Promise<Decision> {
  let current = decision
  const known: Record<string, boolean> = {}
  // Each round settles the teams of one Trigger; a declined Trigger lets the next one ask.
  for (let round = 0; current.teamCheck && round < config.triggers.length; round++) {
    for (const team of current.teamCheck.teams) {
      const lookup = octokit ? await getTeamMembership(octokit, team, current.teamCheck.login) : { member: null, error: 'no github-token to read team membership' }
      known[team.toLowerCase()] = lookup.member === true
      if (lookup.member === null) notes.push(`team:${team} treated as not containing @${current.teamCheck.login}: ${lookup.error}`)
    }
    current = route(config, event, { botName, teamMemberships: known })
  }
  return current
}

async function gate(decision: Decision, event: EventContext, octokit: Octokit | null): Promise<Map<Invocation, string>> {
  const refused = new Map<Invocation, string>()
  if (!decision.matched) return refused
  const facts: GateFacts = { senderPermission: null }
  if (needsSenderPermission(decision.invocations)) {
    if (!octokit || !event.repository || !event.sender) {
      facts.permissionError = 'no github-token or sender to check'
    } else {
      const lookup = await getSenderPermission(octokit, parseRepository(event.repository), event.sender.login)
      facts.senderPermission = lookup.permission
      if (lookup.permission === null) facts.permissionError = lookup.error
    }
  }
  for (const verdict of gateInvocations(event, decision.invocations, facts)) {
    if (verdict.allowed) core.debug(`gate: ${verdict.reason}`)
    else {
      core.info(`Refused: ${verdict.reason}`)
      refused.set(verdict.invocation, verdict.reason)
    }
  }
  return refused
}

function hasKeyFor(model: string, agent: AgentPlan['agent'], settings: Settings): boolean {
  try {
    const ref = parseModel(model, { provider: agent.provider, defaultModel: settings.model })
    return ref.provider === 'anthropic' ? Boolean(settings.anthropicApiKey) : Boolean(settings.googleApiKey)
  } catch {
    return true // the runtime reports the bad model name with its own message
  }
}

interface RunContext {
  settings: Settings
  config: Config
  event: EventContext
  decision: Decision
  port: GitHubPort | null
  publisher: Publisher | null
  budget: RunBudget
  /** Set when no agent may write: a fork PR's read-only token. */
  readOnlyReason: string | null
  /** Opens the run's check run on the PR head, once; a no-op where there is none. */
  startCheckRun: () => Promise<void>
  octokit: Octokit | null
  defaultBranch: string | null
  /** The PR's base commit, recorded with a review's state. */
  baseSha: string | null
  /** Writes made outside the publisher (workflow dispatches), for the summary. */
  extraWrites: WriteRecord[]
  /** The login github-token writes as (asked of GitHub at most once); null when unknown. */
  ownLogin: () => Promise<string | null>
}

async function diffFor(ctx: RunContext): Promise<BudgetedDiff | null> {
  if (!ctx.port || !ctx.event.isPullRequest || ctx.event.number === null) return null
  try {
    return budgetDiff(await ctx.port.listPullRequestFiles(ctx.event.number), DIFF_TOKEN_BUDGET)
  } catch (error) {
    core.warning(`Could not list the PR's files (${errorMessage(error)}); the agent gets no diff up front.`)
    return null
  }
}

function agentPorts(ctx: RunContext, commentKey: string, publisher: Publisher | null): AgentPorts {
  const { settings, event } = ctx
  return {
    logger,
    model: (plan) =>
      createModel(
        parseModel(plan.model, { provider: plan.agent.provider, defaultModel: settings.model }),
        { anthropicApiKey: settings.anthropicApiKey, googleApiKey: settings.googleApiKey },
        process.env,
        { logger, retry: timeScaled() }
      ),
    tools: (plan) => {
      if (!ctx.port || !publisher || !event.repository) return []
      const extra = plan.agent.extra
      return createGitHubTools(
        { repo: event.repository, number: event.number, headSha: event.headSha, isPullRequest: event.isPullRequest, commentKey: `${commentKey}/${plan.label}` },
        ctx.port,
        {
          allowApprove: extra.allow_approve === true,
          allowedLabels: Array.isArray(extra.allowed_labels) ? extra.allowed_labels.map(String) : undefined,
          createLabels: extra.create_labels === true,
          toolNames: plan.tools
        },
        publisher
      )
    }
  }
}

/** Tests shrink retry waits through this variable; real runs leave it unset. */
function timeScaled(): { timeScale: number } | undefined {
  const scale = Number(process.env.GITHUB_AGENT_TIME_SCALE)
  return Number.isFinite(scale) && scale > 0 && scale <= 1 ? { timeScale: scale } : undefined
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
    core.warning(`Could not post what ${plan.label} had: ${errorMessage(error)}`)
  }
}

function targetShell(ctx: RunContext, commentKey: string, extraWrites: WriteRecord[]): TargetShell {
  const { settings, event } = ctx
  return {
    config: ctx.config,
    event,
    dryRun: settings.dryRun,
    defaultModel: settings.model,
    commentKey,
    publisher: ctx.publisher,
    logger,
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
    startCheckRun: () => ctx.startCheckRun(),
    dispatchWorkflow: async (workflow, ref, inputs) => {
      const onRef = ref ?? ctx.defaultBranch
      if (!onRef || !ctx.octokit || !event.repository) throw new Error(`cannot dispatch ${workflow}: no ref or no github-token`)
      const summary = `dispatch workflow ${workflow} on ${onRef} with ${JSON.stringify(inputs)}`
      if (settings.dryRun) {
        extraWrites.push({ operation: 'dispatch-workflow', summary, planned: true })
        return null
      }
      const url = await dispatchWorkflow(ctx.octokit, parseRepository(event.repository), workflow, onRef, inputs)
      extraWrites.push({ operation: 'dispatch-workflow', summary, url, planned: false })
      return url
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
        serverUrl: process.env.GITHUB_SERVER_URL,
        runAttempt: Number(process.env.GITHUB_RUN_ATTEMPT) || 1,
        logger,
        stateKey: settings.stateKey || null,
        permissionOf: async (login) => {
          const octokit = ctx.octokit
          return octokit && event.repository ? (await getSenderPermission(octokit, parseRepository(event.repository), login)).permission : null
        },
        ...(ctx.baseSha ? { baseSha: ctx.baseSha } : {}),
        ...(binding ? { commandLocation: binding.location } : {})
      })
    }
  }
}

async function runInvocation(ctx: RunContext, invocation: Invocation, refusal: string | undefined, record: RunRecord): Promise<InvocationOutcome> {
  const { settings, event } = ctx
  const commentKey = ctx.decision.trigger ?? 'github-agent'
  if (refusal) return { invocation, target: invocation.target ? `${invocation.target.kind}:${invocation.target.name}` : 'help', status: 'refused', detail: refusal }
  if (invocation.via === 'help') {
    if (ctx.publisher && event.number !== null && invocation.helpText) {
      await ctx.publisher.upsertComment(event.number, `${commentKey}/help`, invocation.helpText)
    }
    return { invocation, target: 'help', status: settings.dryRun ? 'dry-run' : 'ran', detail: 'answered with the commands this repository accepts' }
  }
  const { outcome, outputs } = await runTarget(targetShell(ctx, commentKey, ctx.extraWrites), invocation)
  Object.assign(record.extraOutputs, outputs)
  return outcome
}

/**
 * `/approve` or `/deny` on a thread with a pending request: decided from the request's own state
 * (requester, approvers, head SHA) and the answerer's real permission, then resumed or cancelled.
 */
async function answerApproval(ctx: RunContext, command: ApprovalCommand, at: string, record: RunRecord): Promise<void> {
  const { event, config } = ctx
  const sender = event.sender
  if (!ctx.settings.stateKey) {
    // Unsealed state cannot be told from an edited copy: answer nothing, not even to say no.
    record.notes.push(`${command.words} ignored: approvals need the state-key input (state-key: \${{ secrets.AOF_STATE_KEY }}); nothing was read or written`)
    return
  }
  if (!ctx.port || !ctx.octokit || !ctx.publisher || event.number === null || !sender || !event.repository) {
    record.notes.push(`${command.words} needs github-token and an issue or PR; nothing was done`)
    return
  }
  const comments = await ctx.port.listIssueComments(event.number)
  const ownLogin = await ctx.ownLogin()
  if (ownLogin === null) record.notes.push('could not tell which account github-token writes as (GET /user failed), so no approval request can be read; set app-slug for a GitHub App token')
  const lookup = findPendingApproval(comments, { id: command.id, ownLogin, stateKey: ctx.settings.stateKey })
  if (!lookup.found) {
    record.notes.push(`${command.words}: ${lookup.reason}`)
    return
  }
  const state = lookup.state
  const repo = parseRepository(event.repository)
  const allowedUsers = config.triggers.find((t) => t.name === state.trigger)?.allowedUsers ?? []
  const teams: Record<string, boolean | null> = {}
  for (const team of approverTeams(state, allowedUsers)) {
    const membership = await getTeamMembership(ctx.octokit, team, sender.login)
    teams[team] = membership.member
    if (membership.member === null) record.notes.push(membership.error)
  }
  const permission = await getSenderPermission(ctx.octokit, repo, sender.login)
  const facts = { permission: permission.permission, ...(permission.permission === null ? { permissionError: permission.error } : {}), teams, allowedUsers }
  const answer = { verb: command.verb, words: command.words, sender: sender.login, senderIsBot: sender.type === 'Bot', at, note: command.note }
  const thread = { repository: event.repository, number: event.number, isPullRequest: event.isPullRequest, headSha: event.headSha }
  const decision = decideApproval(state, answer, facts, thread)
  core.info(`${command.words} on request ${state.id}: ${decision.reason}`)
  // A flow that pauses again asks on behalf of the original requester, who still cannot approve it.
  const shell = { ...targetShell(ctx, state.trigger ?? 'github-agent', ctx.extraWrites), requester: state.requester }
  if (decision.state) await writeApproval(shell, decision.state)
  const held: Invocation = { ...state.invocation }
  const target = `${state.invocation.target.kind}:${state.invocation.target.name}`
  record.decision = { matched: true, trigger: state.trigger, verdicts: [], invocations: [held], skippedReason: null, notes: [`${command.words} by @${sender.login}: ${decision.reason}`] }
  if (decision.action === 'refuse' || decision.action === 'keep') {
    record.outcomes.push({ invocation: held, target, status: decision.action === 'keep' ? 'not-run' : 'refused', detail: decision.reason })
    return
  }
  const checked = checkApprovalAgainstConfig(state, config)
  if (!checked.ok) {
    record.outcomes.push({ invocation: held, target, status: 'refused', detail: checked.reason })
    return
  }
  if (decision.action === 'cancel') {
    if (state.flow) {
      // A denied Approval node may lead somewhere (a "deploy cancelled" reply); run what the flow says.
      const { outcome, outputs } = await runTarget(shell, checked.invocation, { resumed: { by: sender.login, flow: { state: state.flow, decision: 'denied', by: sender.login } } })
      Object.assign(record.extraOutputs, outputs, { 'approved-by': '' })
      record.outcomes.push({ ...outcome, detail: `denied by @${sender.login}; ${outcome.detail}` })
    } else {
      record.outcomes.push({ invocation: held, target, status: 'not-run', detail: `denied by @${sender.login}` })
    }
    return
  }
  const resumed = { by: sender.login, ...(state.flow ? { flow: { state: state.flow, decision: 'approved' as const, by: sender.login } } : {}) }
  const { outcome, outputs } = await runTarget(shell, checked.invocation, { resumed })
  Object.assign(record.extraOutputs, outputs, { 'approved-by': sender.login })
  record.outcomes.push(outcome)
}

/**
 * A refused command is silent on the thread unless its Trigger says `reply_on_refusal: true`:
 * strangers should not be able to make the bot write, even to say no.
 */
async function replyToRefusals(ctx: RunContext, refused: Map<Invocation, string>): Promise<void> {
  const trigger = ctx.config.triggers.find((t) => t.name === ctx.decision.trigger)
  if (refused.size === 0 || !trigger?.replyOnRefusal || !ctx.publisher || ctx.event.number === null) return
  const lines = [...refused].map(([invocation, reason]) => `- \`/${invocation.key ?? ''}\` was not run: ${reason}.`)
  await ctx.publisher.upsertComment(ctx.event.number, `${trigger.name}/refused`, lines.join('\n'))
}

function checkRunSummary(record: RunRecord): { title: string; summary: string } {
  const lines = record.outcomes.map((o) => `- \`${o.target}\`: ${o.status}: ${o.detail}`)
  const title =
    record.conclusion === 'success' ? 'Done' : record.conclusion === 'failure' ? 'Failed' : record.conclusion === 'neutral' ? 'Stopped early' : 'Nothing to do'
  return { title, summary: [`Trigger \`${record.decision?.trigger ?? '-'}\``, '', ...lines].join('\n') }
}

function emptyRecord(): RunRecord {
  return {
    event: { name: process.env.GITHUB_EVENT_NAME ?? 'unknown', action: null, repository: null, number: null, sender: null },
    dryRun: false,
    configSource: 'not read',
    configFiles: [],
    diagnostics: [],
    decision: null,
    outcomes: [],
    writes: [],
    notes: [],
    conclusion: 'skipped',
    extraOutputs: {},
    durationMs: 0
  }
}

/** What must be closed whatever happens: the check run, the cancel handlers, the write records. */
interface Finishers {
  publisher: Publisher | null
  checkRun: CheckRunLifecycle | null
  releaseSignals: (() => void) | null
  extraWrites: WriteRecord[]
}

function elapsed(since: number): string {
  return (performance.now() - since).toFixed(1)
}

async function pipeline(record: RunRecord, finishers: Finishers): Promise<void> {
  const settings = readSettings((name) => core.getInput(name), process.env)
  const secrets = [settings.githubToken, settings.anthropicApiKey, settings.googleApiKey, settings.stateKey].filter(Boolean)
  for (const secret of secrets) core.setSecret(secret)
  record.dryRun = settings.dryRun

  const raw = await readEvent(process.env)
  let event = buildEventContext(raw.name, raw.payload, { GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY })
  record.event = { name: event.name, action: event.action, repository: event.repository, number: event.number, sender: event.sender?.login ?? null }
  // The action's own comments carry its marker; answering them could loop, whoever's token wrote them.
  if (typeof event.metadata.comment_body === 'string' && hasAnyMarker(event.metadata.comment_body)) {
    record.notes.push('This comment was written by github-agent itself; it is never acted on.')
    return
  }

  const octokit = settings.githubToken
    ? // Imported here, not at the top: Octokit and its plugins are ~15 % of the entry, and a run
      // without a token (config from the workspace, dry-run) never compiles them.
      (await import('./github/create-octokit.js')).createOctokit({
        token: settings.githubToken,
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        logger,
        throttle: timeScaled()
      })
    : null
  event = await enrichEvent(event, octokit)

  const source = configSource(settings, event, raw.payload, octokit)
  record.configSource = source.description
  const loadStarted = performance.now()
  const config = await loadConfig(source, settings.configPath, process.env)
  config.diagnostics.push(...checkTemplates(config))
  // For `npm run bench` and for users with ACTIONS_STEP_DEBUG on: what loading their config costs.
  core.debug(`timing: config loaded in ${elapsed(loadStarted)} ms (${config.files.length} files, ${source.description})`)
  record.configFiles = config.files
  record.diagnostics = config.diagnostics
  config.diagnostics.forEach(annotate)
  const errors = config.diagnostics.filter((d) => d.severity === 'error').length
  if (errors > 0) {
    throw new UsageError(`${errors} error(s) in the AOF config at ${settings.configPath}; see the annotations`)
  }

  const botName = settings.botName === 'aofbot' && config.botName ? config.botName : settings.botName
  const port = octokit && event.repository ? createGitHubPort(octokit, event.repository) : null
  const readOnlyReason = isForkPullRequest(raw.name, raw.payload)
    ? 'not run: this PR comes from a fork, and a pull_request run gets a read-only token and no secrets (see docs/security.md for the pull_request_target pattern)'
    : null
  if (readOnlyReason) record.notes.push(readOnlyReason)
  const ownLogin = actionIdentity(settings.githubToken, settings.appSlug, async () => (port ? port.getViewerLogin() : null))
  const publisher = port ? createPublisher(port, { dryRun: settings.dryRun || readOnlyReason !== null, secrets, botLogin: ownLogin, logger }) : null
  finishers.publisher = publisher
  const ctx: RunContext = {
    settings,
    config,
    event,
    decision: { matched: false, trigger: null, verdicts: [], invocations: [], skippedReason: null, notes: [] },
    port,
    publisher,
    budget: { turnsLeft: settings.maxTurns || null, tokensLeft: settings.maxTokens || null },
    readOnlyReason,
    startCheckRun: async () => {},
    octokit,
    defaultBranch: defaultBranch(raw.payload),
    baseSha: (raw.payload as { pull_request?: { base?: { sha?: string } } }).pull_request?.base?.sha ?? null,
    extraWrites: [],
    ownLogin
  }
  finishers.extraWrites = ctx.extraWrites
  const headSha = event.headSha
  if (publisher && settings.checkName && event.isPullRequest && headSha && !readOnlyReason) {
    // Created just before the first agent runs, so a run that decides to do nothing writes nothing.
    ctx.startCheckRun = async () => {
      if (finishers.checkRun) return
      finishers.checkRun = new CheckRunLifecycle(publisher, { name: settings.checkName, headSha, logger })
      // A cancelled workflow sends SIGINT/SIGTERM: the check run still closes, as cancelled.
      finishers.releaseSignals = completeOnCancel(finishers.checkRun, process, (signal) => process.exit(signal === 'SIGINT' ? 130 : 143))
      await finishers.checkRun.start('Running', `Trigger \`${ctx.decision.trigger ?? '-'}\` is running.`)
    }
  }

  // `/approve` and `/deny` answer a request the action posted; they are not Trigger commands.
  const approval = event.text?.kind === 'issue_comment' && event.action === 'created' ? parseApprovalCommand(event.text.body, botName) : null
  if (approval) {
    const writtenAt = (raw.payload as { comment?: { created_at?: string } }).comment?.created_at ?? new Date().toISOString()
    await answerApproval(ctx, approval, writtenAt, record)
    record.conclusion = conclude(record.outcomes, settings.budgetConclusion)
    return
  }

  const routeStarted = performance.now()
  const decision = await resolveTeams(route(config, event, { botName }), config, event, botName, octokit, record.notes)
  core.debug(`timing: routed in ${elapsed(routeStarted)} ms (${config.triggers.length} triggers)`)
  record.decision = decision
  ctx.decision = decision
  core.info(decision.matched ? `Routed by trigger '${decision.trigger}'` : `No match: ${decision.skippedReason ?? 'no Trigger took this event'}`)
  if (!decision.matched) return

  const refused = await gate(decision, event, octokit)
  for (const invocation of decision.invocations) {
    const unsealable = refused.has(invocation) ? null : stateKeyRefusal(invocation, config.flows, settings.stateKey || null)
    if (unsealable) refused.set(invocation, unsealable)
  }
  const allowed = decision.invocations.filter((i) => !refused.has(i))
  if (publisher && event.commentId !== null && allowed.some((i) => i.via === 'command' || i.via === 'mention' || i.via === 'help')) {
    await addEyesReaction(publisher, event.commentId, event.name === 'pull_request_review_comment' ? 'review' : 'issue', logger)
  }
  for (const invocation of decision.invocations) {
    record.outcomes.push(await runInvocation(ctx, invocation, refused.get(invocation), record))
  }
  await replyToRefusals(ctx, refused)
  record.conclusion = conclude(record.outcomes, settings.budgetConclusion)
}

export async function run(): Promise<void> {
  const started = performance.now()
  const record = emptyRecord()
  const finishers: Finishers = { publisher: null, checkRun: null, releaseSignals: null, extraWrites: [] }
  try {
    await pipeline(record, finishers)
    if (record.conclusion === 'failure') {
      core.setFailed(record.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.target}: ${o.detail}`).join('; '))
    }
  } catch (error) {
    record.error = errorMessage(error)
    record.conclusion = 'failure'
    if (!(error instanceof UsageError || error instanceof SettingsError)) core.debug(error instanceof Error ? (error.stack ?? '') : '')
    core.setFailed(record.error)
  } finally {
    if (finishers.checkRun) await finishers.checkRun.complete({ conclusion: record.conclusion, ...checkRunSummary(record) })
    finishers.releaseSignals?.()
    if (finishers.publisher) {
      record.writes = [...finishers.publisher.records(), ...finishers.extraWrites]
      record.notes.push(...finishers.publisher.notes)
    }
    record.durationMs = performance.now() - started
    for (const [name, value] of Object.entries(buildOutputs(record))) core.setOutput(name, value)
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.appendSummary(buildSummary(record))
    }
  }
}
