// What a run needs from the process around it: the environment, the runner's protocol (inputs,
// log lines, annotations, outputs, the job summary) and the cancel signals. index.ts builds it
// from `process`; the CLI builds its own, so nothing writes to `process.env` to drive a run.
import * as commands from './workflow-commands.js'
import type { Logger } from '../shared/logger.js'
import type { Permission } from '../shared/permission.js'
import type { AnnotationProperties } from './workflow-commands.js'

export type { AnnotationProperties }

export interface Runner extends Logger {
  /** An input as the runner passes it, trimmed; '' when unset. */
  input(name: string): string
  notice(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  /** Masks the value in every later log line. */
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  appendSummary(markdown: string): Promise<void>
  /** An error annotation, and the step fails. */
  setFailed(message: string): void
}

export interface SignalSource {
  once(signal: NodeJS.Signals, handler: () => void): unknown
  removeListener(signal: NodeJS.Signals, handler: () => void): unknown
}

export interface Runtime {
  env: Readonly<Record<string, string | undefined>>
  runner: Runner
  /** SIGINT/SIGTERM arrive when the workflow run is cancelled. */
  signals: SignalSource
  /** Ends the process at once (after a cancel has closed the check run). */
  exit(code: number): void
  /**
   * A role to use as the sender's repository permission instead of asking GitHub. Only the CLI's
   * replay sets it (it has no token to ask with); the action never does, so a workflow cannot.
   */
  senderPermission?: Permission
}

/** The runner's protocol over stdout and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files named in `env`. */
export function createRunner(env: Readonly<Record<string, string | undefined>>): Runner {
  return {
    input: (name) => commands.inputFrom(env, name),
    debug: commands.debug,
    info: commands.info,
    notice: commands.notice,
    warning: commands.warning,
    error: commands.error,
    setSecret: commands.setSecret,
    setOutput: (name, value) => commands.writeOutput(env.GITHUB_OUTPUT, name, value),
    appendSummary: (markdown) => commands.appendSummaryTo(env.GITHUB_STEP_SUMMARY, markdown),
    setFailed: commands.setFailed
  }
}

/** The runtime of a step on an Actions runner: this process. */
export function processRuntime(): Runtime {
  return { env: process.env, runner: createRunner(process.env), signals: process, exit: (code) => process.exit(code) }
}
