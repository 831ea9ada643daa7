// Writes schema/aof.schema.json: one JSON Schema (draft-07, what yaml-language-server reads) for
// every AOF document github-agent loads, generated from the zod schemas the loader itself uses
// (src/config/schemas/*.ts), plus the loader's own rules that zod does not express (exactly one
// target per command, kind dispatch, enums the readers check). Descriptions come from the table
// below; the expected form ("a list of event names, e.g. …") comes from each zod `error`.
//
//   node scripts/update-json-schema.mjs            rewrite the schema
//   node scripts/update-json-schema.mjs --check    exit 1 when the committed schema is stale (CI)
//   --out PATH                                     another file (tests)
//
// Unknown keys: the loader warns about them (and ignores them), so the schema flags them too
// (`additionalProperties: false` on every mapping whose keys the loader knows). yaml-language-server
// shows every schema problem as a warning, the same severity the loader uses. Free-form mappings
// (`params`, node `config`, `labels`) stay open, as in the loader. See docs/editor-setup.md.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { z } from 'zod'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SELF = 'node scripts/update-json-schema.mjs'
const SCHEMA_URL = 'https://raw.githubusercontent.com/aof/github-agent/v1/schema/aof.schema.json'

/** The loader modules the schema is built from (their relative imports are followed). */
const SOURCES = [
  'src/config/schemas/agent-schema.ts',
  'src/config/schemas/daemon-schema.ts',
  'src/config/schemas/fleet-schema.ts',
  'src/config/schemas/flow-schema.ts',
  'src/config/schemas/trigger-schema.ts',
  'src/config/classify-document.ts',
  'src/config/github-events.ts',
  'src/config/trigger-type.ts'
]

// Rules the readers apply after zod, as values. They are private to the readers, so they are
// repeated here; __tests__/schema/ loads documents through the loader to prove both agree.
const KINDS = ['Trigger', 'Agent', 'AgentFleet', 'Fleet', 'AgentFlow', 'Flow', 'DaemonConfig']
const UNUSED_KINDS = ['Workflow', 'Context'] // classify-document.ts: notice, not warning
const OTHER_TRIGGER_TYPES = ['Slack', 'Telegram', 'Discord', 'WhatsApp', 'Jira', 'PagerDuty', 'GitLab', 'Bitbucket', 'HTTP', 'Schedule', 'Manual']
const FLOW_NODE_TYPES = ['Agent', 'Fleet', 'Conditional', 'Approval', 'Response', 'Action', 'End', 'Join', 'Parallel'] // read-flow.ts RUNNABLE
const FLEET_MODES = ['peer', 'pipeline', 'hierarchical', 'tiered', 'deep', 'swarm']
const FLEET_STRATEGIES = ['parallel', 'sequential']
const FLEET_AGGREGATIONS = ['merge', 'consensus', 'manager_synthesis']
const FLEET_DISTRIBUTIONS = ['round-robin', 'least-loaded', 'random', 'skill-based', 'sticky']
const CONSENSUS_ALGORITHMS = ['majority', 'unanimous', 'weighted', 'first_wins', 'human_review']
const FINAL_AGGREGATIONS = ['consensus', 'merge', 'manager_synthesis']

// ---------------------------------------------------------------------------------------------
// Descriptions: what each field means here. Paths are dotted property names inside a definition;
// `[]` is a list item. The generator fails on a field without one, and on an entry that names no
// field, so a new zod field cannot ship undocumented.

const IGNORED = 'Ignored in a job'
const NOT_USED = 'Accepted as in AOF; not used by github-agent.'

const METADATA = {
  '': 'Names this resource; documents refer to each other by metadata.name.',
  name: 'The name other documents use for this one; unique among documents of the same kind.',
  namespace: NOT_USED,
  labels: 'Free-form labels, e.g. team: frontend. Values are text; numbers and booleans are read as written.',
  annotations: NOT_USED
}

