import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describeDiagnostic } from '../../src/config/describe-diagnostic.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { Config } from '../../src/config/types.js'
import { createWorkspaceSource } from '../../src/config/workspace-source.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { errors, where } from './memory-source.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const DIR = '__fixtures__/config'

const loadFixture = (name: string, env: Record<string, string> = {}): Promise<Config> =>
  loadConfig(createWorkspaceSource(REPO), `${DIR}/${name}`, env, checkFlow)

/** `severity file:line:column field | message` */
const summary = (config: Config) => config.diagnostics.map((d) => `${where(d)}:${d.column ?? '-'} | ${describeDiagnostic(d)}`)

describe('valid/ (the reference layout: daemon.yaml with triggers/agents/fleets/flows directories)', () => {
  it('loads with notices only, each naming what a job ignores', async () => {
    const config = await loadFixture('valid')
    const daemon = `${DIR}/valid/daemon.yaml`
    expect(summary(config)).toEqual([
      `notice ${daemon}:7 spec.server:3 | ignored in a job: server (no HTTP server runs in a job; GitHub Actions delivers each event to the workflow)`,
      `notice ${daemon}:18 spec.platforms.github.token_env:7 | ignored in a job: platforms.github.token_env (the action uses its github-token input)`,
      `notice ${daemon}:19 spec.platforms.github.webhook_secret_env:7 | ignored in a job: webhook_secret (GitHub delivers the event to the job; there is no webhook to verify)`,
      `notice ${daemon}:24 spec.triggers.directory:16 | spec.triggers.directory is read as ${DIR}/valid/triggers, relative to the DaemonConfig; AOF reads it relative to the repository root (triggers), which does not exist. Write the path from the repository root to mean the same in both`,
      `notice ${daemon}:25 spec.triggers.watch:5 | ignored in a job: watch (hot reload needs a running daemon; a job reads the config once)`,
      `notice ${daemon}:34 spec.runtime:3 | ignored in a job: runtime (each event is its own job; limit parallel runs with concurrency: in the workflow)`
    ])
  })

  it('routes the per-team triggers to the fleets, flows and agents they name', async () => {
    const config = await loadFixture('valid')
    expect(config.botName).toBe('aofbot')
    const backend = config.triggers.find((t) => t.name === 'backend-pr-bot')
    expect(backend).toMatchObject({
      labels: { team: 'backend' },
      repositories: ['myorg/api-server', 'myorg/data-pipeline', 'myorg/auth-service'],
      allowedUsers: ['alice', 'bob', 'charlie'],
      defaultAgent: 'backend-helper',
      location: { file: `${DIR}/valid/triggers/github-backend.yaml`, line: 2 }
    })
    expect(backend?.commands.map((c) => [c.key, `${c.target.kind}:${c.target.name}`, c.params])).toEqual([
      ['pull_request.opened', 'fleet:backend-review-fleet', {}],
      ['review', 'fleet:backend-review-fleet', {}],
      ['deploy staging', 'flow:deploy-backend-staging', {}],
      ['deploy production', 'flow:deploy-backend-prod', { require_approval: true }]
    ])
    const infra = config.triggers.find((t) => t.name === 'infra-pr-bot')
    expect(infra?.commands.find((c) => c.key === 'apply')?.params).toEqual({ require_approval: true, approvers: ['platform-lead', 'sre-oncall'] })
    expect(config.triggers.find((t) => t.name === 'production-deploy')).toMatchObject({ events: ['pull_request'], branches: ['main'] })
    expect(Object.keys(config.agents).sort()).toEqual([
      'backend-helper',
      'code-reviewer',
      'deployer',
      'frontend-helper',
      'github-assistant',
      'infra-helper',
      'issue-triager',
      'jest-runner',
      'storybook-deployer',
      'terraform-planner'
    ])
    expect(config.fleets['frontend-review-fleet']?.members.map((m) => m.agent.name)).toEqual(['security-reviewer', 'code-reviewer'])
    expect(config.fleets['infra-review-fleet']?.strategy).toBe('sequential')
    expect(config.files).toHaveLength(15)
  })
})

describe('malformed/', () => {
  it('reports each YAML syntax error with the parser’s line and column, and loads the good file', async () => {
    const config = await loadFixture('malformed')
    const at = `${DIR}/malformed`
    expect(summary(config)).toEqual([
      `warning ${at}/agents/tabs.yaml:4 -:1 | YAML syntax error: Tabs are not allowed as indentation; the YAML document with this error is skipped`,
      `warning ${at}/agents/unterminated.yaml:7 -:1 | YAML syntax error: Missing closing "quote; the YAML document with this error is skipped`,
      `warning ${at}/triggers/bad-indent.yaml:10 -:1 | YAML syntax error: A block sequence may not be used as an implicit map key; the YAML document with this error is skipped`
    ])
    expect(config.triggers.map((t) => t.name)).toEqual(['still-works'])
  })
})

describe('empty/', () => {
  it.each(['no-yaml', 'empty-file', 'only-separator'])('%s: loads nothing, with one warning and no error', async (name) => {
    const config = await loadFixture(`empty/${name}`)
    expect(summary(config)).toEqual([
      `warning ${DIR}/empty/${name}:1 -:- | no GitHub Trigger is defined under ${DIR}/empty/${name}, so no event will be routed; add a kind: Trigger with spec.type: GitHub`
    ])
  })
})

