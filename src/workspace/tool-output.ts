// What the model is told about one program run: the command, how it ended, and the tail of its
// output, said to be a tail when it is one. Pure.
import { sanitizeCode } from '../text/sanitize-untrusted.js'

/** How a run ended, as the process runner reports it. */
export interface RunEnd {
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  cancelled: boolean
  /** Why it never started (program missing, working directory refused). */
  error?: string
  durationMs: number
  /** The end of stdout and stderr, interleaved as written. */
  output: string
  /** Bytes of output before `output` that were not kept. */
  droppedBytes: number
}

/** Characters of output the model sees per call; the rest of the kept tail is dropped from the front. */
export const MODEL_OUTPUT_CHARS = 16_000

// Terminal colour and cursor sequences: a program may write them even when asked not to.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)/g

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

export function describeEnd(end: RunEnd): string {
  if (end.error) return `did not run: ${end.error}`
  if (end.cancelled) return `cancelled after ${seconds(end.durationMs)} (the job was cancelled; its processes were killed)`
  if (end.timedOut) return `timed out after ${seconds(end.durationMs)}; the process and its children were killed`
  if (end.exitCode === null) return `killed by ${end.signal ?? 'a signal'} after ${seconds(end.durationMs)}`
  return `exit code ${end.exitCode} after ${seconds(end.durationMs)}`
}

/** The text of the tool result: untrusted output, sanitised as code, its tail only when long. */
export function formatRunForModel(display: string, end: RunEnd, maxChars = MODEL_OUTPUT_CHARS): string {
  const clean = sanitizeCode(end.output.replace(ANSI, '').replace(/\r\n?/g, '\n'))
  const cut = Math.max(0, clean.length - maxChars)
  const shown = cut > 0 ? clean.slice(cut) : clean
  const dropped = end.droppedBytes > 0 || cut > 0
  const head = [`$ ${display}`, describeEnd(end)]
  if (dropped) {
    const before = end.droppedBytes > 0 ? `${end.droppedBytes} bytes` : ''
    const chars = cut > 0 ? `${cut} characters` : ''
    head.push(`[output truncated: the first ${[before, chars].filter(Boolean).join(' and ')} were dropped; what follows is the last part]`)
  }
  const body = shown.trim() === '' ? '(no output)' : shown
  return `${head.join('\n')}\n${body}`
}