const AGENT_SPEC = {
  '': 'The agent: its model, its instructions and the GitHub tools it may call.',
  model:
    "The model, as provider:model (anthropic:MODEL or google:MODEL, e.g. google:gemini-2.5-flash), or a bare model name with provider. Without one, the action's model input is used.",
  provider: 'The provider of a bare model name: anthropic or google.',
  instructions:
    'What the agent should do (its system prompt). {{ metadata.NAME }}, {{ params.NAME }} and {{ command.args }} are filled in. Give one of instructions, system_prompt or system.',
  system_prompt: "AOF's other spelling of instructions; give only one.",
  system: "AOF's other spelling of instructions; give only one.",
  tools:
    "The tools the agent may call, and no others: the github_* tools, AOF's built-in shell, files, git and CLI-program tools (those that run code only in a trusted run), and MCP tools from its mcp_servers. An unknown tool, or one whose program is not on PATH, is an error.",
  max_iterations: 'The most model turns the agent may take (default 10).',
  temperature: 'Sampling temperature, from 0 to 2.',
  max_tokens: 'The most tokens the model may write in one reply.',
  mcp_servers:
    "MCP servers whose tools the agent is offered (AOF's McpServerConfig). Started when the agent runs, stopped when it ends. A stdio server is a program on the runner: it starts only in a run that may execute code (never for a fork's pull request), with only PATH, HOME and the like plus its own env.",
  'mcp_servers.[].name': "The server's name, for MCP tools' server: and the job summary; unique in the agent.",
  'mcp_servers.[].transport': 'stdio (default): a program on the runner; http: streamable HTTP at endpoint; sse: the older HTTP+SSE transport.',
  'mcp_servers.[].command': 'stdio: the program, run without a shell (words are split, as in "kubectl-ai --mcp-server").',
  'mcp_servers.[].args': "stdio: the program's arguments. ${VAR} is taken from the step's env.",
  'mcp_servers.[].env':
    "stdio: the server's environment on top of PATH, HOME and the like; nothing else of the step's (no token, no model key) is passed. ${VAR} is taken from the step's env.",
  'mcp_servers.[].endpoint': 'http/sse: the URL; https, or http to localhost only.',
  'mcp_servers.[].url': "The docs' spelling of endpoint.",
  'mcp_servers.[].headers': 'http/sse: request headers, e.g. {Authorization: "Bearer ${MCP_TOKEN}"} (github-agent\'s addition; ${VAR} from the step\'s env).',
  'mcp_servers.[].tools':
    "Only these tools of the server are offered (with those named by {name, source: mcp} tools); default all. A name the server lacks fails the agent's run.",
  'mcp_servers.[].init_options': `${IGNORED}: the server is initialised with the MCP defaults.`,
  'mcp_servers.[].timeout_secs': 'Seconds for starting the server and for each call (default 30, at most 600).',
  'mcp_servers.[].auto_reconnect': `${IGNORED}: a server that stops fails its remaining calls.`,
  memory: `${IGNORED}: each event is a fresh job, so nothing persists between runs.`,
  max_context_messages: NOT_USED,
  output_schema: "A JSON Schema for the agent's final answer, kept as written.",
  allow_approve: 'true: the agent may submit APPROVE reviews. Otherwise an approval is posted as a comment review.',
  allowed_labels:
    'When given, exactly the labels the agent may add or remove. Without it the agent may remove no label, and may add only labels the repository has that no Trigger in the config reacts to (a Trigger that routes labeled or unlabeled events reacts to every label).',
  create_labels: 'true: labels the repository does not have yet may be created. Otherwise only existing labels (or those in allowed_labels) are added.',
  max_writes:
    'The most writes (comments, reviews, label and check-run changes) the agent may make in one run (default 10). Further write calls are refused and reported in the job summary.',
  max_tool_calls_per_turn:
    'The most tool calls the agent may make in one model reply (default 20). Further calls in that reply are refused and reported in the job summary.',
  budget: "This agent's limits, e.g. {max_turns: 5, max_tokens: 200000}. The action's max-turns and max-tokens inputs cap the whole run.",
  review:
    'Pull request review settings, e.g. {mode: incremental, max_reviews_per_day: 10}. incremental: after the first review, only what changed since the last reviewed commit; full: the whole pull request each time.',
  'review.mode': 'incremental (default): after the first review, only what changed since the last reviewed commit; full: the whole pull request each time.',
  'review.max_reviews_per_day': 'Reviews that call the model per pull request in any 24 hours (default 10); more are skipped with a note.'
}

const TOOL = {
  '': 'A tool name, or a mapping with the name and its settings.',
  name: 'The tool name.',
  enabled: 'false: the tool is listed but not given to the agent (default true).',
  config: 'Settings of the tool, as written.',
  timeout_secs: 'How many seconds a call of the tool may take.',
  source: "builtin (the default) or mcp: a tool of one of the agent's mcp_servers, which is then offered only the tools named this way (and in its tools:).",
  server: "The MCP server of an mcp tool: the name of one of the agent's mcp_servers (may be left out when it has one).",
  type: "An AOF tool type: Shell is AOF's shell tool (config: allowed_commands, working_directory, timeout_seconds, env); MCP: config {name, command (a program or a list), env, timeout_seconds} is a stdio MCP server; HTTP is an error (no HTTP tools in a job)."
}

const COMMANDS = {
  '': 'Commands and event keys, each bound to one agent, fleet or flow. A key starting with / is a slash-command (/review; with several words, /deploy production, the longest key wins); pull_request.opened or pull_request is an event key.'
}

const COMMAND_BINDING = {
  '': 'What the command runs: exactly one of agent, fleet or flow.',
  agent: 'The agent to run (its metadata.name).',
  fleet: 'The AgentFleet to run (its metadata.name).',
  flow: 'The AgentFlow to run (its metadata.name).',
  description: 'Shown by /help next to the command.',
  params:
    'Parameters for the target ({{ params.NAME }}) and the gate: require_approval: true with approvers: [logins or team:org/slug] waits for an /approve; permission: the repository role the sender needs, one of read, triage, write, maintain or admin (default write); review: review settings for this command.',
  'params.permission':
    'The repository role the sender of this command needs: read, triage, write, maintain or admin (default write). Any other value is a load error.'
}

const DEFAULT_AGENT = 'The agent for an event no command or event key matched (a comment reaches it only when it mentions @bot-name).'
const ONE_DEFAULT_AGENT = 'Give the default agent in one place only (default_agent or defaultAgent, under spec or spec.config).'