describe('missing/', () => {
  it('reports every undefined agent, fleet and flow where it is used', async () => {
    const config = await loadFixture('missing')
    const at = `${DIR}/missing`
    expect(summary(config)).toEqual([
      `notice ${at}/daemon.yaml:7 spec.triggers.directory:16 | spec.triggers.directory is read as ${at}/triggers, relative to the DaemonConfig; AOF reads it relative to the repository root (triggers), which does not exist. Write the path from the repository root to mean the same in both`,
      `warning ${at}/fleets/backend.yaml:8 spec.agents[1].name:13 | fleet 'backend-review-fleet' member 'security-reviewer' → agent 'security-reviewer' is not defined; defined agents: helper; fleet 'backend-review-fleet' is skipped`,
      `warning ${at}/flows/release.yaml:10 spec.nodes[0].config.fleet:16 | flow 'release' node 'review' → fleet 'release-fleet' is not defined; defined fleets: backend-review-fleet; flow 'release' is skipped`,
      `warning ${at}/flows/release.yaml:14 spec.nodes[1].config.agent:16 | flow 'release' node 'notes' → agent 'release-writer' is not defined; defined agents: helper; flow 'release' is skipped`,
      `warning ${at}/triggers/frontend.yaml:11 spec.commands["/review"].fleet:14 | command /review → fleet 'frontend-review-fleet' is not defined; defined fleets: backend-review-fleet; an event routed to command /review fails`,
      `warning ${at}/triggers/frontend.yaml:13 spec.commands["/test"].agent:14 | command /test → agent 'jest-runner' is not defined; defined agents: helper; an event routed to command /test fails`,
      `warning ${at}/triggers/frontend.yaml:15 spec.commands["/deploy"].flow:13 | command /deploy → flow 'deploy-frontend' is not defined; defined flows: release; an event routed to command /deploy fails`,
      `warning ${at}/triggers/frontend.yaml:18 spec.default_agent:18 | default_agent → agent 'frontend-helper' is not defined; defined agents: helper; an event routed to default_agent fails`
    ])
    // A fleet without one of its members would answer differently than written: it is skipped whole.
    expect(config.fleets['backend-review-fleet']).toBeUndefined()
    expect(Object.keys(config.skipped.fleet)).toEqual(['backend-review-fleet', 'frontend-review-fleet'])
    expect(Object.keys(config.skipped.flow)).toEqual(['release', 'deploy-frontend'])
    expect(config.triggers.map((t) => t.name)).toEqual(['frontend-pr-bot'])
  })
})

describe('evil/ (copied to a temporary workspace with a 5 MB file and a symlink to /etc/passwd)', () => {
  let workspace = ''
  let config: Config
  let elapsed = 0

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'github-agent-evil-'))
    await cp(path.join(REPO, DIR, 'evil'), workspace, { recursive: true })
    await writeFile(path.join(workspace, 'huge.yaml'), 'kind: Agent\n' + '# padding\n'.repeat(520_000))
    await symlink('/etc/passwd', path.join(workspace, 'agents/passwd.yaml'))
    const started = performance.now()
    config = await loadConfig(createWorkspaceSource(workspace), '.', {}, checkFlow)
    elapsed = performance.now() - started
  })

  afterAll(async () => {
    if (workspace) await rm(workspace, { recursive: true, force: true })
  })

  it('reports every hostile file at its place, without a throw; each skips only itself, except the DaemonConfig, which stops every event', () => {
    expect(summary(config)).toEqual([
      "warning agents/passwd.yaml:1 -:- | cannot read agents/passwd.yaml: refusing path 'agents/passwd.yaml': a symbolic link leads outside the workspace; the file is skipped",
      'warning billion-laughs.yaml:2 -:1 | YAML aliases expand too far (more than 100 alias uses), as in a "billion laughs" attack; the document is not read (Excessive alias count indicates a resource exhaustion attack); the YAML document with this error is skipped',
      "error daemon.yaml:8 spec.triggers.directory:16 | spec.triggers.directory '../../etc' points outside the repository; it must be a directory inside it, relative to the repository root as AOF reads it, e.g. ./triggers/",
      'warning deep-nesting.yaml:5 -:829 | YAML is nested too deeply to read; the YAML document with this error is skipped',
      'warning huge.yaml:1 -:- | file is 5.2 MB; config files over 250 KB are not read (an AOF config file is a few KB); the file is skipped',
      "warning proto.yaml:9 spec.config.__proto__:5 | the key __proto__ is not allowed in spec.config (it names JavaScript's object prototype); rename or remove it; trigger 'proto' is skipped",
      'warning proto.yaml:15 spec.commands["/x"].params.__proto__:9 | the key __proto__ is not allowed in spec.commands["/x"].params (it names JavaScript\'s object prototype); rename or remove it; trigger \'proto\' is skipped'
    ])
  })

  it('leaves Object.prototype untouched and the harmless agent loaded', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(Object.keys(config.agents)).toEqual(['ok'])
    // The trigger with __proto__ keys is skipped whole, so nothing of it reaches routing.
    expect(config.triggers).toEqual([])
  })

  it('stays fast: the alias bomb and the 5 MB file are refused, not expanded or parsed', () => {
    expect(elapsed).toBeLessThan(2000)
  })

  it('never reads /etc through the daemon directory entry', () => {
    expect(config.files).toEqual(['agents/ok.yaml', 'billion-laughs.yaml', 'daemon.yaml', 'deep-nesting.yaml', 'huge.yaml', 'proto.yaml'])
    expect(errors(config)).toHaveLength(7)
  })
})
