// Wiring: the only place that reads the runner's environment and talks to @actions/core.
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { loadConfig } from './config/load-config.js'
import type { Config, ConfigSource, Diagnostic } from './config/types.js'
import { createWorkspaceSource } from './config/workspace-source.js'
import { buildEventContext } from './event/build-event-context.js'
import type { EventContext } from './event/types.js'
import { withPullRequest, type PullDetails } from './event/with-pull-request.js'
import { planInvocation } from './execute/plan-invocation.js'
import { createRepoConfigSource } from './github/repo-config-source.js'
import { buildOutputs } from './report/build-outputs.js'
import { buildSummary } from './report/build-summary.js'
import type { InvocationOutcome, RunRecord } from './report/types.js'
import { route } from './route/route.js'
import type { Invocation } from './route/types.js'
import { readSettings, SettingsError, type Settings } from './settings/read-settings.js'
import { checkTemplates } from './template/check-templates.js'

type Octokit = ReturnType<typeof getOctokit>

class UsageError extends Error {}

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

/** A comment on a PR knows nothing of the PR's branches or head; ask for them once. */
async function enrichEvent(event: EventContext, octokit: Octokit | null): Promise<EventContext> {
  if (!octokit || event.name !== 'issue_comment' || !event.isPullRequest || event.number === null || !event.repository) {
    return event
  }
  const [owner, repo] = event.repository.split('/') as [string, string]
  try {
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: event.number })
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

function outcomeFor(config: Config, event: EventContext, invocation: Invocation, settings: Settings): InvocationOutcome {
  if (invocation.via === 'help') {
    return { invocation, target: 'help', status: settings.dryRun ? 'dry-run' : 'not-run', detail: 'lists the commands this repository accepts' }
  }
  const plan = planInvocation(config, event, invocation, settings.model)
  const first = plan.agents[0]
  if (plan.unsupported) return { invocation, target: plan.target, status: 'not-run', detail: plan.unsupported }
  const unknown = plan.agents.flatMap((a) => a.unknownVariables)
  const detail = settings.dryRun
    ? 'dry-run: instructions rendered; the model is not called and nothing is written'
    : 'not run: this version routes and renders only; run with dry-run: true'
  return {
    invocation,
    target: plan.target,
    status: settings.dryRun ? 'dry-run' : 'not-run',
    detail: unknown.length ? `${detail} (template names with no value: ${[...new Set(unknown)].join(', ')})` : detail,
    model: first?.model || undefined,
    tools: [...new Set(plan.agents.flatMap((a) => a.tools))],
    instructions: plan.agents.map((a) => (plan.agents.length > 1 ? `# ${a.label}\n${a.instructions}` : a.instructions)).join('\n\n')
  }
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
    durationMs: 0
  }
}

async function pipeline(record: RunRecord, started: number): Promise<void> {
  const settings = readSettings((name) => core.getInput(name), process.env)
  for (const secret of [settings.githubToken, settings.anthropicApiKey, settings.googleApiKey]) {
    if (secret) core.setSecret(secret)
  }
  record.dryRun = settings.dryRun

  const raw = await readEvent(process.env)
  const octokit = settings.githubToken ? getOctokit(settings.githubToken, { baseUrl: process.env.GITHUB_API_URL || undefined }) : null
  let event = buildEventContext(raw.name, raw.payload, { GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY })
  record.event = { name: event.name, action: event.action, repository: event.repository, number: event.number, sender: event.sender?.login ?? null }
  event = await enrichEvent(event, octokit)

  const source = configSource(settings, event, raw.payload, octokit)
  record.configSource = source.description
  const config = await loadConfig(source, settings.configPath, process.env)
  config.diagnostics.push(...checkTemplates(config))
  record.configFiles = config.files
  record.diagnostics = config.diagnostics
  config.diagnostics.forEach(annotate)
  const errors = config.diagnostics.filter((d) => d.severity === 'error').length
  if (errors > 0) {
    throw new UsageError(`${errors} error(s) in the AOF config at ${settings.configPath}; see the annotations`)
  }

  const botName = settings.botName === 'aofbot' && config.botName ? config.botName : settings.botName
  const decision = route(config, event, { botName })
  record.decision = decision
  core.info(decision.matched ? `Routed by trigger '${decision.trigger}'` : `No match: ${decision.skippedReason ?? 'no Trigger took this event'}`)
  record.outcomes = decision.invocations.map((invocation) => outcomeFor(config, event, invocation, settings))
  record.conclusion = decision.matched ? (settings.dryRun ? 'success' : 'neutral') : 'skipped'
  record.durationMs = performance.now() - started
}

export async function run(): Promise<void> {
  const started = performance.now()
  const record = emptyRecord()
  try {
    await pipeline(record, started)
  } catch (error) {
    record.error = errorMessage(error)
    record.conclusion = 'failure'
    if (!(error instanceof UsageError || error instanceof SettingsError)) core.debug(error instanceof Error ? (error.stack ?? '') : '')
    core.setFailed(record.error)
  } finally {
    record.durationMs = performance.now() - started
    for (const [name, value] of Object.entries(buildOutputs(record))) core.setOutput(name, value)
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(buildSummary(record), true).write()
    }
  }
}
