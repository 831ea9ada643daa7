// Wiring: builds each stage's ports from the runtime and passes plain data from stage to stage.
// Stage logic lives in its folder (docs/architecture.md has the map); nothing here decides.
import { performance } from 'node:perf_hooks'
import { stateKeyRefusal } from './approval/create-approval-request.js'
import { parseApprovalCommand } from './approval/parse-approval-command.js'
import { describeDiagnostic } from './config/describe-diagnostic.js'
import { loadConfig } from './config/load-config.js'
import type { Config, ConfigSource, Diagnostic } from './config/types.js'
import { createWorkspaceSource } from './config/workspace-source.js'
import { buildEventContext } from './event/build-event-context.js'
import type { EventContext } from './event/types.js'
import { withPullRequest } from './event/with-pull-request.js'
import { checkFlow } from './flow/check-flow.js'
import { standInPermission } from './gate/access.js'
import { refusedInvocations, resolveTeams } from './gate/check-sender.js'
import { mayAskSenderPermission, needsSenderPermission } from './gate/gate-invocations.js'
import { actionIdentity } from './github/action-identity.js'
import { addEyesReaction } from './github/add-eyes-reaction.js'
import { CheckRunLifecycle, completeOnCancel } from './github/check-run-lifecycle.js'
import { hasAnyMarker } from './github/comment-marker.js'
import { createGitHubPort, type GitHubPort } from './github/github-port.js'
import { createPublisher, type Publisher } from './github/publisher.js'
import { createRepoConfigSource, type ContentReader } from './github/repo-config-source.js'
import { buildOutputs } from './report/build-outputs.js'
import { buildSummary } from './report/build-summary.js'
import { conclude } from './report/conclude.js'
import { checkRunSummary, emptyRecord } from './report/run-record.js'
import type { RunRecord } from './report/types.js'
import { mayOpenReviewSession } from './review/review-session.js'
import { route } from './route/route.js'
import { answerApproval } from './run/answer-approval.js'
import { timeScaled, type RunContext } from './run/run-context.js'
import { runInvocations } from './run/run-invocations.js'
import { openWorkspace } from './run/workspace-run.js'
import { readEvent } from './runner/read-event.js'
import type { Runner, Runtime } from './runner/runtime.js'
import { readSettings, SettingsError, type Settings } from './settings/read-settings.js'
import { errorMessage, UsageError } from './shared/errors.js'
import { credentialSecrets } from './shared/model-credentials.js'
import { checkTemplates } from './template/check-templates.js'
import { programFinder, type ProgramFinder } from './workspace/find-program.js'

/** What must be closed whatever happens: the check run, the cancel handlers, the writes made. */
interface Finishers {
  publisher: Publisher | null
  checkRun: CheckRunLifecycle | null
  releaseSignals: (() => void) | null
  /** Stops the tools' cancel handling once the run is over. */
  releaseWorkspace?: () => void
  /** RunContext.afterwards: awaited with the check run's completion. */
  afterwards: Promise<void>[]
}

interface GitHubAccess {
  /** Reads the config: GraphQL, or the contents API where GraphQL is not available. */
  contents: ContentReader
  port: GitHubPort | null
}

function elapsed(since: number): string {
  return (performance.now() - since).toFixed(1)
}

function annotate(runner: Runner, d: Diagnostic): void {
  const properties = { file: d.file, startLine: d.line, startColumn: d.column, title: d.field ? `AOF config: ${d.field}` : 'AOF config' }
  if (d.severity === 'error') runner.error(describeDiagnostic(d), properties)
  else if (d.severity === 'warning') runner.warning(describeDiagnostic(d), properties)
  else runner.notice(describeDiagnostic(d), properties)
}

