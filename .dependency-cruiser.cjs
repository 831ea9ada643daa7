// Import rules for src/, checked by `npm run lint` (depcruise). docs/architecture.md explains them.
//
// Each folder under src/ is one stage or one port, and may import only the folders listed for it in
// MAY_IMPORT. Those lists form a graph without cycles (checked below, when this file loads), so a
// folder can never import a folder that imports it, types included; files import no cycle either.
// A new folder must be given its line in MAY_IMPORT before anything in it passes.
const { readdirSync } = require('node:fs')
const { join } = require('node:path')

/** What each folder of src/ may import (besides itself). The files directly in src/ may import all. */
const MAY_IMPORT = {
  // Plain data and leaf helpers: import nothing of ours.
  shared: [],
  retry: ['shared'],
  // Untrusted text: sanitised for models, redacted for everything written.
  text: ['shared'],
  event: ['shared'],
  settings: ['shared'],
  runner: ['shared', 'text'],
  // Pure stages, before execute: no ports.
  config: ['event', 'shared'],
  route: ['config', 'event', 'shared', 'text'],
  template: ['config', 'event', 'route', 'shared'],
  flow: ['config', 'event', 'shared', 'template'],
  gate: ['config', 'event', 'route', 'shared'],
  report: ['config', 'event', 'route', 'shared'],
  // Ports: GitHub and the models.
  github: ['config', 'event', 'gate', 'report', 'retry', 'shared', 'text'],
  llm: ['retry', 'shared'],
  // MCP servers the agents use: programs on the runner or remote endpoints, through the MCP SDK.
  mcp: ['config', 'report', 'shared', 'text'],
  // The workspace: programs and files of the job's checkout, for agents' built-in tools.
  workspace: ['config', 'report', 'shared', 'text'],
  // The stages that run things, and the state they keep in the action's own comments.
  fleet: ['config', 'event', 'github', 'shared'],
  approval: ['config', 'event', 'flow', 'gate', 'github', 'route', 'shared'],
  execute: ['approval', 'config', 'event', 'fleet', 'flow', 'gate', 'github', 'llm', 'report', 'route', 'shared', 'template', 'text'],
  review: ['config', 'event', 'execute', 'github', 'route', 'shared', 'text'],
  // The run's shells: connect the stages to the ports for one run; only main.ts imports them.
  run: [
    'approval',
    'config',
    'event',
    'execute',
    'fleet',
    'flow',
    'gate',
    'github',
    'llm',
    'mcp',
    'report',
    'review',
    'route',
    'runner',
    'settings',
    'shared',
    'template',
    'text',
    'workspace'
  ]
}

const FOLDERS = Object.keys(MAY_IMPORT)

/** Throws when MAY_IMPORT itself allows a cycle, or when src/ has a folder it does not place. */
function checkMayImport() {
  const unknown = Object.entries(MAY_IMPORT).flatMap(([folder, allowed]) => allowed.filter((to) => !(to in MAY_IMPORT)).map((to) => `${folder} -> ${to}`))
  if (unknown.length > 0) throw new Error(`.dependency-cruiser.cjs: MAY_IMPORT names folders it does not list: ${unknown.join(', ')}`)
  const state = {}
  const visit = (folder, path) => {
    if (state[folder] === 'done') return
    if (state[folder] === 'open') throw new Error(`.dependency-cruiser.cjs: MAY_IMPORT allows a cycle: ${[...path, folder].join(' -> ')}`)
    state[folder] = 'open'
    for (const to of MAY_IMPORT[folder]) visit(to, [...path, folder])
    state[folder] = 'done'
  }
  for (const folder of FOLDERS) visit(folder, [])
  const src = join(__dirname, 'src')
  const unplaced = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory() && !(e.name in MAY_IMPORT))
  if (unplaced.length > 0) {
    throw new Error(`.dependency-cruiser.cjs: give src/${unplaced[0].name}/ a line in MAY_IMPORT (what it may import) before it can be linted`)
  }
}
checkMayImport()

const anyOf = (names) => `^src/(${names.join('|')})/`

/** One rule per folder: any import of src/ outside the folder itself and its MAY_IMPORT list. */
function folderRules() {
  return FOLDERS.map((folder) => ({
    name: `folder-${folder}`,
    comment: MAY_IMPORT[folder].length > 0 ? `src/${folder}/ may import only ${MAY_IMPORT[folder].join(', ')}` : `src/${folder}/ imports nothing else of src/`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^src/', pathNot: anyOf([folder, ...MAY_IMPORT[folder]]) }
  }))
}

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files import no cycle, types included; move the shared part to the file both need',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true }
    },
    ...folderRules(),
    {
      name: 'only-entries-import-main',
      comment: 'main.ts wires the stages; only the entry points (index.ts, cli.ts) import it',
      severity: 'error',
      from: { pathNot: '^src/(index|cli)[.]ts$' },
      to: { path: '^src/main[.]ts$' }
    },
    {
      name: 'no-importing-entries',
      comment: 'index.ts and cli.ts are entry points: nothing imports them',
      severity: 'error',
      from: {},
      to: { path: '^src/(index|cli)[.]ts$' }
    },
    {
      name: 'github-port',
      comment: 'GitHub is reached only through src/github/ (Octokit, its HTTP stack and pacing live there)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/github/' },
      to: { path: 'node_modules/(@octokit/|undici/|@actions/http-client/|bottleneck/)' }
    },
    {
      name: 'model-port',
      comment: 'Model SDKs are loaded only by src/llm/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/llm/' },
      to: { path: 'node_modules/(@anthropic-ai/|@google/genai/)' }
    },
    {
      name: 'mcp-port',
      comment: 'The MCP SDK (which spawns programs and opens connections) is loaded only by src/mcp/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/mcp/' },
      to: { path: 'node_modules/@modelcontextprotocol/' }
    },
    {
      name: 'actions-github-only-in-main',
      comment: '@actions/github builds its context when imported; only main.ts may, and it turns the event into plain data',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main[.]ts$' },
      to: { path: 'node_modules/@actions/github/' }
    },
    {
      name: 'pure-stages-no-io',
      comment: 'Stages before execute, and the planners, are pure: files, processes and the network are ports',
      severity: 'error',
      from: { path: anyOf(['event', 'route', 'template', 'flow', 'gate', 'report', 'approval', 'review', 'fleet']) },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|worker_threads)$' }
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '[.]d[.]ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a cycle of types is still a cycle for a reader.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json']
    },
    cache: false
  }
}

// For scripts/update-architecture-graph.mjs, which draws the graph against these lists. Not
// enumerable: dependency-cruiser rejects keys it does not know.
Object.defineProperty(config, 'architecture', { value: { MAY_IMPORT } })
module.exports = config