const GITHUB_TRIGGER = {
  '': 'A GitHub Trigger: which events and slash-commands this repository answers, and what each one runs. The first Trigger (by path, then document order) whose filters all hold handles an event.',
  metadata: 'metadata.name names the Trigger in the outputs and the job summary.',
  spec: 'What the Trigger listens to and what it runs.',
  'spec.type': `GitHub (any case). Triggers of other platforms (${OTHER_TRIGGER_TYPES.join(', ')}) are reported as ignored: only GitHub events reach a GitHub Action.`,
  'spec.enabled': 'false: the Trigger handles no event (default true); names it refers to that do not exist are then warnings, not errors.',
  'spec.config': 'GitHub filters: an event is handled only when every filter given holds.',
  'spec.config.github_events': "Event names this Trigger handles (the workflow's event, e.g. pull_request, issue_comment). * or no list: any event.",
  'spec.config.actions': 'Payload actions this Trigger handles (e.g. opened, synchronize, created). * or no list: any action.',
  'spec.config.repositories':
    'Repositories this Trigger handles, as owner/repo patterns: exact (myorg/api), a whole organisation (myorg/*) or a prefix (myorg/web-*). No list: any repository.',
  'spec.config.allowed_repos': 'More owner/repo patterns for the same filter as repositories (the two lists are joined).',
  'spec.config.branches': 'Branch names or globs: the pushed branch for push, the base branch for pull request events. No list: any branch.',
  'spec.config.branches.target': 'The branches, in the {target: [...]} form AOF also accepts.',
  'spec.config.allowed_users':
    'GitHub logins (or team:org/slug) whose events this Trigger handles; events from anyone else are ignored and logged. Bots are ignored unless listed here, e.g. dependabot[bot].',
  'spec.config.webhook_secret': `${IGNORED}: GitHub delivers the event to the workflow, so there is no webhook to verify. Accepted so an AOF daemon config loads unchanged.`,
  'spec.config.reply_on_refusal':
    'true: a refused slash-command (e.g. the sender may not run it) gets a short reply on the thread; otherwise the reason is only in the job summary.',
  'spec.config.commands': 'The same as spec.commands (where the reference page puts it); give commands in one place only.',
  'spec.config.default_agent': `${DEFAULT_AGENT} ${ONE_DEFAULT_AGENT}`,
  'spec.config.defaultAgent': `AOF's camelCase spelling of default_agent. ${ONE_DEFAULT_AGENT}`,
  'spec.commands': COMMANDS[''],
  'spec.default_agent': `${DEFAULT_AGENT} ${ONE_DEFAULT_AGENT}`,
  'spec.defaultAgent': `AOF's camelCase spelling of default_agent. ${ONE_DEFAULT_AGENT}`
}

const AGENT = {
  '': 'An agent: a model with instructions and GitHub tools, run by a Trigger command, a fleet or a flow.',
  metadata: METADATA[''],
  spec: AGENT_SPEC['']
}

const FLAT_AGENT = {
  '': "AOF's flat agent form: name and model at the top, no apiVersion or kind. Read only in an agents directory.",
  name: 'The agent name, used by Trigger commands, fleets and flows.',
  ...Object.fromEntries(Object.entries(AGENT_SPEC).filter(([key]) => key !== ''))
}

const MEMBER = 'spec.agents.[]'
const FLEET = {
  '': 'A fleet: several agents on one event, coordinated as AOF does: peer, pipeline, hierarchical, tiered, deep or swarm; one merged publication.',
  metadata: METADATA[''],
  spec: 'The members and how they work together.',
  'spec.agents': 'The members: a defined agent by name ({name: code-reviewer}), or an inline agent ({name: security-reviewer, spec: {...}}).',
  [`${MEMBER}.name`]: 'The member name; without spec, the name of a defined agent.',
  [`${MEMBER}.spec`]: 'An inline agent for this member (the fields of an Agent spec). Give spec or config, not both.',
  [`${MEMBER}.config`]: "The member's agent YAML file, relative to this file, as in AOF. Give spec or config, not both.",
  [`${MEMBER}.replicas`]: `${IGNORED}: each member runs once per event.`,
  [`${MEMBER}.role`]: 'worker (the default), manager, specialist or validator. Without coordination.manager, the first manager manages.',
  [`${MEMBER}.labels`]: NOT_USED,
  [`${MEMBER}.tier`]: 'Tiered mode: the tier this member runs in (default 1); tiers run in ascending order.',
  [`${MEMBER}.weight`]: "Weighted consensus: how much this member's vote counts (default 1.0; consensus.weights take precedence).",
  'spec.coordination': 'How the members work together.',
  'spec.coordination.mode':
    'peer (default): members in parallel; pipeline: one after another; hierarchical: the manager delegates, the others work, the manager synthesizes; tiered: tiers in order, consensus passed up; deep: the first member plans, runs each step, synthesizes; swarm: one member (the first) takes the event.',
  'spec.coordination.aggregation':
    'Peer and pipeline: merge (every answer, merged; the default) or consensus (the answer most members agree on; a peer fleet with coordination.consensus and no aggregation votes, as in AOF). manager_synthesis: hierarchical only.',
  'spec.coordination.distribution': `${IGNORED}: each event is one task; every member the mode calls on runs once.`,
  'spec.coordination.consensus': 'How members vote (peer with aggregation consensus; every tier without its own tier_consensus).',
  'spec.coordination.consensus.algorithm': 'majority (default): more than half (or min_votes); unanimous; weighted; first_wins; human_review (never decides).',
  'spec.coordination.consensus.min_votes': 'Majority: the votes needed (default: more than half of the members that answered).',
  'spec.coordination.consensus.timeout_ms': `${IGNORED}: AOF's runtime does not read it either; each member runs within its own limits.`,
  'spec.coordination.consensus.allow_partial': `${IGNORED}: AOF's runtime does not read it either; a member that fails has no vote.`,
  'spec.coordination.consensus.weights': "Weighted: member name -> weight (default: the member's weight, else 1.0).",
  'spec.coordination.consensus.min_confidence': 'Weighted: the share of weight needed (default 0.5). Majority: below it the result is flagged for review.',
  'spec.coordination.manager':
    'The managing member (hierarchical; tiered with final_aggregation manager_synthesis). Default: the first member with role manager.',
  'spec.coordination.tiered': 'Tiered mode settings.',
  'spec.coordination.tiered.tier_consensus': 'Consensus per tier, keyed by tier number ("1"); a tier without one uses coordination.consensus.',
  'spec.coordination.tiered.tier_consensus.{}.algorithm': 'As coordination.consensus.algorithm.',
  'spec.coordination.tiered.tier_consensus.{}.min_votes': 'As coordination.consensus.min_votes.',
  'spec.coordination.tiered.tier_consensus.{}.timeout_ms': 'As coordination.consensus.timeout_ms.',
  'spec.coordination.tiered.tier_consensus.{}.allow_partial': 'As coordination.consensus.allow_partial.',
  'spec.coordination.tiered.tier_consensus.{}.weights': 'As coordination.consensus.weights.',
  'spec.coordination.tiered.tier_consensus.{}.min_confidence': 'As coordination.consensus.min_confidence.',
  'spec.coordination.tiered.pass_all_results': "true: the next tier gets every member's answer and the consensus; false (default): the consensus answer only.",
  'spec.coordination.tiered.final_aggregation':
    "consensus (default): the last tier's consensus decides; merge: every tier's findings, the strictest verdict; manager_synthesis: the manager synthesizes all tiers.",
  'spec.coordination.deep': 'Deep mode settings.',
  'spec.coordination.deep.max_iterations': 'The most plan steps run (default 10).',
  'spec.coordination.deep.planning': 'true (default): the first member plans steps first; false: the event is one step.',
  'spec.coordination.deep.memory': "true (default): each step is given the earlier steps' findings.",
  'spec.coordination.deep.planner_model': `${IGNORED}: AOF plans with the first member's model too.`,
  'spec.coordination.deep.planner_prompt': 'Instructions for the planning step (default: a JSON plan of 3-7 steps).',
  'spec.coordination.deep.synthesizer_prompt': 'Instructions for the synthesis (default: CONCLUSION, EVIDENCE, RECOMMENDATIONS).',
  'spec.strategy': "AOF's other way to write the mode: parallel (peer) or sequential (pipeline).",
  'spec.aggregation': 'The same as coordination.aggregation.',
  'spec.description': 'Free text.',
  'spec.shared': `${IGNORED}: members share no memory in a job.`,
  'spec.communication': `${IGNORED}: members do not message each other in a job.`,
  'spec.scaling': `${IGNORED}: each event is one job; scale with concurrency: in the workflow.`
}