async function connectGitHub(runtime: Runtime, settings: Settings, repository: string | null): Promise<GitHubAccess | null> {
  if (!settings.githubToken) return null
  // Imported here, not at the top: Octokit and its plugins are a large part of the entry, and a
  // run without a token (config from the workspace, replay) never compiles them.
  const { createOctokit } = await import('./github/create-octokit.js')
  const octokit = createOctokit({
    token: settings.githubToken,
    baseUrl: runtime.env.GITHUB_API_URL || 'https://api.github.com',
    logger: runtime.runner,
    retry: timeScaled(runtime.env)
  })
  return { contents: octokit, port: repository ? createGitHubPort(octokit, repository) : null }
}

/** A comment on a PR knows nothing of the PR's branches or head; ask for them once. */
async function enrichEvent(runtime: Runtime, event: EventContext, port: GitHubPort | null): Promise<EventContext> {
  if (!port || event.name !== 'issue_comment' || !event.isPullRequest || event.number === null) return event
  try {
    return withPullRequest(event, await port.getPullRequest(event.number))
  } catch (error) {
    runtime.runner.warning(`Could not read PR #${event.number} (${errorMessage(error)}); branch filters and PR variables are unavailable for this comment.`)
    return event
  }
}

function configSource(runtime: Runtime, settings: Settings, event: EventContext, github: GitHubAccess | null): ConfigSource {
  if (settings.configRef === 'workspace') return createWorkspaceSource(runtime.env.GITHUB_WORKSPACE || process.cwd())
  // The default branch judges every event, PRs included: a PR may target any branch (an old
  // release branch with a weaker config), but the default branch is the one admins protect.
  const ref = event.defaultBranch
  if (!github || !event.repository || !ref) {
    throw new UsageError(
      "config-ref 'base' reads the config through the GitHub API and needs github-token, the repository and its default branch; set config-ref: workspace to read checked-out files"
    )
  }
  return createRepoConfigSource(github.contents, event.repository, ref, runtime.runner)
}

async function readConfig(runtime: Runtime, settings: Settings, source: ConfigSource, record: RunRecord, findProgram: ProgramFinder): Promise<Config> {
  record.configSource = source.description
  const started = performance.now()
  // An agent's CLI or shell tool whose program this runner lacks is an error at the tool.
  const config = await loadConfig(source, settings.configPath, runtime.env, checkFlow, { toolHost: { hasProgram: (name) => findProgram(name) !== null } })
  config.diagnostics.push(...checkTemplates(config))
  // For `npm run bench` and for users with ACTIONS_STEP_DEBUG on: what loading their config costs.
  runtime.runner.debug(`timing: config loaded in ${elapsed(started)} ms (${config.files.length} files, ${source.description})`)
  record.configFiles = config.files
  // Annotated when the run ends: a skipped target the event routes to turns its warnings into errors.
  record.diagnostics = config.diagnostics
  const errors = config.diagnostics.filter((d) => d.severity === 'error').length
  if (errors > 0) throw new UsageError(`${errors} error(s) in the AOF config at ${settings.configPath}; see the annotations`)
  return config
}

/** A `pull_request` run for a fork's PR gets a read-only token and no secrets: say so instead of failing on the first write. */
function readOnlyReasonOf(event: EventContext): string | null {
  return event.name === 'pull_request' && event.fromFork
    ? 'not run: this PR comes from a fork, and a pull_request run gets a read-only token and no secrets (see docs/security.md for the pull_request_target pattern)'
    : null
}

/** The check run opens just before the first agent runs, so a run that decides to do nothing writes nothing. */
function checkRunStarter(runtime: Runtime, settings: Settings, event: EventContext, publisher: Publisher | null, readOnly: boolean, finishers: Finishers) {
  const headSha = event.headSha
  if (!publisher || !settings.checkName || !event.isPullRequest || !headSha || readOnly) return async () => {}
  return async (trigger: string) => {
    if (finishers.checkRun) return
    finishers.checkRun = new CheckRunLifecycle(publisher, { name: settings.checkName, headSha, logger: runtime.runner })
    // A cancelled workflow sends SIGINT/SIGTERM: the check run still closes, as cancelled.
    finishers.releaseSignals = completeOnCancel(finishers.checkRun, runtime.signals, (signal) => runtime.exit(signal === 'SIGINT' ? 130 : 143))
    await finishers.checkRun.start('Running', `Trigger \`${trigger}\` is running.`)
  }
}

