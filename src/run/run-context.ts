// Everything a run has settled before its targets run: built once in main.ts, read by the shells
// in this folder, never changed afterwards.
import type { Config } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import type { RunBudget } from '../execute/run-agent-plan.js'
import type { GitHubPort } from '../github/github-port.js'
import type { Publisher } from '../github/publisher.js'
import type { Runtime } from '../runner/runtime.js'
import type { Settings } from '../settings/read-settings.js'
import type { WorkspaceRun } from './workspace-run.js'

export interface RunContext {
  runtime: Runtime
  settings: Settings
  config: Config
  event: EventContext
  /** The event's raw payload: whose code a CI event ran (the execution-trust rule reads it). */
  payload: unknown
  /** The checkout's programs and files, for agents' built-in tools; every command run is recorded there. */
  workspace: WorkspaceRun
  /** Null without a token or outside a repository: nothing is read from or written to GitHub. */
  port: GitHubPort | null
  publisher: Publisher | null
  /** What is left of max-turns / max-tokens, shared by every agent of the run. */
  budget: RunBudget
  /** Set when no agent may write: a fork PR's read-only token. */
  readOnlyReason: string | null
  /** The login github-token writes as (asked of GitHub at most once); null when unknown. */
  ownLogin: () => Promise<string | null>
  /** Opens the run's check run on the PR head, once; a no-op where there is none. */
  startCheckRun: (trigger: string) => Promise<void>
  /**
   * Work nothing in the run waits for (a review's summary comment): awaited at the end, alongside
   * completing the check run, before the run's writes are reported. Each never throws.
   */
  afterwards: Promise<void>[]
}

/** Tests shrink retry waits through GITHUB_AGENT_TIME_SCALE; real runs leave it unset. */
export function timeScaled(env: RunContext['runtime']['env']): { timeScale: number } | undefined {
  const scale = Number(env.GITHUB_AGENT_TIME_SCALE)
  return Number.isFinite(scale) && scale > 0 && scale <= 1 ? { timeScale: scale } : undefined
}