const NODE = 'spec.nodes.[]'
const CONNECTION = 'spec.connections.[]'
const FLOW = {
  '': "A flow: nodes joined by connections, run from start; a connection's when decides whether it is followed.",
  metadata: METADATA[''],
  spec: 'The nodes and the connections between them.',
  'spec.description': 'Free text.',
  'spec.nodes': 'The steps of the flow.',
  [`${NODE}.id`]: 'The node id, unique in the flow; connections and ${id.output.FIELD} refer to it.',
  [`${NODE}.type`]:
    'Agent (config.agent or config.inline, config.input), Fleet (config.fleet), Conditional, Approval (config.message, approvers, timeout_seconds), Response (config.message), Action, End, Join or Parallel. Script, Transform, HTTP, Slack, Discord and Wait nodes cannot run in a job.',
  [`${NODE}.config`]: 'The settings of the node, by its type.',
  [`${NODE}.action`]: "An Action node's action written beside config (workflow_dispatch, comment, add_labels, check_run); the same as config.action.",
  [`${NODE}.conditions`]: "Not used by github-agent; put the condition on a connection's when.",
  'spec.connections': 'Edges between nodes; from: start (or trigger) is the entry.',
  [`${CONNECTION}.from`]: 'A node id, or start (also trigger) for the entry.',
  [`${CONNECTION}.to`]: 'A node id.',
  [`${CONNECTION}.when`]: 'The condition for following this edge, e.g. "${review.output.approved} == true"; ==, !=, <, >, &&, || and ! are allowed.',
  'spec.context': NOT_USED,
  'spec.config': NOT_USED
}

const RESOURCES = { triggers: 'Trigger', agents: 'Agent', fleets: 'AgentFleet', flows: 'AgentFlow' }
const DAEMON = {
  '': "AOF's daemon configuration. A job reads only platforms.github.bot_name and, when this file is at the top of config-path, the directories of triggers, agents, fleets and flows; the rest serves AOF's server and is reported as ignored.",
  metadata: NOT_USED,
  'metadata.name': NOT_USED,
  'metadata.labels': NOT_USED,
  spec: 'Platforms and where the other documents are.',
  'spec.server': `${IGNORED}: no HTTP server runs; GitHub Actions delivers each event to the workflow.`,
  'spec.platforms': 'Platforms; only github is read.',
  'spec.platforms.github': 'GitHub platform settings.',
  'spec.platforms.github.enabled': `${IGNORED}: the workflow decides when github-agent runs.`,
  'spec.platforms.github.token': `${IGNORED}: the action uses its github-token input.`,
  'spec.platforms.github.token_env': `${IGNORED}: the action uses its github-token input.`,
  'spec.platforms.github.webhook_secret': `${IGNORED}: GitHub delivers the event to the job; there is no webhook to verify.`,
  'spec.platforms.github.webhook_secret_env': `${IGNORED}: GitHub delivers the event to the job; there is no webhook to verify.`,
  'spec.platforms.github.bot_name':
    'The login the action answers to in mentions: @aofbot review is the same as /review. Wins over the default of the bot-name input.',
  'spec.platforms.github.allowed_repos': "Not applied by github-agent; list the repositories in each Trigger's spec.config.repositories.",
  'spec.platforms.github.allowed_orgs': `${IGNORED} (AOF never applied it either); use repositories: ["org/*"] in a Trigger.`,
  ...Object.fromEntries(
    ['slack', 'discord', 'telegram', 'whatsapp', 'jira', 'gitlab', 'bitbucket'].map((p) => [
      `spec.platforms.${p}`,
      `${IGNORED}: only GitHub events reach a GitHub Action.`
    ])
  ),
  ...Object.fromEntries(
    Object.entries(RESOURCES).flatMap(([dir, kind]) => [
      [`spec.${dir}`, `Where the ${kind} documents are.`],
      [
        `spec.${dir}.directory`,
        `The directory of ${kind} YAML, relative to this file, inside the repository. Read when this file is at the top of config-path.`
      ],
      [`spec.${dir}.watch`, `${IGNORED}: hot reload needs a running daemon; a job reads the config once.`]
    ])
  ),
  'spec.flows.enabled': 'false: the flows directory is not read.',
  'spec.runtime': `${IGNORED}: each event is its own job; limit parallel runs with concurrency: in the workflow.`
}

