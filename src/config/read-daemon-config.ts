import { checkShape } from './check-shape.js'
import type { DocContext } from './document-context.js'
import { fieldValue } from './field-value.js'
import type { FieldPath } from './format-field.js'
import { dirOf, joinPath } from './join-path.js'
import type { DaemonDirectories, LoadState } from './load-state.js'
import { daemonSchema, type DaemonDocument } from './schemas/daemon-schema.js'

type Spec = DaemonDocument['spec']

const RESOURCES = ['triggers', 'agents', 'fleets', 'flows'] as const

const WEBHOOK_SECRET = 'ignored in a job: webhook_secret (GitHub delivers the event to the job; there is no webhook to verify)'

/** What a daemon needs and a job does not; the notice says why, once per load. */
const GITHUB_IGNORED: Record<string, string> = {
  token: 'ignored in a job: platforms.github.token (the action uses its github-token input)',
  token_env: 'ignored in a job: platforms.github.token_env (the action uses its github-token input)',
  webhook_secret: WEBHOOK_SECRET,
  webhook_secret_env: WEBHOOK_SECRET,
  allowed_orgs: 'ignored in a job: platforms.github.allowed_orgs (AOF never applied it either; use repositories: ["org/*"] in a Trigger)'
}

function reportIgnored(ctx: DocContext, spec: Spec): void {
  const ignore = (path: FieldPath, message: string, once: string): void => {
    ctx.report('notice', path, message, { key: true, once })
    ctx.ignored.push(path)
  }
  if (spec.server !== undefined)
    ignore(['spec', 'server'], 'ignored in a job: server (no HTTP server runs in a job; GitHub Actions delivers each event to the workflow)', 'daemon:server')
  if (spec.runtime !== undefined) {
    ignore(
      ['spec', 'runtime'],
      'ignored in a job: runtime (each event is its own job; limit parallel runs with concurrency: in the workflow)',
      'daemon:runtime'
    )
  }
  for (const resource of RESOURCES) {
    if (spec[resource]?.watch === true) {
      ignore(['spec', resource, 'watch'], 'ignored in a job: watch (hot reload needs a running daemon; a job reads the config once)', 'daemon:watch')
    }
  }
  for (const [platform, value] of Object.entries(spec.platforms ?? {})) {
    if (value === undefined) continue
    if (platform !== 'github') {
      ignore(
        ['spec', 'platforms', platform],
        `ignored in a job: platforms.${platform} (only GitHub events reach a GitHub Action)`,
        `daemon:platforms.${platform}`
      )
    }
  }
  const github: NonNullable<NonNullable<Spec['platforms']>['github']> = spec.platforms?.github ?? {}
  for (const [key, message] of Object.entries(GITHUB_IGNORED)) {
    if (github[key as keyof typeof github] === undefined) continue
    ignore(['spec', 'platforms', 'github', key], message, key.startsWith('webhook_secret') ? 'webhook_secret' : `daemon:github.${key}`)
  }
  if (github.enabled === false) {
    ignore(
      ['spec', 'platforms', 'github', 'enabled'],
      'ignored in a job: platforms.github.enabled is false, but the workflow decides when github-agent runs',
      'daemon:github.enabled'
    )
  }
  if (github.allowed_repos !== undefined) {
    ctx.ignored.push(['spec', 'platforms', 'github', 'allowed_repos'])
    ctx.report(
      'warning',
      ['spec', 'platforms', 'github', 'allowed_repos'],
      "platforms.github.allowed_repos is not applied by github-agent; list the repositories in each Trigger's spec.config.repositories instead",
      { key: true }
    )
  }
}

function directoriesOf(ctx: DocContext, spec: Spec): DaemonDirectories {
  const entries: DaemonDirectories['entries'] = []
  for (const resource of RESOURCES) {
    const written = spec[resource]?.directory
    if (written === undefined) continue
    const field: FieldPath = ['spec', resource, 'directory']
    if (resource === 'flows' && spec.flows?.enabled === false) {
      ctx.report('notice', ['spec', 'flows', 'enabled'], 'flows.enabled is false: the flows directory is not read')
      continue
    }
    // AOF's daemon reads these paths relative to its working directory: here, the repository root.
    const path = joinPath('', written)
    if (path === null) {
      ctx.report(
        'error',
        field,
        `spec.${resource}.directory '${written}' points outside the repository; it must be a directory inside it, relative to the repository root as AOF reads it, e.g. ./${resource}/`
      )
      continue
    }
    const besideFile = joinPath(dirOf(ctx.file), written)
    entries.push({
      kind: resource,
      path,
      ...(besideFile !== null && besideFile !== path ? { besideFile } : {}),
      at: { ...ctx.location(field), field: `spec.${resource}.directory` }
    })
  }
  return { file: ctx.file, entries }
}

/** Only the directories and bot_name are read here; an unset `${VAR}` anywhere else (a Slack token) is not an error. */
function ignoreUnread(ctx: DocContext): void {
  ctx.ignored.push(['metadata'], ['spec', 'server'], ['spec', 'runtime'])
  const platforms = fieldValue(ctx.value, ['spec', 'platforms'])
  if (typeof platforms !== 'object' || platforms === null) return
  for (const platform of Object.keys(platforms)) {
    if (platform !== 'github') ctx.ignored.push(['spec', 'platforms', platform])
  }
  const github = fieldValue(platforms, ['github'])
  if (typeof github !== 'object' || github === null) return
  for (const key of Object.keys(github)) {
    if (key !== 'bot_name') ctx.ignored.push(['spec', 'platforms', 'github', key])
  }
}

/**
 * Reads a `kind: DaemonConfig`: the bot name and, when it sits at the top of config-path
 * (`useDirectories`), the directories to read. Everything else in it serves AOF's server.
 */
export function readDaemonConfig(ctx: DocContext, state: LoadState, useDirectories: boolean): void {
  ignoreUnread(ctx)
  const data = checkShape(ctx, daemonSchema, ctx.value)
  if (!data) return
  reportIgnored(ctx, data.spec)
  const botName = data.spec.platforms?.github?.bot_name
  if (botName !== undefined) state.botName = botName
  if (useDirectories) {
    state.daemon = directoriesOf(ctx, data.spec)
    return
  }
  for (const resource of RESOURCES) {
    if (data.spec[resource]?.directory === undefined) continue
    ctx.report(
      'notice',
      ['spec', resource, 'directory'],
      'directories of a DaemonConfig below the top of config-path are not used; every YAML file below config-path is read',
      { key: true, once: 'daemon:nested-directories' }
    )
  }
}
