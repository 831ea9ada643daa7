// Preloaded with `node -r` in the bench's resource runs only (a CommonJS preload costs about a
// millisecond; an ESM `--import` would start the ESM loader early and cost ~25 ms): when the process
// exits, however it exits, writes its CPU time and peak resident set size to $BENCH_USAGE_FILE.
'use strict'
const { writeFileSync } = require('node:fs')

process.on('exit', () => {
  const file = process.env.BENCH_USAGE_FILE
  if (!file) return
  const usage = process.resourceUsage()
  writeFileSync(file, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }))
})