const DESCRIPTIONS = {
  GitHubTrigger: GITHUB_TRIGGER,
  Commands: COMMANDS,
  CommandBinding: COMMAND_BINDING,
  Agent: AGENT,
  FlatAgent: FLAT_AGENT,
  AgentSpec: AGENT_SPEC,
  Tool: TOOL,
  AgentFleet: FLEET,
  AgentFlow: FLOW,
  DaemonConfig: DAEMON,
  Metadata: METADATA
}

/** Known fields the loader warns about: yaml-language-server shows `deprecationMessage` as a warning. */
const WARNED = {
  AgentFlow: { [`${NODE}.conditions`]: FLOW[`${NODE}.conditions`] },
  DaemonConfig: { 'spec.platforms.github.allowed_repos': DAEMON['spec.platforms.github.allowed_repos'] }
}

// ---------------------------------------------------------------------------------------------
// Loading the TypeScript schemas: each file is transpiled on its own (the project builds with
// isolatedModules, so this is exact) into a folder under node_modules/.cache, where `zod`
// resolves to the same package this script imports. No type check: tsc does that elsewhere.

function transpile(outDir) {
  const queue = [...SOURCES]
  const done = new Set()
  while (queue.length > 0) {
    const file = queue.pop()
    if (done.has(file)) continue
    done.add(file)
    let source
    try {
      source = readFileSync(join(root, file), 'utf8')
    } catch {
      throw new Error(`cannot read ${file} (imported by the schemas); update SOURCES in ${SELF.split(' ')[1]}`)
    }
    for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
      if (fileName.startsWith('.')) queue.push(posix.join(posix.dirname(file), fileName.replace(/\.js$/, '.ts')))
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, isolatedModules: true }
    })
    const target = join(outDir, file.replace(/\.ts$/, '.js'))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, outputText)
  }
}

async function loadModules() {
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(join(cache, 'github-agent-json-schema-'))
  try {
    writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n')
    transpile(outDir)
    const load = (file) => import(pathToFileURL(join(outDir, file.replace(/\.ts$/, '.js'))).href)
    const [agent, daemon, fleet, flow, trigger, classify, events, triggerType] = await Promise.all(SOURCES.map(load))
    return { agent, daemon, fleet, flow, trigger, classify, events, triggerType }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

/** Built-in tool names, offered by editors as completions (the loader accepts any name). */
function builtinToolNames() {
  const dir = join(root, 'src/github/tools')
  const names = new Set()
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/\bname: '(github_[a-z_]+)'/g)) names.add(match[1])
  }
  if (names.size === 0) throw new Error("found no built-in tool names (name: 'github_…') under src/github/tools")
  return [...names].sort()
}

// ---------------------------------------------------------------------------------------------
// Building the schema.

function unwrap(schema) {
  let current = schema
  while (current._zod.def.innerType) current = current._zod.def.innerType
  return current
}

/** Checks this script's copies of the readers' rules against what the modules export. */
function checkRules({ classify, triggerType }) {
  const problems = []
  for (const type of OTHER_TRIGGER_TYPES) {
    if (triggerType.classifyTriggerType(type).kind !== 'other') problems.push(`trigger type ${type} is not one classifyTriggerType ignores`)
  }
  for (const type of triggerType.TRIGGER_TYPES.split(', ')) {
    if (type !== 'GitHub' && !OTHER_TRIGGER_TYPES.includes(type)) problems.push(`trigger type ${type} (TRIGGER_TYPES) is missing from OTHER_TRIGGER_TYPES`)
  }
  for (const kind of KINDS) {
    const c = classify.classifyDocument({ kind, apiVersion: classify.API_VERSIONS[0] }, 'x.yaml', false)
    if (!('kind' in c)) problems.push(`kind ${kind} is not one classifyDocument reads`)
  }
  for (const kind of UNUSED_KINDS) {
    const c = classify.classifyDocument({ kind }, 'x.yaml', false)
    if (!('skip' in c) || c.skip.severity !== 'notice') problems.push(`kind ${kind} is not one classifyDocument ignores with a notice`)
  }
  if (problems.length > 0) throw new Error(`the generator's copy of the loader rules is out of date:\n  ${problems.join('\n  ')}`)
}

