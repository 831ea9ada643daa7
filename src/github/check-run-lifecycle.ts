// The action's own check run on the head SHA: in_progress at start, completed exactly once at the
// end, whatever happened in between.

import type { Publisher } from './publisher.js'
import type { CheckAnnotation, CheckConclusion } from './types.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/logger.js'

export interface CheckRunLifecycleOptions {
  name: string
  headSha: string
  logger: Logger
}

export interface CheckRunResult {
  conclusion: CheckConclusion
  title: string
  summary: string
  text?: string
  annotations?: CheckAnnotation[]
}

type Started = { state: 'open'; id: number | null } | { state: 'failed' }

export class CheckRunLifecycle {
  private started: Promise<Started> | null = null
  private completion: Promise<void> | null = null

  constructor(
    private readonly publisher: Publisher,
    private readonly options: CheckRunLifecycleOptions
  ) {}

  /** Creates the check run in_progress. Never throws: a run without a check run still does its work. */
  start(title = 'Running', summary = 'github-agent is working on this.'): Promise<void> {
    this.started ??= this.publisher
      .createCheckRun({ name: this.options.name, headSha: this.options.headSha, status: 'in_progress', output: { title, summary } })
      .then((outcome): Started => ({ state: 'open', id: outcome.id }))
      .catch((error: unknown): Started => {
        this.options.logger.warning(`Could not create check run '${this.options.name}': ${errorMessage(error)}`)
        return { state: 'failed' }
      })
    return this.started.then(() => undefined)
  }

  get isCompleted(): boolean {
    return this.completion !== null
  }

  /**
   * Completes the check run once; later calls (a `finally` after a signal handler) share the first.
   * If it was never opened, it is created completed, so the result still shows. Never throws.
   */
  complete(result: CheckRunResult): Promise<void> {
    this.completion ??= this.finish(result)
    return this.completion
  }

  private async finish(result: CheckRunResult): Promise<void> {
    const started = this.started ? await this.started : null
    const output = { title: result.title, summary: result.summary, text: result.text, annotations: result.annotations }
    if (output.text === undefined) delete output.text
    if (output.annotations === undefined) delete output.annotations
    try {
      if (started?.state === 'open') {
        await this.publisher.updateCheckRun(started.id, { status: 'completed', conclusion: result.conclusion, output })
      } else {
        await this.publisher.createCheckRun({
          name: this.options.name,
          headSha: this.options.headSha,
          status: 'completed',
          conclusion: result.conclusion,
          output
        })
      }
    } catch (error) {
      this.options.logger.warning(`Could not complete check run '${this.options.name}': ${errorMessage(error)}`)
    }
  }
}

/** What `process` offers for signals; injected so tests need not send real ones. */
export interface SignalSource {
  once(signal: NodeJS.Signals, handler: () => void): unknown
  removeListener(signal: NodeJS.Signals, handler: () => void): unknown
}

/**
 * On SIGINT/SIGTERM (a cancelled workflow) complete the check run as cancelled, then call `exit`.
 * Returns a function that removes the handlers once the run ended normally.
 */
export function completeOnCancel(lifecycle: CheckRunLifecycle, source: SignalSource, exit: (signal: NodeJS.Signals) => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
  const handlers = signals.map((signal) => {
    const handler = () => {
      void lifecycle
        .complete({ conclusion: 'cancelled', title: 'Cancelled', summary: `The workflow run was cancelled (${signal}).` })
        .finally(() => exit(signal))
    }
    source.once(signal, handler)
    return { signal, handler }
  })
  return () => {
    for (const { signal, handler } of handlers) source.removeListener(signal, handler)
  }
}
