// schema/aof.schema.json: committed and current, deterministic, and in agreement with the loader.
// Each table row is one document, with what the loader says about it and whether the schema accepts
// it: editors must not flag what loads cleanly, and must flag what the loader rejects or warns about.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { strictDiagnostics } from '../../src/config/describe-diagnostic.js'
import type { Severity } from '../../src/config/types.js'
import { LIBRARY, load } from '../config/memory-source.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCRIPT = path.join(ROOT, 'scripts/update-json-schema.mjs')
const SCHEMA_PATH = path.join(ROOT, 'schema/aof.schema.json')
const EXAMPLES = path.join(ROOT, 'examples')

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default

function generator(...args: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Strict ajv, as a careful consumer would run it; the one editor keyword is declared. */
function compileSchema(): ValidateFunction {
  const ajv = addFormats(new Ajv({ allErrors: true, strictTypes: true, allowUnionTypes: true }))
  ajv.addKeyword({ keyword: 'deprecationMessage', schemaType: 'string' })
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)
}

/** Every YAML file under an example's .github/aof/, relative to examples/. */
function exampleConfigFiles(): string[] {
  return (readdirSync(EXAMPLES, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /(^|\/)\.github\/aof\/.*\.ya?ml$/.test(file))
    .sort()
}

describe('scripts/update-json-schema.mjs', () => {
  it('finds the committed schema current (--check, as CI runs it)', () => {
    const run = generator('--check')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('writes the same bytes on every run, so a re-run shows no diff', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'aof-schema-')), 'aof.schema.json')
    expect(generator('--out', out).status).toBe(0)
    const first = readFileSync(out, 'utf8')
    const again = generator('--check', '--out', out)
    expect(again.status).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(first)
    expect(first).toBe(readFileSync(SCHEMA_PATH, 'utf8'))
  })

  it('exits 1 with the command to run when the schema is stale or missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aof-schema-'))
    const stale = path.join(dir, 'stale.json')
    writeFileSync(stale, readFileSync(SCHEMA_PATH, 'utf8').replace('"minItems": 1', '"minItems": 2'))
    const run = generator('--check', '--out', stale)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('is stale')
    expect(run.stderr).toContain("Run 'node scripts/update-json-schema.mjs'")
    const missing = generator('--check', '--out', path.join(dir, 'missing.json'))
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('is missing')
  })
})

describe('schema/aof.schema.json', () => {
  let validate: ValidateFunction
  beforeAll(() => {
    validate = compileSchema()
  })

  const files = exampleConfigFiles()

  it('has example configs to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files)('accepts every document of examples/%s', (file) => {
    const docs = parseAllDocuments(readFileSync(path.join(EXAMPLES, file), 'utf8'))
    for (const doc of docs) {
      const valid = validate(doc.toJS())
      expect(valid ? [] : validate.errors).toEqual([])
    }
  })

  it('describes the fields editors show on hover', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { definitions: Record<string, any> }
    const events = schema.definitions.GitHubTrigger.properties.spec.properties.config.properties.github_events
    expect(events.description).toMatch(/^Event names this Trigger handles/)
    expect(events.description).toContain('Expected: a list of event names, e.g. [pull_request, issue_comment].')
    expect(events.items.enum).toEqual(expect.arrayContaining(['pull_request', 'issue_comment', '*']))
  })
})

type Loader = 'clean' | Severity

interface Row {
  what: string
  yaml: string
  /** Where the document sits under config-path `aof` (flat agents count only in an agents directory). */
  file?: string
  /** The worst diagnostic the loader gives this document. */
  loader: Loader
  /** The schema error it must raise (`instancePath keyword`); none: the schema accepts the document. */
  flags?: string
}

const trigger = (spec: string) => `apiVersion: aof.dev/v1
kind: Trigger
metadata:
  name: t
spec:
${spec}`

const agent = (spec: string) => `apiVersion: aof.dev/v1
kind: Agent
metadata:
  name: a
spec:
${spec}`

const fleet = (spec: string) => `apiVersion: aof.dev/v1
kind: AgentFleet
metadata:
  name: f
spec:
${spec}`

const flow = (nodes: string) => `apiVersion: aof.dev/v1
kind: AgentFlow
metadata:
  name: fl
spec:
  nodes:
${nodes}
  connections:
    - from: start
      to: n
`

