// A real Octokit, port and publisher against the local GitHub server, with waits scaled down.
import { createOctokit, type Octokit } from '../../src/github/create-octokit.js'
import { createGitHubPort, type GitHubPort } from '../../src/github/github-port.js'
import { createPublisher, type Publisher } from '../../src/github/publisher.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import type { Logger } from '../../src/shared/logger.js'

export const REPO = 'acme/app'
export const TOKEN = 'ghs_testtoken0123456789'

export interface RecordingLogger extends Logger {
  lines: string[]
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = []
  return {
    lines,
    debug: () => {},
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`)
  }
}

export interface Harness {
  server: GitHubServer
  octokit: Octokit
  port: GitHubPort
  publisher: Publisher
  log: RecordingLogger
  /** A second run against the same world: new Octokit, port and publisher (what a re-run gets). */
  rerun(options?: { dryRun?: boolean }): { port: GitHubPort; publisher: Publisher }
  /** Operation ids of the requests so far, in order. */
  calls(): string[]
}

export async function startHarness(options: { dryRun?: boolean } = {}): Promise<Harness> {
  const server = await startGitHubServer()
  const log = recordingLogger()
  const build = (dryRun: boolean) => {
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: log, retry: { timeScale: 0.001 } })
    const port = createGitHubPort(octokit, REPO)
    const publisher = createPublisher(port, { dryRun, secrets: [TOKEN], botLogin: 'github-actions[bot]', logger: log })
    return { octokit, port, publisher }
  }
  const first = build(options.dryRun ?? false)
  return {
    server,
    log,
    ...first,
    rerun: (o = {}) => build(o.dryRun ?? false),
    calls: () => server.requests.map((r) => r.operationId ?? `${r.method} ${r.path}`)
  }
}

/** Unified-diff patch whose new side covers lines `from`..`from+count-1`, all added. */
export function addedLines(from: number, count: number): string {
  return [`@@ -${from},0 +${from},${count} @@`, ...Array.from({ length: count }, (_, i) => `+line ${from + i}`)].join('\n')
}
