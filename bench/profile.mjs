// `node bench/profile.mjs <scenario> [--repeat 5] [--node 24|current|PATH] [--dist DIR] [--paced]`: runs one bench scenario
// under `node --cpu-prof` several times and prints where the time went, averaged: busy vs idle
// (waiting on I/O or timers), then self time by package / src folder and by function. Scenarios:
// bare (node -e ''), no-match, no-match-api, matched, triggers-N (e.g. triggers-1000).
// The .cpuprofile files are kept for Chrome DevTools or speedscope.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { bareNode, cleanUp, prepareAction } from './action-process.mjs'
import { byFunction, byPackage, selfTimes } from './profile-attribution.mjs'
import { manyTriggers, noMatch, prReview, REPO } from './scenarios.mjs'
import { nodeVersion, resolveNode } from './runners.mjs'
import { compileSupport } from './support.mjs'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeat: { type: 'string', default: '5' },
    dist: { type: 'string' },
    node: { type: 'string' },
    paced: { type: 'boolean', default: false },
    top: { type: 'string', default: '15' }
  }
})
const which = positionals[0] ?? 'matched'
const repeat = Math.max(1, Number(flags.repeat))
const dist = resolve(flags.dist ?? join(repoRoot, 'dist'))
const bundle = join(dist, 'index.js')
const top = Number(flags.top)
const node = resolveNode(repoRoot, flags.node)

const closers = []
let runOnce
const workspaceInputs = { 'config-ref': 'workspace', 'github-token': '' }
if (which === 'bare') {
  runOnce = (extraArgs) => bareNode({ node, extraArgs })
} else if (which === 'no-match') {
  const s = noMatch(repoRoot)
  const action = prepareAction(repoRoot, { dist, eventName: s.eventName, payload: s.payload, workspaceFiles: s.config, inputs: workspaceInputs })
  runOnce = (extraArgs) => action.run({ node, extraArgs })
} else if (/^triggers-\d+$/.test(which)) {
  const s = manyTriggers(repoRoot, Number(which.split('-')[1]))
  const action = prepareAction(repoRoot, {
    dist,
    eventName: s.eventName,
    payload: s.payload,
    workspaceFiles: s.config,
    inputs: { ...workspaceInputs, 'dry-run': 'true' }
  })
  runOnce = (extraArgs) => action.run({ node, extraArgs })
} else {
  const load = compileSupport(repoRoot)
  const github = await (await load('github-server')).startGitHubServer()
  const anthropic = await (await load('anthropic-server')).startAnthropicServer()
  closers.push(
    () => github.close(),
    () => anthropic.close()
  )
  let action
  if (which === 'no-match-api') {
    const s = noMatch(repoRoot)
    github.world.addRepo(REPO, { default_branch: 'master' })
    for (const [path, text] of Object.entries(s.config)) github.world.setFile(REPO, 'master', path, text)
    action = prepareAction(repoRoot, { dist, eventName: s.eventName, payload: s.payload, apiUrl: github.url })
    runOnce = (extraArgs) => action.run({ node, extraArgs })
  } else if (which === 'matched') {
    const s = prReview(repoRoot)
    s.setUp(github)
    action = prepareAction(repoRoot, {
      dist,
      eventName: s.eventName,
      payload: s.payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey },
      env: { ANTHROPIC_BASE_URL: anthropic.url, ...(flags.paced ? {} : { GITHUB_AGENT_TIME_SCALE: '0.001' }) }
    })
    runOnce = (extraArgs) => {
      anthropic.script(s.turns)
      return action.run({ node, extraArgs })
    }
  } else {
    process.stderr.write(`unknown scenario '${which}': bare, no-match, no-match-api, matched, triggers-N\n`)
    process.exit(2)
  }
}

const dir = mkdtempSync(join(tmpdir(), 'github-agent-profile-'))
const totals = { wall: 0, profile: 0 }
const sums = { kind: new Map(), pkg: new Map(), fn: new Map() }
const add = (into, from) => {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v / repeat)
}
try {
  for (let i = 0; i < repeat; i++) {
    const runDir = join(dir, String(i))
    const result = await runOnce(['--cpu-prof', '--cpu-prof-dir', runDir, '--cpu-prof-interval', '250'])
    if (result.exitCode !== 0) throw new Error(`run failed (exit ${result.exitCode}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`)
    const profile = JSON.parse(readFileSync(join(runDir, readdirSync(runDir)[0]), 'utf8'))
    totals.wall += result.ms / repeat
    totals.profile += (profile.endTime - profile.startTime) / 1000 / repeat
    const { byId, self } = selfTimes(profile)
    const kinds = new Map()
    for (const [id, t] of self) {
      const name = byId.get(id).callFrame.functionName
      const kind =
        name === '(idle)'
          ? 'idle (waiting)'
          : name === '(garbage collector)'
            ? 'garbage collection'
            : name === '(program)'
              ? 'V8 (program)'
              : 'running JS / compiling'
      kinds.set(kind, (kinds.get(kind) ?? 0) + t)
    }
    add(sums.kind, kinds)
    add(sums.pkg, which === 'bare' ? new Map() : byPackage(profile, bundle))
    add(sums.fn, byFunction(profile, repoRoot))
  }
} finally {
  await Promise.all(closers.map((c) => c()))
  cleanUp()
}

const sorted = (m) => [...m].sort((a, b) => b[1] - a[1])
const row = ([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`
console.log(
  `${which} (${dist}, node ${nodeVersion(node)}), mean of ${repeat} profiled runs: wall ${totals.wall.toFixed(0)} ms, profiled ${totals.profile.toFixed(0)} ms`
)
console.log(sorted(sums.kind).map(row).join('\n'))
if (which !== 'bare') console.log(`\nby package or src/ folder:\n${sorted(sums.pkg).slice(0, top).map(row).join('\n')}`)
console.log(`\nby function:\n${sorted(sums.fn).slice(0, top).map(row).join('\n')}`)
console.log(`\nprofiles: ${dir}`)
