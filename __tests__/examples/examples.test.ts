// The examples are documentation that runs: each loads cleanly, each saved event routes where its
// README says, and each workflow.yml is one a user can copy (least privilege, concurrency).
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { loadConfig } from '../../src/config/load-config.js'
import type { Config } from '../../src/config/types.js'
import { createWorkspaceSource } from '../../src/config/workspace-source.js'
import { buildEventContext } from '../../src/event/build-event-context.js'
import type { EventContext } from '../../src/event/types.js'
import { withPullRequest } from '../../src/event/with-pull-request.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { pullInfo } from '../support/pull-info.js'
import { route } from '../../src/route/route.js'
import type { Decision } from '../../src/route/types.js'
import { checkTemplates } from '../../src/template/check-templates.js'

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../examples')
const CONFIG_PATH = '.github/aof'

/** One per example of the reference page, plus the per-team layout; a new directory must be added here. */
const EXAMPLES = ['auto-label', 'auto-review', 'check-run', 'ci-failure', 'deploy-on-merge', 'per-team']

type Json = Record<string, any>

function exampleDirs(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

function eventFiles(example: string): string[] {
  return readdirSync(path.join(EXAMPLES_DIR, example, 'events'))
    .filter((f) => f.endsWith('.json'))
    .sort()
}

function readJson(example: string, file: string): Json {
  return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, example, 'events', file), 'utf8')) as Json
}

const loaded = new Map<string, Promise<Config>>()

/** As main.ts does it: loadConfig over the checked-out files, then the template check. */
function loadExample(example: string): Promise<Config> {
  let config = loaded.get(example)
  if (!config) {
    config = loadConfig(createWorkspaceSource(path.join(EXAMPLES_DIR, example)), CONFIG_PATH, {}, checkFlow).then((c) => ({
      ...c,
      diagnostics: [...c.diagnostics, ...checkTemplates(c)]
    }))
    loaded.set(example, config)
  }
  return config
}

/**
 * The event as main.ts builds it. The file name starts with the event name (`issue_comment.created.x.json`).
 * A comment on a PR carries no branch; main.ts reads the PR for it, which `prBase` stands in for.
 */
function eventOf(example: string, file: string, prBase: string | null): EventContext {
  const payload = readJson(example, file)
  const event = buildEventContext(file.split('.')[0] as string, payload)
  if (prBase === null || event.name !== 'issue_comment' || !event.isPullRequest) return event
  const issue = payload.issue as Json
  return withPullRequest(
    event,
    pullInfo({
      number: issue.number as number,
      title: issue.title as string,
      baseRef: prBase,
      headSha: 'a'.repeat(40),
      htmlUrl: issue.html_url as string,
      author: (issue.user as Json).login as string,
      repository: event.repository
    })
  )
}

async function routeExample(example: string, file: string, prBase: string | null): Promise<Decision> {
  const config = await loadExample(example)
  return route(config, eventOf(example, file, prBase), { botName: config.botName ?? 'aofbot' })
}

