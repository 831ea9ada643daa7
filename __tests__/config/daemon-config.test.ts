import { describe, expect, it } from '@jest/globals'
import { loadConfig } from '../../src/config/load-config.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { createMemorySource, errors, load, notices, warnings, where } from './memory-source.js'

const trigger = (name: string, extra = '') => `kind: Trigger\nmetadata: {name: ${name}}\nspec:\n  type: GitHub\n${extra}`
const agent = (name: string) => `kind: Agent\nmetadata: {name: ${name}}\nspec: {instructions: Hi.}\n`

const daemon = (spec: string) => `apiVersion: aof.dev/v1
kind: DaemonConfig
metadata:
  name: aof-daemon
spec:
${spec}`

/** Written from the repository root, as AOF's daemon reads them (relative to its working directory). */
const DIRS = `  triggers:
    directory: ./aof/triggers/
  agents:
    directory: aof/agents
`

describe('DaemonConfig', () => {
  it('reads only the directories it names, non-recursively, relative to the repository root as AOF does', async () => {
    const config = await load({
      'aof/daemon.yaml': daemon(DIRS),
      'aof/triggers/a.yaml': trigger('a', '  default_agent: helper\n'),
      'aof/triggers/nested/b.yaml': trigger('nested'),
      'aof/agents/helper.yaml': agent('helper'),
      'aof/elsewhere/c.yaml': trigger('elsewhere')
    })
    expect(config.diagnostics).toEqual([])
    expect(config.triggers.map((t) => t.name)).toEqual(['a'])
    expect(config.files).toEqual(['aof/agents/helper.yaml', 'aof/daemon.yaml', 'aof/triggers/a.yaml'])
  })

  it('reads AOF’s own layout: config/aof/daemon.yaml naming ./config, ./agents and ./flows at the root', async () => {
    const aofDaemon = daemon('  triggers: {directory: ./config, watch: true}\n  agents: {directory: ./agents}\n  flows: {directory: ./flows, enabled: true}\n')
    const config = await load(
      {
        'config/aof/daemon.yaml': aofDaemon,
        'config/github-triggers.yaml': trigger('github-pr-automation', '  commands:\n    pull_request.opened: {flow: github-pr-review}\n'),
        'agents/github-pr-reviewer.yaml': agent('github-pr-reviewer'),
        'flows/github-pr-review.yaml':
          'kind: AgentFlow\nmetadata: {name: github-pr-review}\nspec:\n  nodes: [{id: r, type: Agent, config: {agent: github-pr-reviewer}}]\n'
      },
      {},
      'config/aof'
    )
    expect(errors(config)).toEqual([])
    expect(config.triggers.map((t) => t.name)).toEqual(['github-pr-automation'])
    expect(Object.keys(config.flows)).toEqual(['github-pr-review'])
    expect(config.files).toEqual(['agents/github-pr-reviewer.yaml', 'config/aof/daemon.yaml', 'config/github-triggers.yaml', 'flows/github-pr-review.yaml'])
  })

  it('falls back to a directory beside the DaemonConfig when the root has none, with a notice that AOF would not', async () => {
    const config = await load({
      'aof/daemon.yaml': daemon('  triggers:\n    directory: ./triggers/\n'),
      'aof/triggers/a.yaml': trigger('a')
    })
    expect(config.triggers.map((t) => t.name)).toEqual(['a'])
    expect(notices(config).map((d) => [where(d), d.message])).toEqual([
      [
        'notice aof/daemon.yaml:7 spec.triggers.directory',
        'spec.triggers.directory is read as aof/triggers, relative to the DaemonConfig; AOF reads it relative to the repository root (triggers), which does not exist. Write the path from the repository root to mean the same in both'
      ]
    ])
  })

  it('warns when a named directory holds no YAML, instead of loading no trigger in silence', async () => {
    const config = await load({ 'aof/daemon.yaml': daemon('  triggers:\n    directory: aof/triggers\n'), 'aof/triggers/README.md': 'notes' })
    expect(warnings(config).map((d) => [where(d), d.message])).toEqual([
      ['warning aof:1 -', 'no GitHub Trigger is defined under aof, so no event will be routed; add a kind: Trigger with spec.type: GitHub'],
      [
        'warning aof/daemon.yaml:7 spec.triggers.directory',
        'spec.triggers.directory aof/triggers holds no YAML files (*.yaml, *.yml); no triggers are read from it'
      ]
    ])
  })

  it('without a DaemonConfig, reads every YAML file below config-path', async () => {
    const config = await load({
      'aof/triggers/a.yaml': trigger('a'),
      'aof/triggers/nested/b.yml': trigger('nested'),
      'aof/notes.txt': 'not yaml'
    })
    expect(config.triggers.map((t) => t.name)).toEqual(['a', 'nested'])
  })

  it('takes the bot name from platforms.github.bot_name', async () => {
    const config = await load({ 'aof/daemon.yaml': daemon('  platforms:\n    github:\n      bot_name: reviewbot\n'), 'aof/t.yaml': trigger('t') })
    expect(config.botName).toBe('reviewbot')
  })

  it('reports what a job cannot use once each, and leaves unset platform secrets alone', async () => {
    const config = await load({
      'aof/daemon.yaml': daemon(`  server:
    port: 3000
  platforms:
    slack:
      bot_token: \${SLACK_BOT_TOKEN}
    github:
      token_env: GITHUB_TOKEN
      webhook_secret: \${GITHUB_WEBHOOK_SECRET}
      allowed_repos: ["myorg/*"]
  triggers:
    directory: ./aof/triggers
    watch: true
  agents:
    directory: ./aof/agents
    watch: true
  runtime:
    max_concurrent_tasks: 10
`),
      'aof/triggers/t.yaml': trigger('t', '  config:\n    webhook_secret: ${GITHUB_WEBHOOK_SECRET}\n'),
      'aof/agents/a.yaml': agent('a')
    })
    expect(errors(config)).toEqual([])
    expect(config.diagnostics.map((d) => [where(d), d.message])).toEqual([
      ['notice aof/daemon.yaml:6 spec.server', 'ignored in a job: server (no HTTP server runs in a job; GitHub Actions delivers each event to the workflow)'],
      ['notice aof/daemon.yaml:9 spec.platforms.slack', 'ignored in a job: platforms.slack (only GitHub events reach a GitHub Action)'],
      ['notice aof/daemon.yaml:12 spec.platforms.github.token_env', 'ignored in a job: platforms.github.token_env (the action uses its github-token input)'],
      [
        'notice aof/daemon.yaml:13 spec.platforms.github.webhook_secret',
        'ignored in a job: webhook_secret (GitHub delivers the event to the job; there is no webhook to verify)'
      ],
      [
        'warning aof/daemon.yaml:14 spec.platforms.github.allowed_repos',
        "platforms.github.allowed_repos is not applied by github-agent; list the repositories in each Trigger's spec.config.repositories instead"
      ],
      ['notice aof/daemon.yaml:17 spec.triggers.watch', 'ignored in a job: watch (hot reload needs a running daemon; a job reads the config once)'],
      ['notice aof/daemon.yaml:21 spec.runtime', 'ignored in a job: runtime (each event is its own job; limit parallel runs with concurrency: in the workflow)']
    ])
  })

  it.each([
    ['a path climbing out of the repository', '../../etc'],
    ['an absolute path', '/etc']
  ])('refuses %s as a directory entry, at its line', async (_name, directory) => {
    const source = createMemorySource({ 'aof/daemon.yaml': daemon(`  triggers:\n    directory: ${directory}\n`) })
    const config = await loadConfig(source, 'aof', {}, checkFlow)
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      [
        'error aof/daemon.yaml:7 spec.triggers.directory',
        `spec.triggers.directory '${directory}' points outside the repository; it must be a directory inside it, relative to the repository root as AOF reads it, e.g. ./triggers/`
      ]
    ])
    expect(source.reads).toEqual(['aof/daemon.yaml'])
  })

  it('warns about a directory entry that does not exist and fails on one that is a file', async () => {
    const config = await load({
      'aof/daemon.yaml': daemon('  triggers:\n    directory: ./triggers\n  agents:\n    directory: ./agents.yaml\n'),
      'aof/agents.yaml': agent('a')
    })
    expect(config.diagnostics.filter((d) => d.file === 'aof/daemon.yaml').map((d) => [where(d), d.message])).toEqual([
      [
        'warning aof/daemon.yaml:7 spec.triggers.directory',
        'spec.triggers.directory triggers does not exist (nor does aof/triggers, beside the DaemonConfig); no triggers are read from it (AOF reads it relative to the repository root)'
      ],
      ['error aof/daemon.yaml:9 spec.agents.directory', 'spec.agents.directory aof/agents.yaml is a file, not a directory; no agents are read from it']
    ])
  })

  it('takes ${VAR} in a directory entry as written, as AOF does: that directory does not exist', async () => {
    const config = await load({ 'aof/daemon.yaml': daemon('  triggers:\n    directory: ${TRIGGER_DIR}\n') }, { TRIGGER_DIR: 'aof' })
    expect(errors(config)).toEqual([])
    expect(warnings(config).map(where)).toContain('warning aof/daemon.yaml:7 spec.triggers.directory')
    expect(warnings(config).find((d) => d.field)?.message).toMatch(/^spec\.triggers\.directory \$\{TRIGGER_DIR\} does not exist/)
  })

  it('does not read the flows directory when flows.enabled is false', async () => {
    const config = await load({
      'aof/daemon.yaml': daemon('  flows:\n    directory: ./flows\n    enabled: false\n'),
      'aof/flows/f.yaml': 'kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes: [{id: n, type: End}]\n'
    })
    expect(config.flows).toEqual({})
    expect(notices(config).map(where)).toEqual(['notice aof/daemon.yaml:8 spec.flows.enabled'])
  })

  it('reads a flat agent in its agents directory', async () => {
    const config = await load({
      'aof/daemon.yaml': daemon(DIRS),
      'aof/agents/flat.yaml': 'name: flat\nmodel: google:gemini-2.5-flash\ninstructions: Hi.\n'
    })
    expect(config.agents.flat?.instructions).toBe('Hi.')
  })

  it('reads each file once when a directory entry is config-path itself', async () => {
    const source = createMemorySource({ 'aof/daemon.yaml': daemon('  triggers:\n    directory: ./\n'), 'aof/t.yaml': trigger('t') })
    const config = await loadConfig(source, 'aof', {}, checkFlow)
    expect(config.triggers.map((t) => t.name)).toEqual(['t'])
    expect(source.reads.sort()).toEqual(['aof/daemon.yaml', 'aof/t.yaml'])
  })

  it('reads a single daemon file as config-path, with directories relative to it', async () => {
    const config = await load({ 'aof/daemon.yaml': daemon(DIRS), 'aof/triggers/t.yaml': trigger('t') }, {}, 'aof/daemon.yaml')
    expect(config.triggers.map((t) => t.name)).toEqual(['t'])
  })

  it('reports a second DaemonConfig at its kind', async () => {
    const config = await load({ 'aof/daemon.yaml': daemon(DIRS) + '---\n' + daemon(DIRS) })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      ['error aof/daemon.yaml:12 kind', 'a second DaemonConfig; only one is read, the first is at aof/daemon.yaml:1']
    ])
  })

  it('does not use the directories of a DaemonConfig below the top of config-path', async () => {
    const config = await load({
      'aof/sub/daemon.yaml': daemon('  platforms:\n    github:\n      bot_name: deepbot\n  triggers:\n    directory: ./only-here\n'),
      'aof/t.yaml': trigger('t')
    })
    expect(config.triggers.map((t) => t.name)).toEqual(['t'])
    expect(config.botName).toBe('deepbot')
    expect(notices(config).map(where)).toEqual(['notice aof/sub/daemon.yaml:10 spec.triggers.directory'])
  })
})