/** zod → JSON Schema, one definition per registered id; `x-form` carries each zod `error` text. */
function zodDefinitions(m) {
  const registry = z.registry()
  const triggerSpec = m.trigger.triggerSchema.shape.spec
  const commands = unwrap(triggerSpec.shape.commands)
  const ids = {
    GitHubTrigger: m.trigger.triggerSchema,
    Commands: commands,
    CommandBinding: commands._zod.def.valueType,
    Agent: m.agent.agentSchema,
    FlatAgent: m.agent.flatAgentSchema,
    AgentSpec: m.agent.agentSpecSchema,
    Tool: unwrap(m.agent.agentSpecSchema.shape.tools)._zod.def.element,
    AgentFleet: m.fleet.fleetSchema,
    AgentFlow: m.flow.flowSchema,
    DaemonConfig: m.daemon.daemonSchema,
    Metadata: m.trigger.triggerSchema.shape.metadata
  }
  for (const [id, schema] of Object.entries(ids)) {
    if (!schema?._zod) throw new Error(`cannot find the zod schema for ${id}; the schema files changed shape, update zodDefinitions()`)
    registry.add(schema, { id })
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => `#/definitions/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def
      if (typeof def.error === 'function') {
        const form = def.error({})
        if (typeof form === 'string' && form !== '') jsonSchema['x-form'] = form
      }
      // Strip-mode objects: the loader warns about keys it does not know (find-unknown-keys.ts).
      if (def.type === 'object' && !def.catchall) jsonSchema.additionalProperties = false
    }
  })
  // A copy, so that no two places share one object (zod may reuse the JSON of a reused schema).
  const definitions = JSON.parse(JSON.stringify(schemas))
  for (const schema of Object.values(definitions)) {
    delete schema.$schema
    delete schema.$id
  }
  return definitions
}

/**
 * The sub-schema at a dotted path (`spec.config.github_events`, `[]` for items, `{}` for values).
 * A union on the way is entered through its mapping or list option.
 */
function at(definitions, id, path) {
  let node = definitions[id]
  for (const step of path === '' ? [] : path.split('.')) {
    node = step === '[]' ? node?.items : step === '{}' ? node?.additionalProperties : node?.properties?.[step]
    if (node?.anyOf && !node.type) node = node.anyOf.find((option) => option.type === 'object' || option.type === 'array') ?? node
  }
  if (!node || typeof node !== 'object') throw new Error(`${id} has no ${path || 'root'}; the zod schemas changed, update the generator`)
  return node
}

function sentence(form) {
  return `Expected: ${form.replace(/\.$/, '')}.`
}

/**
 * Every property gets its meaning from DESCRIPTIONS plus the zod expected form; list items and
 * map values get the form. Unused entries and undocumented properties are errors.
 */
function describe(definitions) {
  const missing = []
  const used = new Set()
  const visit = (id, node, path, meaning) => {
    if (!node || typeof node !== 'object') return
    const form = node['x-form']
    delete node['x-form']
    const text = [meaning, form && !(meaning ?? '').includes(form) ? sentence(form) : null].filter(Boolean).join('\n\n')
    if (text) node.description = text
    const child = (key) => (path === '' ? key : `${path}.${key}`)
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      const name = child(key)
      const known = Object.hasOwn(DESCRIPTIONS[id], name)
      if (known) used.add(`${id}:${name}`)
      else if (key !== 'apiVersion' && key !== 'kind') missing.push(`${id} ${name}`)
      visit(id, value, name, known ? DESCRIPTIONS[id][name] : undefined)
    }
    if (node.items) visit(id, node.items, child('[]'))
    if (node.additionalProperties && typeof node.additionalProperties === 'object') visit(id, node.additionalProperties, child('{}'))
    for (const option of node.anyOf ?? []) {
      // A union's options share its path; only their own fields are described.
      delete option['x-form']
      visit(id, option, path, undefined)
      delete option.description
    }
  }
  for (const id of Object.keys(definitions)) {
    if (!DESCRIPTIONS[id]) throw new Error(`no DESCRIPTIONS entry for the definition ${id}`)
    used.add(`${id}:`)
    visit(id, definitions[id], '', DESCRIPTIONS[id][''])
  }
  const unused = Object.entries(DESCRIPTIONS).flatMap(([id, table]) =>
    Object.keys(table)
      .filter((p) => !used.has(`${id}:${p}`))
      .map((p) => `${id} ${p}`)
  )
  if (missing.length > 0 || unused.length > 0) {
    throw new Error(
      [
        missing.length > 0 ? `fields without a description (add them to DESCRIPTIONS):\n  ${missing.join('\n  ')}` : '',
        unused.length > 0 ? `DESCRIPTIONS entries that name no field:\n  ${unused.join('\n  ')}` : ''
      ]
        .filter(Boolean)
        .join('\n')
    )
  }
}

/** A subschema about a mapping; ajv's strict mode wants the type stated next to object keywords. */
const object = (keywords) => ({ type: 'object', ...keywords })

const caseless = (word) => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('')

/** The loader's rules beyond zod, each where the reader applies it. */
function addLoaderRules(definitions, m, tools) {
  const envelope = (id, kinds, description) => {
    const node = definitions[id]
    // AOF never checks apiVersion, and neither does the loader (a notice at most): any text is valid.
    node.properties.apiVersion = {
      type: 'string',
      examples: [...m.classify.API_VERSIONS],
      description: "aof.dev/v1, as AOF writes it; AOF checks no apiVersion, so any spelling loads (a notice names one AOF's files do not use)."
    }
    node.properties.kind = kinds.length === 1 ? { const: kinds[0], description } : { enum: kinds, description }
  }
  envelope('GitHubTrigger', ['Trigger'], 'Trigger.')
  envelope('Agent', ['Agent'], 'Agent.')
  envelope('AgentFleet', ['AgentFleet', 'Fleet'], 'AgentFleet (AOF also writes Fleet).')
  envelope('AgentFlow', ['AgentFlow', 'Flow'], 'AgentFlow (AOF also writes Flow).')
  envelope('DaemonConfig', ['DaemonConfig'], 'DaemonConfig.')
  // A flat agent is a document without kind; its apiVersion, if any, is not read.
  delete definitions.FlatAgent.properties.kind
  definitions.FlatAgent.properties.apiVersion = { description: 'Not read in the flat form.' }
  definitions.FlatAgent.required = [...new Set([...(definitions.FlatAgent.required ?? []), 'name', 'model'])]

  // read-trigger.ts
  Object.assign(at(definitions, 'GitHubTrigger', 'spec.type'), { pattern: `^${caseless('GitHub')}$`, examples: ['GitHub'] })
  Object.assign(at(definitions, 'GitHubTrigger', 'spec.config.github_events.[]'), { enum: [...[...m.events.GITHUB_EVENTS].sort(), '*'] })
  const spec = at(definitions, 'GitHubTrigger', 'spec')
  const config = at(definitions, 'GitHubTrigger', 'spec.config')
  // "given twice" errors: the second spelling is a key that is not allowed next to the first.
  const noDefaultAgentIn = (where) => ({ [where]: object({ properties: { default_agent: false, defaultAgent: false } }) })
  spec.dependencies = {
    commands: object({ properties: { config: object({ properties: { commands: false } }) } }),
    default_agent: object({ properties: { defaultAgent: false, ...noDefaultAgentIn('config') } }),
    defaultAgent: object({ properties: noDefaultAgentIn('config') })
  }
  config.dependencies = { default_agent: object({ properties: { defaultAgent: false } }) }
  definitions.Commands.propertyNames = {
    type: 'string',
    pattern: '^(?!/?\\s*$)',
    description: 'A command (/review) or an event key (pull_request.opened); not empty.'
  }
  definitions.CommandBinding.oneOf = ['agent', 'fleet', 'flow'].map((target) => object({ required: [target] }))

  // build-agent-def.ts
  definitions.AgentSpec.dependencies = definitions.FlatAgent.dependencies = {
    instructions: object({ properties: { system_prompt: false, system: false } }),
    system_prompt: object({ properties: { system: false } })
  }
  const toolName = definitions.Tool.anyOf.find((option) => option.type === 'string')
  if (!toolName) throw new Error('Tool has no plain-name option; update the generator')
  toolName.examples = tools
  const typedTool = definitions.Tool.anyOf.find((option) => option.properties?.type)
  if (!typedTool) throw new Error('Tool has no {type, config} option; update the generator')
  typedTool.deprecationMessage =
    "type: Shell is AOF's shell tool; type: MCP is read as an MCP server; HTTP tools cannot run in a job (an error when the config loads)."

  // read-mcp-servers.ts: what each transport needs, and what it does not use.
  for (const id of ['AgentSpec', 'FlatAgent']) {
    at(definitions, id, 'mcp_servers.[]').allOf = [
      {
        if: object({ properties: { transport: { enum: ['http', 'sse'] } }, required: ['transport'] }),
        then: object({ anyOf: [{ required: ['endpoint'] }, { required: ['url'] }], properties: { command: false, args: false, env: false } }),
        else: object({ required: ['command'], properties: { endpoint: false, url: false, headers: false } })
      }
    ]
  }

  // read-fleet.ts
  Object.assign(at(definitions, 'AgentFleet', 'spec.coordination.mode'), { enum: FLEET_MODES })
  Object.assign(at(definitions, 'AgentFleet', 'spec.coordination.aggregation'), { enum: FLEET_AGGREGATIONS })
  Object.assign(at(definitions, 'AgentFleet', 'spec.aggregation'), { enum: FLEET_AGGREGATIONS })
  Object.assign(at(definitions, 'AgentFleet', 'spec.strategy'), { enum: FLEET_STRATEGIES })
  Object.assign(at(definitions, 'AgentFleet', 'spec.coordination.distribution'), { enum: FLEET_DISTRIBUTIONS })
  Object.assign(at(definitions, 'AgentFleet', 'spec.coordination.consensus.algorithm'), { enum: CONSENSUS_ALGORITHMS })
  Object.assign(at(definitions, 'AgentFleet', 'spec.coordination.tiered.tier_consensus.{}.algorithm'), { enum: CONSENSUS_ALGORITHMS })
  Object.assign(at(definitions, 'AgentFleet', 'spec.coordination.tiered.final_aggregation'), { enum: FINAL_AGGREGATIONS })
  at(definitions, 'AgentFleet', MEMBER).dependencies = { spec: object({ properties: { config: false } }) }

  // read-flow.ts: node types, and what an Agent or Fleet node needs.
  const node = at(definitions, 'AgentFlow', NODE)
  Object.assign(node.properties.type, { enum: FLOW_NODE_TYPES })
  const named = (description) => ({ type: 'string', minLength: 1, description })
  const isType = (type) => object({ required: ['type'], properties: { type: { const: type } } })
  node.allOf = [
    {
      if: isType('Agent'),
      then: object({
        required: ['config'],
        properties: {
          config: object({
            anyOf: [
              object({ required: ['agent'], properties: { agent: named('The agent to run (its metadata.name).') } }),
              object({ required: ['inline'], properties: { inline: object({ description: 'An inline agent spec.' }) } })
            ]
          })
        }
      })
    },
    {
      if: isType('Fleet'),
      then: object({
        required: ['config'],
        properties: { config: object({ required: ['fleet'], properties: { fleet: named('The fleet to run (its metadata.name).') } }) }
      })
    }
  ]

  for (const [id, fields] of Object.entries(WARNED)) {
    for (const [path, message] of Object.entries(fields)) at(definitions, id, path).deprecationMessage = message
  }
}

/** The document root: dispatch on kind as classify-document.ts and load-document.ts do. */
function rootSchema(definitions, m) {
  const ref = (id) => ({ $ref: `#/definitions/${id}` })
  const isKind = (...kinds) => object({ required: ['kind'], properties: { kind: kinds.length === 1 ? { const: kinds[0] } : { enum: kinds } } })
  const otherPlatform = `^(${OTHER_TRIGGER_TYPES.map(caseless).join('|')})$`
  const known = KINDS.filter((k) => k !== 'Fleet' && k !== 'Flow')
  definitions.Trigger = {
    description: 'A Trigger. One of another platform (Slack, Schedule, …) is reported as ignored and nothing else in it is read.',
    if: object({ required: ['spec'], properties: { spec: object({ required: ['type'], properties: { type: { type: 'string', pattern: otherPlatform } } }) } }),
    else: ref('GitHubTrigger')
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URL,
    title: 'AOF configuration for github-agent',
    description:
      'One AOF document (apiVersion aof.dev/v1): a Trigger, Agent, AgentFleet, AgentFlow or DaemonConfig, as github-agent loads it. Generated from the loader by scripts/update-json-schema.mjs.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: `The AOF API version: ${m.classify.API_VERSIONS.join(', ')}.`, examples: [m.classify.API_VERSIONS[0]] },
      kind: { type: 'string', description: `What the document is: ${known.join(', ')}.`, examples: known }
    },
    allOf: [
      { if: isKind('Trigger'), then: ref('Trigger') },
      { if: isKind('Agent'), then: ref('Agent') },
      { if: isKind('AgentFleet', 'Fleet'), then: ref('AgentFleet') },
      { if: isKind('AgentFlow', 'Flow'), then: ref('AgentFlow') },
      { if: isKind('DaemonConfig'), then: ref('DaemonConfig') },
      // Without kind only AOF's flat agent form is read (name and model at the top level).
      {
        if: object({ not: object({ required: ['kind'] }) }),
        then: {
          if: object({ required: ['name', 'model'], properties: { name: { type: 'string' } } }),
          then: ref('FlatAgent'),
          else: object({ required: ['kind'] })
        }
      },
      // An unknown kind is skipped with a warning, unless it is an AOF kind github-agent has no use
      // for, or the document is not AOF's at all (another apiVersion): then only a notice.
      {
        if: object({
          required: ['kind'],
          properties: { kind: { not: { enum: [...KINDS, ...UNUSED_KINDS] } } },
          not: object({ required: ['apiVersion'], properties: { apiVersion: { not: { enum: [...m.classify.API_VERSIONS] } } } })
        }),
        then: object({ properties: { kind: { enum: KINDS } } })
      }
    ],
    definitions
  }
}