describe('example configs', () => {
  it('has exactly the examples this test knows, each with config, events, workflow and README', () => {
    expect(exampleDirs()).toEqual(EXAMPLES)
    for (const example of EXAMPLES) {
      const dir = path.join(EXAMPLES_DIR, example)
      expect([example, existsSync(path.join(dir, CONFIG_PATH))]).toEqual([example, true])
      expect([example, existsSync(path.join(dir, 'workflow.yml'))]).toEqual([example, true])
      expect([example, existsSync(path.join(dir, 'README.md'))]).toEqual([example, true])
      expect([example, eventFiles(example).length > 0]).toEqual([example, true])
    }
  })

  // Notices ("ignored in a job: webhook_secret") are expected: they are how AOF daemon fields are reported.
  it.each(EXAMPLES)('%s loads with no errors and no warnings', async (example) => {
    const config = await loadExample(example)
    const problems = config.diagnostics.filter((d) => d.severity !== 'notice').map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`)
    expect(problems).toEqual([])
    expect(config.triggers.length).toBeGreaterThan(0)
  })

  it('reads the per-team config through its daemon.yaml directories, as an AOF daemon would', async () => {
    const config = await loadExample('per-team')
    expect(config.botName).toBe('aofbot')
    expect(config.triggers.map((t) => t.name)).toEqual(['backend-pr-bot', 'docs-pr-bot', 'frontend-pr-bot', 'infra-pr-bot'])
    expect(Object.keys(config.fleets).sort()).toEqual(['backend-review-fleet', 'frontend-review-fleet', 'infra-review-fleet'])
    for (const fleet of Object.values(config.fleets)) {
      expect([fleet.name, fleet.strategy, fleet.aggregation, fleet.members.length]).toEqual([fleet.name, 'parallel', 'merge', 2])
    }
    expect(Object.keys(config.flows).sort()).toEqual(['deploy-backend-prod', 'deploy-backend-staging', 'terraform-apply-flow'])
  })

  it.each(EXAMPLES)('%s flows use only node types that run in a job', async (example) => {
    const config = await loadExample(example)
    const types = Object.values(config.flows).flatMap((flow) => flow.nodes.map((node) => node.type))
    expect(types.filter((t) => !['Agent', 'Approval', 'Response', 'Action'].includes(t))).toEqual([])
  })
})

/**
 * example, event file, expected trigger, target and command key (null: none), and for a comment on a
 * PR the base branch main.ts would read from the PR (null: not a PR comment).
 */
type RouteRow = [string, string, string | null, string | null, string | null, string | null]

const ROUTES: RouteRow[] = [
  ['auto-label', 'issues.opened.json', 'issue-triage', 'agent:issue-triager', null, null],
  ['auto-label', 'issues.labeled.json', null, null, null, null],
  ['auto-review', 'pull_request.opened.json', 'pr-review', 'agent:code-reviewer', null, null],
  ['auto-review', 'pull_request.synchronize.json', 'pr-review', 'agent:code-reviewer', null, null],
  ['check-run', 'pull_request.opened.json', 'security-scan', 'agent:security-scanner', 'pull_request.opened', null],
  ['check-run', 'pull_request.synchronize.json', 'security-scan', 'agent:security-scanner', 'pull_request.synchronize', null],
  ['ci-failure', 'workflow_run.completed.failure.json', 'ci-failure', 'agent:ci-explainer', 'workflow_run.completed', null],
  ['deploy-on-merge', 'pull_request.closed.merged.json', 'production-deploy', 'flow:deploy-flow', 'pull_request.closed', null],
  ['deploy-on-merge', 'pull_request.closed.merged-into-develop.json', null, null, null, null],
  ['deploy-on-merge', 'issue_comment.created.deploy.json', 'production-deploy', 'flow:deploy-flow', 'deploy', 'main'],
  ['per-team', 'pull_request.opened.web-app.json', 'frontend-pr-bot', 'fleet:frontend-review-fleet', 'pull_request.opened', null],
  ['per-team', 'issue_comment.created.web-app-test.json', 'frontend-pr-bot', 'agent:jest-runner', 'test', 'main'],
  ['per-team', 'issue_comment.created.web-app-mention.json', 'frontend-pr-bot', 'agent:frontend-helper', null, 'main'],
  ['per-team', 'pull_request.opened.api-server.json', 'backend-pr-bot', 'fleet:backend-review-fleet', 'pull_request.opened', null],
  ['per-team', 'issue_comment.created.api-server-deploy-staging.json', 'backend-pr-bot', 'flow:deploy-backend-staging', 'deploy staging', 'main'],
  ['per-team', 'issue_comment.created.api-server-deploy-production.json', 'backend-pr-bot', 'flow:deploy-backend-prod', 'deploy production', 'main'],
  ['per-team', 'issue_comment.created.api-server-deploy-outsider.json', null, null, null, 'main'],
  ['per-team', 'pull_request.opened.terraform-aws.json', 'infra-pr-bot', 'fleet:infra-review-fleet', 'pull_request.opened', null],
  ['per-team', 'issue_comment.created.terraform-aws-apply.json', 'infra-pr-bot', 'flow:terraform-apply-flow', 'apply', 'main'],
  ['per-team', 'pull_request.opened.docs.json', 'docs-pr-bot', 'agent:docs-reviewer', 'pull_request.opened', null],
  ['per-team', 'issue_comment.created.docs-review.json', 'docs-pr-bot', 'agent:docs-reviewer', 'review', 'main']
]

describe('example events', () => {
  it('has a routing expectation for every saved event', () => {
    const saved = EXAMPLES.flatMap((example) => eventFiles(example).map((file) => `${example}/${file}`)).sort()
    expect(ROUTES.map(([example, file]) => `${example}/${file}`).sort()).toEqual(saved)
  })

  it.each(ROUTES)('%s: %s goes to trigger %s, target %s, command %s', async (example, file, trigger, target, key, prBase) => {
    const decision = await routeExample(example, file, prBase)
    const first = decision.invocations[0]
    expect({
      matched: decision.matched,
      trigger: decision.trigger,
      target: first?.target ? `${first.target.kind}:${first.target.name}` : null,
      key: first?.key ?? null,
      runs: decision.invocations.length
    }).toEqual({ matched: target !== null, trigger, target, key, runs: target === null ? 0 : 1 })
  })

  /** Events an example deliberately does not run on, the reason the job summary gives, and the PR base of a comment. */
  const DECLINED: [string, string, string, string | null][] = [
    ['auto-label', 'issues.labeled.json', 'actions [opened, reopened] does not include labeled', null],
    ['deploy-on-merge', 'pull_request.closed.merged-into-develop.json', 'branch develop matches none of [main]', null],
    ['deploy-on-merge', 'issue_comment.created.deploy.json', 'branch develop matches none of [main]', 'develop'],
    ['per-team', 'issue_comment.created.api-server-deploy-outsider.json', 'sender Codertocat is not in allowed_users', 'main']
  ]

  it.each(DECLINED)('%s: %s runs nothing because %s (PR base: %s)', async (example, file, reason, prBase) => {
    const decision = await routeExample(example, file, prBase)
    expect(decision.matched).toBe(false)
    expect(decision.invocations).toEqual([])
    expect(decision.skippedReason).toContain(reason)
  })

  it('passes the reference params of /deploy production and /apply to the gate', async () => {
    const prod = await routeExample('per-team', 'issue_comment.created.api-server-deploy-production.json', 'main')
    expect(prod.invocations[0]?.params).toEqual({ require_approval: true })
    const apply = await routeExample('per-team', 'issue_comment.created.terraform-aws-apply.json', 'main')
    expect(apply.invocations[0]?.params).toEqual({ require_approval: true, approvers: ['platform-lead', 'sre-oncall'] })
  })

  it('gives the mention to default_agent with the question as its arguments', async () => {
    const decision = await routeExample('per-team', 'issue_comment.created.web-app-mention.json', 'main')
    expect(decision.invocations[0]).toMatchObject({ via: 'mention', args: 'why does the storybook build fail on this branch?' })
  })
})

type Workflow = { on?: unknown; permissions?: unknown; concurrency?: unknown; jobs?: Record<string, Json> }

function readWorkflow(example: string): Workflow {
  return parse(readFileSync(path.join(EXAMPLES_DIR, example, 'workflow.yml'), 'utf8')) as Workflow
}

function steps(workflow: Workflow): Json[] {
  return Object.values(workflow.jobs ?? {}).flatMap((job) => (job.steps as Json[] | undefined) ?? [])
}

describe('example workflows', () => {
  it.each(EXAMPLES)('%s/workflow.yml runs aof/github-agent@v1', (example) => {
    const uses = steps(readWorkflow(example)).map((s) => s.uses as string | undefined)
    expect(uses).toContain('aof/github-agent@v1')
  })

  it.each(EXAMPLES)('%s/workflow.yml sets explicit permissions, never write-all', (example) => {
    const workflow = readWorkflow(example)
    expect(typeof workflow.permissions).toBe('object')
    expect(workflow.permissions).not.toBeNull()
    const all = [workflow.permissions, ...Object.values(workflow.jobs ?? {}).map((j) => j.permissions)].filter((p) => p !== undefined)
    expect(all).not.toContain('write-all')
    // The only write scopes any example needs (docs/permissions.md).
    const granted = all.flatMap((p) =>
      Object.entries(p as Record<string, string>)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope)
    )
    expect(granted.filter((scope) => !['issues', 'pull-requests', 'checks', 'actions'].includes(scope))).toEqual([])
  })

  it.each(EXAMPLES)('%s/workflow.yml has a concurrency group', (example) => {
    const concurrency = readWorkflow(example).concurrency as Json | undefined
    expect(typeof concurrency?.group).toBe('string')
  })
})

const ROOT = path.resolve(import.meta.dirname, '../..')
const WORKFLOWS_DIR = path.join(ROOT, '.github/workflows')

function allWorkflows(): [string, Workflow][] {
  const repository = readdirSync(WORKFLOWS_DIR)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f): [string, Workflow] => [`.github/workflows/${f}`, parse(readFileSync(path.join(WORKFLOWS_DIR, f), 'utf8')) as Workflow])
  return [...repository, ...EXAMPLES.map((example): [string, Workflow] => [`examples/${example}/workflow.yml`, readWorkflow(example)])]
}

describe('workflows that run the action', () => {
  const inputs = Object.keys((parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs)

  // actionlint cannot see action.yml through `aof/github-agent@v1` or `./`, so the inputs are checked here.
  it.each(allWorkflows())('%s passes only inputs that action.yml declares', (_file, workflow) => {
    const ours = steps(workflow).filter((s) => s.uses === 'aof/github-agent@v1' || s.uses === './')
    const unknown = ours.flatMap((s) => Object.keys((s.with as Json | undefined) ?? {})).filter((name) => !inputs.includes(name))
    expect(unknown).toEqual([])
  })

  it.each(allWorkflows())('%s pins every action to a major version tag', (_file, workflow) => {
    const jobs = Object.values(workflow.jobs ?? {})
    const uses = [...steps(workflow).map((s) => s.uses), ...jobs.map((j) => j.uses)].filter((u): u is string => typeof u === 'string')
    expect(uses.filter((u) => u !== './' && !/^[\w.-]+\/[\w./-]+@v\d+$/.test(u))).toEqual([])
    expect(uses.filter((u) => /^actions\/(checkout|setup-node)@/.test(u) && !u.endsWith('@v5'))).toEqual([])
  })
})

describe('repository workflows', () => {
  const repository = allWorkflows().filter(([file]) => file.startsWith('.github/'))

  it('are ci, check-dist, self-test and the reusable aof-agent', () => {
    expect(repository.map(([file]) => path.basename(file))).toEqual(['aof-agent.yml', 'check-dist.yml', 'ci.yml', 'self-test.yml'])
  })

  it.each(repository)('%s grants nothing but read at the top; only jobs raise a scope', (_file, workflow) => {
    const top = workflow.permissions as Record<string, string> | undefined
    expect(typeof top).toBe('object')
    expect(Object.values(top ?? {}).filter((level) => level !== 'read')).toEqual([])
  })

  it('self-test runs the committed action in dry-run on the auto-review example and checks matched', () => {
    const workflow = allWorkflows().find(([file]) => file.endsWith('self-test.yml'))?.[1] as Workflow
    const all = steps(workflow)
    const self = all.find((s) => s.uses === './')
    expect(self?.with).toMatchObject({ 'dry-run': 'true', 'config-ref': 'workspace', 'config-path': 'examples/auto-review/.github/aof' })
    expect(all.some((s) => typeof s.if === 'string' && s.if.includes(`steps.${self?.id as string}.outputs.matched`))).toBe(true)
    expect(Object.keys((workflow.on as Json) ?? {})).toEqual(['pull_request'])
  })

  it('aof-agent is callable with the documented inputs and secrets', () => {
    const workflow = allWorkflows().find(([file]) => file.endsWith('aof-agent.yml'))?.[1] as Workflow
    const call = (workflow.on as Json).workflow_call as Json
    expect(Object.keys(call.inputs as Json)).toEqual(['config-path', 'config-ref', 'model', 'dry-run', 'bot-name'])
    expect(Object.keys(call.secrets as Json)).toEqual(['anthropic-api-key', 'google-api-key', 'state-key'])
    expect(steps(workflow).map((s) => s.uses)).toContain('aof/github-agent@v1')
  })
})