describe('config-path', () => {
  it('is one error naming the path and what was expected when it does not exist', async () => {
    const config = await load({}, {}, '.github/aof')
    expect(config.diagnostics).toEqual([
      {
        severity: 'error',
        file: '.github/aof',
        line: 1,
        message:
          "config-path '.github/aof' does not exist in memory; expected a directory of AOF YAML files (*.yaml, *.yml) or one YAML file (set the action's config-path input)"
      }
    ])
    expect(config.triggers).toEqual([])
  })

  it('may be one multi-document file', async () => {
    const config = await load({ 'aof.yaml': trigger('t', '  default_agent: a\n') + '---\n' + agent('a') }, {}, 'aof.yaml')
    expect(config.diagnostics).toEqual([])
    expect(config.files).toEqual(['aof.yaml'])
  })

  it('refuses a config-path outside the repository', async () => {
    const config = await load({}, {}, '../elsewhere')
    expect(errors(config).map((d) => d.message)).toEqual([
      "config-path '../elsewhere' is outside the repository; it must be a path inside it, e.g. .github/aof"
    ])
  })

  it('reads directories down to 8 levels and warns about deeper ones (a symlink loop?)', async () => {
    const config = await load({ 'aof/1/2/3/4/5/6/7/8/a.yaml': trigger('a'), 'aof/1/2/3/4/5/6/7/8/9/b.yaml': trigger('b') })
    expect(config.triggers.map((t) => t.name)).toEqual(['a'])
    expect(config.diagnostics.map((d) => [where(d), d.message])).toEqual([
      ['warning aof:1 -', 'directories more than 8 levels below aof are not read (a symbolic link loop?), e.g. aof/1/2/3/4/5/6/7/8/9']
    ])
  })

  it('warns when no GitHub Trigger is defined at all', async () => {
    const config = await load({ 'aof/a.yaml': agent('a') })
    expect(warnings(config).map((d) => [where(d), d.message])).toEqual([
      ['warning aof:1 -', 'no GitHub Trigger is defined under aof, so no event will be routed; add a kind: Trigger with spec.type: GitHub']
    ])
  })
})
