// The MCP stdio transport, with the server in its own process group: `npx server` starts a
// shell, npm and node, and stopping only the first would leave the others running on the runner.
// Closing ends stdin, then signals the whole group (TERM, then KILL); a process exit on any path
// (error, cancel) kills every group still open.
import { spawn, type ChildProcess } from 'node:child_process'
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'

/** How long a server gets to exit on its own after stdin closes, then after SIGTERM. */
const GRACE_MS = 1_000

/** What the server wrote to stderr, for the message when it fails: the end says why. */
const STDERR_TAIL = 2_000

/** Process groups still open, killed when the process exits however it exits. */
const openGroups = new Set<number>()
let exitHookInstalled = false
const SIGNALS = ['SIGINT', 'SIGTERM'] as const

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group is gone already.
  }
}

function killOpenGroups(): void {
  for (const pid of openGroups) killGroup(pid, 'SIGKILL')
  openGroups.clear()
}

/**
 * A cancelled job gets SIGINT, then SIGTERM. The servers are in their own groups, so the runner's
 * signal does not reach them: they are killed here first. When nothing else listens for the
 * signal, it is then raised again, so the process ends as it would have without this listener.
 */
function onSignal(signal: NodeJS.Signals): void {
  killOpenGroups()
  if (process.listenerCount(signal) === 1) {
    for (const s of SIGNALS) process.removeListener(s, onSignal)
    process.kill(process.pid, signal)
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', killOpenGroups)
  for (const signal of SIGNALS) process.on(signal, onSignal)
}

export interface GroupStdioOptions {
  command: string
  args: string[]
  env: Record<string, string>
  cwd?: string
}

export class GroupStdioTransport implements Transport {
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage) => void
  private child: ChildProcess | null = null
  private readonly buffer = new ReadBuffer()
  private stderrTail = ''
  private exited: Promise<void> | null = null

  constructor(private readonly options: GroupStdioOptions) {}

  /** The process group's id (the server's pid), once started. */
  get pid(): number | null {
    return this.child?.pid ?? null
  }

  /** The end of what the server wrote to stderr. */
  get stderr(): string {
    return this.stderrTail
  }

  start(): Promise<void> {
    if (this.child) throw new Error('already started')
    installExitHook()
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.command, this.options.args, {
        env: this.options.env,
        cwd: this.options.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
        shell: false,
        windowsHide: true
      })
      this.child = child
      this.exited = new Promise((done) => child.once('close', () => done()))
      child.once('error', (error) => {
        if (child.pid !== undefined) openGroups.delete(child.pid)
        reject(error)
        this.onerror?.(error)
      })
      child.once('spawn', () => {
        if (child.pid !== undefined) openGroups.add(child.pid)
        resolve()
      })
      child.once('close', () => {
        this.child = null
        this.onclose?.()
      })
      child.stdin?.on('error', (error) => this.onerror?.(error))
      child.stdout?.on('data', (chunk: Buffer) => {
        this.buffer.append(chunk)
        for (;;) {
          let message: JSONRPCMessage | null
          try {
            message = this.buffer.readMessage()
          } catch (error) {
            this.onerror?.(error as Error)
            continue
          }
          if (message === null) break
          this.onmessage?.(message)
        }
      })
      child.stderr?.on('data', (chunk: Buffer) => {
        this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL)
      })
    })
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin
    if (!stdin) return Promise.reject(new Error('the server is not running'))
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve()
      else stdin.once('drain', resolve)
    })
  }

  async close(): Promise<void> {
    const child = this.child
    const pid = child?.pid
    if (child && pid !== undefined) {
      const exited = this.exited ?? Promise.resolve()
      const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())])
      try {
        child.stdin?.end()
      } catch {
        // already closed
      }
      if (!(await within(GRACE_MS))) {
        killGroup(pid, 'SIGTERM')
        if (!(await within(GRACE_MS))) killGroup(pid, 'SIGKILL')
      }
      // The leader may be gone while programs it started still run in its group.
      killGroup(pid, 'SIGKILL')
      openGroups.delete(pid)
    }
    this.buffer.clear()
  }
}