export async function buildSchema() {
  const modules = await loadModules()
  checkRules(modules)
  const definitions = zodDefinitions(modules)
  describe(definitions)
  addLoaderRules(definitions, modules, builtinToolNames())
  return rootSchema(definitions, modules)
}

// ---------------------------------------------------------------------------------------------
// Output: keywords in one fixed order (field names keep the zod order), so a re-run is byte-equal.

const ORDER = [
  '$schema',
  '$id',
  '$ref',
  'title',
  'description',
  'deprecationMessage',
  'type',
  'const',
  'enum',
  'pattern',
  'minLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'propertyNames',
  'required',
  'additionalProperties',
  'dependencies',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'examples',
  'definitions'
]
const MAPS = new Set(['properties', 'definitions', 'dependencies'])

function canonical(value, isMap = false) {
  if (Array.isArray(value)) return value.map((item) => canonical(item))
  if (typeof value !== 'object' || value === null) return value
  const keys = Object.keys(value)
  if (!isMap) {
    const rank = (key) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length)
    keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  }
  const out = {}
  for (const key of keys) out[key] = canonical(value[key], !isMap && MAPS.has(key))
  return out
}

export function renderSchema(schema) {
  return `${JSON.stringify(canonical(schema), null, 2)}\n`
}

function option(args, name, fallback) {
  const at = args.indexOf(name)
  if (at === -1) return fallback
  const value = args[at + 1]
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a path`)
  return value
}

async function main(args) {
  const outPath = option(args, '--out', join(root, 'schema', 'aof.schema.json'))
  const show = relative(process.cwd(), outPath) || outPath
  const text = renderSchema(await buildSchema())
  let committed
  try {
    committed = readFileSync(outPath, 'utf8')
  } catch {
    committed = null
  }
  if (args.includes('--check')) {
    if (committed !== text) {
      const why = committed === null ? 'is missing' : 'is stale: it differs from what src/config/schemas/ generates'
      process.stderr.write(`${show} ${why}. Run '${SELF}' and commit ${show}.\n`)
      return 1
    }
    process.stdout.write(`${show} matches src/config/schemas/\n`)
    return 0
  }
  if (committed !== text) {
    mkdirSync(dirname(outPath), { recursive: true })
    writeFileSync(outPath, text)
  }
  process.stdout.write(committed === text ? `${show} already up to date\n` : `updated ${show}\n`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`update-json-schema: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