const ROWS: Row[] = [
  // Loads cleanly (or with notices only): the schema accepts it.
  {
    what: 'a GitHub Trigger with every filter, commands and a default agent',
    yaml: trigger(`  type: GitHub
  enabled: true
  config:
    github_events: [pull_request, issue_comment]
    actions: [opened]
    repositories: ["myorg/*"]
    allowed_repos: [other/repo]
    branches: {target: [main]}
    allowed_users: [alice, "team:myorg/sre"]
    reply_on_refusal: true
    webhook_secret: \${GITHUB_WEBHOOK_SECRET}
  commands:
    /review: {agent: code-reviewer, description: Review}
    /deploy staging: {flow: deploy-flow, params: {require_approval: true, approvers: [lead]}}
    pull_request.opened: {fleet: review-fleet}
  default_agent: helper
`),
    loader: 'notice'
  },
  {
    what: 'a Trigger with commands and defaultAgent under spec.config, type written github',
    yaml: trigger(`  type: github
  config:
    github_events: ["*"]
    commands:
      /review: {agent: code-reviewer}
    defaultAgent: helper
`),
    loader: 'clean'
  },
  {
    what: 'a Slack Trigger, whose Slack fields are not read',
    yaml: trigger(`  type: Slack
  config:
    channels: ["#ops"]
    bot_token: \${SLACK_BOT_TOKEN}
`),
    loader: 'notice'
  },
  {
    what: 'an Agent with tools in all three forms',
    yaml: agent(`  model: google:gemini-2.5-flash
  instructions: Review.
  temperature: 0.2
  max_iterations: 5
  tools:
    - github_post_review
    - {name: github_post_comment, enabled: false, timeout_secs: 30}
    - {type: Shell, config: {allowed_commands: [ls]}}
  allow_approve: true
  allowed_labels: [bug]
  budget: {max_turns: 3}
  review: {mode: full}
`),
    loader: 'clean'
  },
  {
    what: 'an Agent without instructions (the loader does not require them)',
    yaml: agent('  model: google:gemini-2.5-flash\n'),
    loader: 'clean'
  },
  {
    what: "AOF's flat agent in an agents directory",
    file: 'aof/agents/flat.yaml',
    yaml: 'name: flat\nmodel: google:gemini-2.5-flash\nsystem_prompt: Help.\n',
    loader: 'clean'
  },
  {
    what: 'a Fleet (alias kind) with an inline member and a reference',
    yaml: `apiVersion: aof.dev/v1alpha1
kind: Fleet
metadata:
  name: f
spec:
  coordination: {mode: pipeline, aggregation: consensus}
  agents:
    - name: inline
      role: specialist
      spec: {model: google:gemini-2.5-flash, instructions: Look.}
    - name: code-reviewer
`,
    loader: 'clean'
  },
  {
    what: 'a Flow with Agent, Fleet and Approval nodes',
    yaml: flow(`    - {id: n, type: Agent, config: {agent: code-reviewer, input: go}}
    - {id: m, type: Fleet, config: {fleet: review-fleet}}
    - {id: o, type: Approval, config: {message: OK?}}
    - {id: p, type: Agent, config: {inline: {instructions: Hi.}}}`),
    loader: 'clean'
  },
  {
    what: "a DaemonConfig with AOF's server settings",
    yaml: `apiVersion: aof.dev/v1
kind: DaemonConfig
metadata:
  name: aof-daemon
spec:
  server: {port: 3000}
  platforms:
    github: {enabled: true, token_env: GITHUB_TOKEN, bot_name: aofbot}
    slack: {enabled: true}
  runtime: {max_concurrent_tasks: 10}
`,
    loader: 'notice'
  },
  { what: 'an AOF Workflow, which github-agent has no use for', yaml: 'apiVersion: aof.dev/v1\nkind: Workflow\nmetadata: {name: w}\n', loader: 'notice' },
  { what: 'a Kubernetes document that is not AOF at all', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n', loader: 'notice' },

  // Errors in the loader: the schema rejects them.
  {
    what: 'github_events written as a string',
    yaml: trigger('  type: GitHub\n  config:\n    github_events: pull_request\n'),
    loader: 'error',
    flags: '/spec/config/github_events type'
  },
  {
    what: 'a command with two targets',
    yaml: trigger('  type: GitHub\n  commands:\n    /review: {agent: code-reviewer, flow: deploy-flow}\n'),
    loader: 'error',
    flags: '/spec/commands/~1review oneOf'
  },
  {
    what: 'a command with no target',
    yaml: trigger('  type: GitHub\n  commands:\n    /review: {description: Review}\n'),
    loader: 'error',
    flags: '/spec/commands/~1review oneOf'
  },
  {
    what: 'a command without a name',
    yaml: trigger('  type: GitHub\n  commands:\n    "/": {agent: code-reviewer}\n'),
    loader: 'error',
    flags: '/spec/commands propertyNames'
  },
  {
    what: 'commands under spec and spec.config',
    yaml: trigger('  type: GitHub\n  config:\n    commands:\n      /a: {agent: helper}\n  commands:\n    /b: {agent: helper}\n'),
    loader: 'error',
    flags: '/spec/config/commands false schema'
  },
  {
    what: 'default_agent and defaultAgent both',
    yaml: trigger('  type: GitHub\n  default_agent: helper\n  defaultAgent: helper\n'),
    loader: 'error',
    flags: '/spec/defaultAgent false schema'
  },
  { what: 'a trigger type that is no platform', yaml: trigger('  type: Githb\n'), loader: 'error', flags: '/spec/type pattern' },
  {
    what: 'a Trigger without metadata.name',
    yaml: 'apiVersion: aof.dev/v1\nkind: Trigger\nmetadata: {}\nspec: {type: GitHub}\n',
    loader: 'error',
    flags: '/metadata required'
  },
  {
    what: 'an agent with a stdio and an http MCP server and an MCP tool of each form',
    yaml: agent(`  tools:
    - {name: echo, source: mcp, server: local}
    - type: MCP
      config: {name: kubectl, command: [npx, -y, "@modelcontextprotocol/server-kubectl"], timeout_seconds: 60}
  mcp_servers:
    - {name: local, transport: stdio, command: node, args: [server.js], env: {LEVEL: debug}, tools: [echo], timeout_secs: 10}
    - {name: remote, transport: http, endpoint: "https://mcp.example.com/mcp", headers: {Authorization: Bearer x}}
`),
    loader: 'clean'
  },
  { what: 'a stdio MCP server without command', yaml: agent('  mcp_servers:\n    - {name: s}\n'), loader: 'error', flags: '/spec/mcp_servers/0 required' },
  {
    what: 'an http MCP server without endpoint',
    yaml: agent('  mcp_servers:\n    - {name: s, transport: http}\n'),
    loader: 'error',
    flags: '/spec/mcp_servers/0 required'
  },
  { what: 'a temperature above 2', yaml: agent('  instructions: Hi.\n  temperature: 3\n'), loader: 'error', flags: '/spec/temperature maximum' },
  {
    what: 'instructions given twice',
    yaml: agent('  instructions: Hi.\n  system_prompt: Hello.\n'),
    loader: 'error',
    flags: '/spec/system_prompt false schema'
  },
  { what: 'a fleet without members', yaml: fleet('  agents: []\n'), loader: 'error', flags: '/spec/agents minItems' },
  {
    what: 'a fleet mode AOF does not have',
    yaml: fleet('  coordination: {mode: mesh}\n  agents: [{name: code-reviewer}]\n'),
    loader: 'error',
    flags: '/spec/coordination/mode enum'
  },
  {
    what: 'a consensus algorithm AOF does not have',
    yaml: fleet('  coordination: {consensus: {algorithm: vote}}\n  agents: [{name: code-reviewer}]\n'),
    loader: 'error',
    flags: '/spec/coordination/consensus/algorithm enum'
  },
  {
    what: 'a fleet member with both spec and config',
    yaml: fleet('  agents:\n    - {name: x, spec: {instructions: Hi.}, config: ./agents/x.yaml}\n'),
    loader: 'error',
    flags: '/spec/agents/0/config false schema'
  },
  { what: 'a Script node', yaml: flow('    - {id: n, type: Script, config: {script: ls}}'), loader: 'error', flags: '/spec/nodes/0/type enum' },
  {
    what: 'an Agent node naming no agent',
    yaml: flow('    - {id: n, type: Agent, config: {input: go}}'),
    loader: 'error',
    flags: '/spec/nodes/0/config anyOf'
  },
  { what: 'a kind that is not text', yaml: 'apiVersion: aof.dev/v1\nkind: 5\n', loader: 'error', flags: '/kind type' },

  // Warnings in the loader: yaml-language-server shows schema problems as warnings too.
  {
    what: 'an unknown key (a typo)',
    yaml: trigger('  type: GitHub\n  config:\n    github_event: [push]\n'),
    loader: 'warning',
    flags: '/spec/config additionalProperties'
  },
  {
    what: 'an event name GitHub does not have',
    yaml: trigger('  type: GitHub\n  config:\n    github_events: [pull_requests]\n'),
    loader: 'warning',
    flags: '/spec/config/github_events/0 enum'
  },
  { what: 'a misspelt kind', yaml: 'apiVersion: aof.dev/v1\nkind: Agnet\nmetadata: {name: a}\n', loader: 'warning', flags: '/kind enum' },
  {
    what: 'a known kind with a foreign apiVersion (AOF checks none)',
    yaml: 'apiVersion: v1\nkind: Agent\nmetadata: {name: a}\nspec: {}\n',
    loader: 'notice'
  },
  {
    what: 'a document without kind outside an agents directory',
    yaml: 'apiVersion: aof.dev/v1\nmetadata: {name: a}\n',
    loader: 'warning',
    flags: '/ required'
  },
  {
    what: 'platforms.github.allowed_repos in a DaemonConfig (shown by editors through deprecationMessage)',
    yaml: 'apiVersion: aof.dev/v1\nkind: DaemonConfig\nspec:\n  platforms:\n    github: {allowed_repos: [myorg/api]}\n',
    loader: 'warning'
  },
  {
    // The schema cannot know which directory a file is in; the loader's warning says where it belongs.
    what: 'a flat agent outside an agents directory',
    yaml: 'name: flat\nmodel: google:gemini-2.5-flash\n',
    loader: 'warning'
  },
  {
    what: 'a flow node with conditions (shown by editors through deprecationMessage)',
    yaml: flow('    - {id: n, type: End, conditions: [x]}'),
    loader: 'warning'
  }
]

const RANK: Record<Loader, number> = { clean: 0, notice: 1, warning: 2, error: 3 }

async function worstDiagnostic(file: string, yaml: string): Promise<{ worst: Loader; messages: string[] }> {
  const config = await load({ 'aof/lib.yaml': LIBRARY, [file]: yaml })
  // As `validate --strict` sees it: what skips a resource is an error, which the schema flags.
  const mine = strictDiagnostics(config.diagnostics).filter((d) => d.file === file)
  const worst = mine.reduce<Loader>((w, d) => (RANK[d.severity] > RANK[w] ? d.severity : w), 'clean')
  return { worst, messages: mine.map((d) => `${d.severity}: ${d.message}`) }
}

describe('the schema and the loader agree', () => {
  let validate: ValidateFunction
  beforeAll(() => {
    validate = compileSchema()
  })

  const title = (row: Row) => `${row.what}: the loader says ${row.loader}, the schema ${row.flags ? `flags ${row.flags}` : 'accepts it'}`

  it.each(ROWS.map((row) => [title(row), row] as const))('%s', async (_title, { yaml, file = 'aof/doc.yaml', loader, flags }) => {
    const { worst, messages } = await worstDiagnostic(file, yaml)
    expect({ worst, messages }).toEqual({ worst: loader, messages: expect.any(Array) })
    const valid = validate(parseAllDocuments(yaml)[0]?.toJS())
    const raised = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}`)
    if (flags === undefined) expect(raised).toEqual([])
    else expect({ valid, raised }).toEqual({ valid: false, raised: expect.arrayContaining([flags]) })
  })

  it.each([
    ['flow node conditions', (d: Record<string, any>) => d.AgentFlow.properties.spec.properties.nodes.items.properties.conditions, /Not used by github-agent/],
    ['HTTP tools', (d: Record<string, any>) => d.Tool.anyOf.find((o: any) => o.properties?.type), /HTTP tools cannot run in a job/],
    [
      'platforms.github.allowed_repos',
      (d: Record<string, any>) => d.DaemonConfig.properties.spec.properties.platforms.properties.github.properties.allowed_repos,
      /Not applied/
    ]
  ])('marks %s, which load with a warning, with a deprecationMessage (an editor warning)', (_what, find, message) => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { definitions: Record<string, any> }
    expect(find(schema.definitions).deprecationMessage).toMatch(message)
  })
})
