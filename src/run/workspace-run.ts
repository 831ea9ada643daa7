// The job's checkout as agents' tools see it, opened once per run: its confined files, the process
// runner (its process groups killed when the job is cancelled), the run's tool-time budget, and the
// record of every command for the summary.
import type { CommandRecord } from '../report/types.js'
import type { Runtime } from '../runner/runtime.js'
import { errorMessage } from '../shared/errors.js'
import { closedFiles, createConfinedFiles, type ConfinedFiles } from '../workspace/confined-files.js'
import type { ToolTimeBudget } from '../workspace/create-workspace-tools.js'
import type { ProgramFinder } from '../workspace/find-program.js'
import { createProcessRunner, type ProcessRunner } from '../workspace/process-runner.js'

export interface WorkspaceRun {
  /** Without a usable GITHUB_WORKSPACE, files that refuse every call, saying why. */
  files: ConfinedFiles
  processes: ProcessRunner
  findProgram: ProgramFinder
  budget: ToolTimeBudget
  /** Filled as tools run; the run record's `commands`. */
  commands: CommandRecord[]
  /** Stops listening for the cancel signals. */
  release(): void
}

/**
 * `onCancel` runs after the tools' processes are killed: the caller ends the job unless something
 * else (the check run's closing) will.
 */
export async function openWorkspace(
  runtime: Runtime,
  maxToolSeconds: number,
  commands: CommandRecord[],
  findProgram: ProgramFinder,
  onCancel: (signal: NodeJS.Signals) => void
): Promise<WorkspaceRun> {
  const processes = createProcessRunner()
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = (): void => {
      processes.killAll()
      onCancel(signal)
    }
    runtime.signals.once(signal, handler)
    return [signal, handler] as const
  })
  const root = runtime.env.GITHUB_WORKSPACE
  let files: ConfinedFiles
  if (!root) files = closedFiles('no GITHUB_WORKSPACE is set, so there is no checkout to work in')
  else {
    try {
      files = await createConfinedFiles(root)
    } catch (error) {
      files = closedFiles(`the workspace ${root} cannot be opened (${errorMessage(error)})`)
    }
  }
  return {
    files,
    processes,
    findProgram,
    budget: { totalMs: maxToolSeconds * 1000, usedMs: 0 },
    commands,
    release: () => {
      for (const [signal, handler] of handlers) runtime.signals.removeListener(signal, handler)
    }
  }
}