async function pipeline(runtime: Runtime, record: RunRecord, finishers: Finishers): Promise<void> {
  const { env, runner } = runtime
  const settings = readSettings((name) => runner.input(name), env)
  const secrets = [settings.githubToken, ...credentialSecrets(settings), settings.stateKey].filter(Boolean)
  for (const secret of secrets) runner.setSecret(secret)
  record.dryRun = settings.dryRun

  const raw = await readEvent(env)
  let event = buildEventContext(raw.name, raw.payload, { GITHUB_REPOSITORY: env.GITHUB_REPOSITORY })
  record.event = { name: event.name, action: event.action, repository: event.repository, number: event.number, sender: event.sender?.login ?? null }
  // The action's own comments carry its marker; answering them could loop, whoever's token wrote them.
  if (typeof event.metadata.comment_body === 'string' && hasAnyMarker(event.metadata.comment_body)) {
    record.notes.push('This comment was written by github-agent itself; it is never acted on.')
    return
  }

  const github = await connectGitHub(runtime, settings, event.repository)
  const port = github?.port ?? null
  // The PR behind a comment, the config and (for what looks like a command) the sender's role do not
  // depend on each other: one wait for all three. The port keeps the role for the gate.
  if (port && event.sender && !runtime.senderPermission && mayAskSenderPermission(event)) void port.getSenderPermission(event.sender.login)
  // A PR opened or pushed to is most often reviewed: its files and the review state come with the config too.
  if (port && event.number !== null && mayOpenReviewSession(event)) {
    port.listPullRequestFiles(event.number).catch(() => {})
    port.prefetchIssueComments(event.number)
  }
  // One PATH lookup per program for the run: the loader checks agents' tools with it, the tools spawn what it found.
  const findProgram = programFinder(runtime.env.PATH)
  const [enriched, config] = await Promise.all([
    enrichEvent(runtime, event, port),
    readConfig(runtime, settings, configSource(runtime, settings, event, github), record, findProgram)
  ])
  event = enriched

  const botName = settings.botName === 'aofbot' && config.botName ? config.botName : settings.botName
  const readOnlyReason = readOnlyReasonOf(event)
  if (readOnlyReason) record.notes.push(readOnlyReason)
  const ownLogin = actionIdentity(settings.githubToken, settings.appSlug, async () => (port ? port.getViewerLogin() : null))
  const publisher = port
    ? createPublisher(port, {
        dryRun: settings.dryRun || readOnlyReason !== null,
        secrets,
        botLogin: ownLogin,
        logger: runner,
        ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {})
      })
    : null
  finishers.publisher = publisher
  // A cancel kills the tools' processes first; the check run's closing then ends the job, or this does.
  const workspace = await openWorkspace(runtime, settings.maxToolSeconds, record.commands, findProgram, (signal) => {
    if (!finishers.checkRun) runtime.exit(signal === 'SIGINT' ? 130 : 143)
  })
  finishers.releaseWorkspace = workspace.release
  const ctx: RunContext = {
    runtime,
    settings,
    config,
    event,
    payload: raw.payload,
    workspace,
    port,
    publisher,
    budget: { turnsLeft: settings.maxTurns || null, tokensLeft: settings.maxTokens || null },
    readOnlyReason,
    ownLogin,
    startCheckRun: checkRunStarter(runtime, settings, event, publisher, readOnlyReason !== null, finishers),
    afterwards: finishers.afterwards
  }

  // `/approve` and `/deny` answer a request the action posted; they are not Trigger commands.
  const approval = event.text?.kind === 'issue_comment' && event.action === 'created' ? parseApprovalCommand(event.text.body, botName) : null
  if (approval) {
    await answerApproval(ctx, approval, record, botName)
    record.conclusion = conclude(record.outcomes, settings.budgetConclusion)
    return
  }

  const routeStarted = performance.now()
  const decision = await resolveTeams(route(config, event, { botName }), config, event, botName, port, record.notes)
  runner.debug(`timing: routed in ${elapsed(routeStarted)} ms (${config.triggers.length} triggers)`)
  record.decision = decision
  runner.info(decision.matched ? `Routed by trigger '${decision.trigger}'` : `No match: ${decision.skippedReason ?? 'no Trigger took this event'}`)
  if (!decision.matched) return

  const access = runtime.senderPermission ? standInPermission(runtime.senderPermission, port) : port
  if (runtime.senderPermission && needsSenderPermission(decision.invocations)) {
    const standIn = `@${event.sender?.login ?? 'unknown'}'s repository permission was not checked: ${runtime.senderPermission} (from --sender-permission) stood in for it.`
    runner.warning(standIn)
    record.notes.push(standIn)
  }
  const refused = await refusedInvocations(decision, event, access, runner)
  for (const invocation of decision.invocations) {
    const unsealable = refused.has(invocation) ? null : stateKeyRefusal(invocation, config.flows, settings.stateKey || null)
    if (unsealable) refused.set(invocation, unsealable)
  }
  const allowed = decision.invocations.filter((i) => !refused.has(i))
  // The 👀 never throws and nothing waits for it: it goes out while the invocations start.
  const eyes =
    publisher && event.commentId !== null && allowed.some((i) => i.via === 'command' || i.via === 'mention' || i.via === 'help')
      ? addEyesReaction(publisher, event.commentId, event.name === 'pull_request_review_comment' ? 'review' : 'issue', runner)
      : null
  await runInvocations(ctx, decision, refused, record)
  await eyes
  record.conclusion = conclude(record.outcomes, settings.budgetConclusion)
}

