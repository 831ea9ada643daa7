// `node bench/compare.mjs BEFORE_DIST AFTER_DIST [--runs 15] [--node 24|current|PATH] [--only TEXT]`: two builds side by side, interleaved
// with `node -e ''` in the same rounds, on the scenarios a start-up fix moves: no-match (workspace
// and API config), a matched run with write pacing scaled away, and 100 and 1,000 trigger files. For the
// "before and after" of a fix: build each into its own folder (`npx ncc build src/index.ts -o DIR`).
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { cleanUp } from './action-process.mjs'
import { createRunners, nodeVersion, resolveNode } from './runners.mjs'
import { prReview } from './scenarios.mjs'
import { interleave, median } from './stats.mjs'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '15' }, node: { type: 'string' }, only: { type: 'string' } }
})
const [before, after] = positionals.map((p) => resolve(p))
if (!before || !after || ![before, after].every((d) => existsSync(join(d, 'index.js')))) {
  process.stderr.write(
    'usage: node bench/compare.mjs BEFORE_DIST AFTER_DIST [--runs 15] [--node 24|current|PATH] [--only TEXT] (each a folder with index.js)\n'
  )
  process.exit(2)
}
const runs = Math.max(1, Number(flags.runs))
const node = resolveNode(repoRoot, flags.node)
const runners = await createRunners(repoRoot, { node })
const usage = { measureUsage: true }
const rows = []
try {
  const scenarios = [
    ['no-match, workspace config', (d) => runners.noMatchLocal(d)],
    ['no-match, config through the API', (d) => runners.noMatchApi(d)],
    ['matched PR review, pacing ×0.001 (wall − model)', (d) => runners.matched(d, prReview(repoRoot), { GITHUB_AGENT_TIME_SCALE: '0.001' })],
    ['100 trigger files', (d) => runners.triggers(d, 100)],
    ['1,000 trigger files', (d) => runners.triggers(d, 1000)]
  ]
  for (const [name, make] of scenarios.filter(([name]) => !flags.only || name.includes(flags.only))) {
    process.stderr.write(`${name}: ${runs} interleaved rounds…\n`)
    const a = await make(before)
    const b = await make(after)
    // Timed runs and CPU/memory runs are separate: the usage preload would shift the timings.
    const timed = await interleave({ bare: () => runners.bare(), before: () => a(), after: () => b() }, { runs })
    const used = await interleave({ bare: () => runners.bare(usage), before: () => a(usage), after: () => b(usage) }, { runs: Math.min(runs, 5), warmup: 1 })
    const wall = (k) => median(timed[k].map((s) => s.overheadMs ?? s.ms))
    const cpu = (k) => median(used[k].map((s) => s.usage.cpuMs))
    const rss = (k) => median(used[k].map((s) => s.usage.maxRssKb)) / 1024
    // The action's own timing of loading and routing, where the scenario has it (the trigger files).
    const loadRoute = (k) => median(timed[k].map((s) => s.loadRouteMs ?? NaN))
    const phases =
      Number.isFinite(loadRoute('before')) || Number.isFinite(loadRoute('after'))
        ? `${loadRoute('before').toFixed(0)} → ${loadRoute('after').toFixed(0)} ms`
        : '—'
    rows.push(
      `| ${name} | ${wall('before').toFixed(0)} ms (${(wall('before') / wall('bare')).toFixed(2)}×) | ${wall('after').toFixed(0)} ms (${(wall('after') / wall('bare')).toFixed(2)}×) | ${(wall('after') - wall('before')).toFixed(0)} ms | ${cpu('before').toFixed(0)} → ${cpu('after').toFixed(0)} ms | ${rss('before').toFixed(0)} → ${rss('after').toFixed(0)} MiB | ${phases} | ${wall('bare').toFixed(0)} ms |`
    )
  }
} finally {
  await runners.close()
  cleanUp()
}
process.stdout.write(
  `before: ${before}\nafter:  ${after}\nnode:   ${nodeVersion(node)} (${node})\nmedians of ${runs} interleaved rounds (CPU and memory: ${Math.min(runs, 5)}); × = multiple of node -e '' in the same rounds\n\n` +
    "| Scenario | Before (wall) | After (wall) | Change | CPU time | Peak RSS | Load + route | `node -e ''` |\n|---|---|---|---|---|---|---|---|\n" +
    rows.join('\n') +
    '\n'
)
