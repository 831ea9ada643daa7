// The port through which tools run programs. Each program is spawned without a shell in its own
// process group, so a timeout or a cancelled job kills it and everything it started; its output is
// kept as a bounded tail.
import { spawn } from 'node:child_process'
import type { RunEnd } from './tool-output.js'

export interface ProcessRequest {
  /** An absolute path (see findProgram): nothing is looked up on PATH here. */
  program: string
  args: readonly string[]
  cwd: string
  env: Record<string, string>
  timeoutMs: number
  /** Bytes of output kept, from the end. */
  maxOutputBytes: number
}

export interface ProcessRunner {
  run(request: ProcessRequest): Promise<RunEnd>
  /** Kills every running process group at once (the job is being cancelled). Synchronous on purpose. */
  killAll(): void
}

/** After SIGTERM, how long a process group has before SIGKILL. */
const GRACE_MS = 2_000
/** After the program exits, how long a child that left the group may keep its output open. */
const DRAIN_MS = 500

/** The last `max` bytes written, and how many came before them. */
class OutputTail {
  private chunks: Buffer[] = []
  private size = 0
  dropped = 0
  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer
      const excess = this.size - this.max
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
        this.dropped += first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.size -= excess
        this.dropped += excess
      }
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

export function createProcessRunner(): ProcessRunner {
  const live = new Set<number>()
  let cancelled = false
  return {
    killAll() {
      cancelled = true
      for (const pid of live) killGroup(pid, 'SIGKILL')
    },
    run(request) {
      const started = performance.now()
      const tail = new OutputTail(request.maxOutputBytes)
      const ended = (fields: Partial<RunEnd>): RunEnd => ({
        exitCode: null,
        signal: null,
        timedOut: false,
        cancelled: false,
        durationMs: performance.now() - started,
        output: tail.text(),
        droppedBytes: tail.dropped,
        ...fields
      })
      if (cancelled) return Promise.resolve(ended({ cancelled: true, error: 'the job is being cancelled' }))
      return new Promise<RunEnd>((resolve) => {
        const child = spawn(request.program, [...request.args], {
          cwd: request.cwd,
          env: request.env,
          detached: true,
          shell: false,
          stdio: ['ignore', 'pipe', 'pipe'],
          windowsHide: true
        })
        const pid = child.pid
        if (pid !== undefined) live.add(pid)
        let timedOut = false
        let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null
        let settled = false
        let hardKill: NodeJS.Timeout | undefined
        let drain: NodeJS.Timeout | undefined
        const finish = (fields: Partial<RunEnd>): void => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          clearTimeout(hardKill)
          clearTimeout(drain)
          if (pid !== undefined) live.delete(pid)
          child.stdout?.destroy()
          child.stderr?.destroy()
          resolve(ended({ timedOut, cancelled, ...fields }))
        }
        const timer = setTimeout(() => {
          timedOut = true
          killGroup(pid, 'SIGTERM')
          hardKill = setTimeout(() => killGroup(pid, 'SIGKILL'), GRACE_MS)
        }, request.timeoutMs)
        child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk))
        child.stderr?.on('data', (chunk: Buffer) => tail.push(chunk))
        child.on('error', (error: NodeJS.ErrnoException) => {
          finish({ error: error.code === 'ENOENT' ? `${request.program} was not found` : error.message })
        })
        let closed = false
        child.on('exit', (code, signal) => {
          exit = { code, signal }
          // Whatever the program left running in its group (a server, a watcher) goes with it.
          killGroup(pid, 'SIGKILL')
          if (closed) finish({ exitCode: code, signal })
          else drain = setTimeout(() => finish({ exitCode: code, signal }), DRAIN_MS)
        })
        child.on('close', () => {
          closed = true
          if (exit) finish({ exitCode: exit.code, signal: exit.signal })
        })
      })
    }
  }
}