async function finish(runtime: Runtime, record: RunRecord, finishers: Finishers, started: number): Promise<void> {
  const checkRun = finishers.checkRun ? finishers.checkRun.complete({ conclusion: record.conclusion, ...checkRunSummary(record) }) : null
  await Promise.all([checkRun, ...finishers.afterwards])
  finishers.releaseSignals?.()
  finishers.releaseWorkspace?.()
  if (finishers.publisher) {
    record.writes = finishers.publisher.records()
    record.notes.push(...finishers.publisher.notes)
  }
  record.durationMs = performance.now() - started
  for (const d of record.diagnostics) annotate(runtime.runner, d)
  for (const [name, value] of Object.entries(buildOutputs(record))) runtime.runner.setOutput(name, value)
  if (runtime.env.GITHUB_STEP_SUMMARY) await runtime.runner.appendSummary(buildSummary(record))
}

/**
 * One run of the action. `runtime` defaults to what a debugger such as `@github/local-action`
 * provides: the toolkit's own `@actions/core`, loaded only then.
 */
export async function run(runtime?: Runtime): Promise<void> {
  const rt = runtime ?? (await import('./runner/toolkit-runtime.js')).toolkitRuntime()
  const started = performance.now()
  const record = emptyRecord(rt.env.GITHUB_EVENT_NAME ?? 'unknown')
  const finishers: Finishers = { publisher: null, checkRun: null, releaseSignals: null, afterwards: [] }
  try {
    await pipeline(rt, record, finishers)
    if (record.conclusion === 'failure') {
      rt.runner.setFailed(
        record.outcomes
          .filter((o) => o.status === 'failed')
          .map((o) => `${o.target}: ${o.detail}`)
          .join('; ')
      )
    }
  } catch (error) {
    record.error = errorMessage(error)
    record.conclusion = 'failure'
    if (!(error instanceof UsageError || error instanceof SettingsError)) rt.runner.debug(error instanceof Error ? (error.stack ?? '') : '')
    rt.runner.setFailed(record.error)
  } finally {
    await finish(rt, record, finishers, started)
  }
}
