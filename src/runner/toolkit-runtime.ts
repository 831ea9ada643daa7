// The runtime through the Actions toolkit's own `@actions/core`, for hosts that stand in for the
// runner by replacing that package (GitHub's `@github/local-action` debugger). A real runner
// never loads this file: processRuntime speaks the same protocol without the toolkit's weight.
import * as core from '@actions/core'
import type { Runtime } from './runtime.js'

export function toolkitRuntime(): Runtime {
  return {
    env: process.env,
    runner: {
      input: (name) => core.getInput(name),
      debug: (message) => core.debug(message),
      info: (message) => core.info(message),
      notice: (message, properties) => core.notice(message, properties),
      warning: (message, properties) => core.warning(message, properties),
      error: (message, properties) => core.error(message, properties),
      setSecret: (secret) => core.setSecret(secret),
      setOutput: (name, value) => core.setOutput(name, value),
      appendSummary: async (markdown) => {
        await core.summary.addRaw(markdown, true).write()
      },
      setFailed: (message) => core.setFailed(message)
    },
    signals: process,
    exit: (code) => process.exit(code)
  }
}
