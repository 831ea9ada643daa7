import type { Diagnostic } from '../config/types.js'
import type { Decision, Invocation } from '../route/types.js'

export type Conclusion = 'success' | 'failure' | 'neutral' | 'skipped' | 'cancelled'

export interface Usage {
  inputTokens: number
  outputTokens: number
}

/** One call of an MCP server's tool, for the summary. */
export interface McpCallRecord {
  server: string
  tool: string
  durationMs: number
  ok: boolean
  /** Why it failed (timed out, the tool reported an error); never the tool's output. */
  error?: string
  /** The agent that called it (`agent:NAME`, `fleet:F/member`); set when the outcome has several. */
  agent?: string
}

/** What happened to one invocation. */
export interface InvocationOutcome {
  invocation: Invocation
  /** `agent:NAME`, `fleet:NAME`, `flow:NAME` or `help`. */
  target: string
  status: 'ran' | 'dry-run' | 'not-run' | 'failed' | 'refused' | 'budget' | 'awaiting-approval'
  /** One sentence for the summary: why it did not run, how it stopped. */
  detail: string
  model?: string
  tools?: string[]
  /** The agent's instructions after templates were rendered. */
  instructions?: string
  usage?: Usage
  costUsd?: number | null
  /** Calls of MCP servers' tools, in order. */
  mcpCalls?: McpCallRecord[]
}

/** A write to GitHub; `planned` when dry-run kept it from being sent. */
export interface WriteRecord {
  operation: string
  summary: string
  url?: string
  planned: boolean
  /** In dry-run, the texts the write would have posted (a review's body, its inline comments), redacted. */
  texts?: WriteText[]
}

export interface WriteText {
  /** What the text is: the write's summary, or an inline comment's place. */
  label: string
  body: string
}

/** A program a tool ran (or was refused), or a file it wrote, for the job summary. Redacted. */
export interface CommandRecord {
  /** The agent's label: `agent:NAME`, `fleet:F/member`. */
  agent: string
  tool: string
  /** As typed: `npx jest --ci`, `kubectl get pods`, `write_file src/a.ts`. */
  command: string
  /** Null when it did not exit by itself (refused, not found, timed out, killed). */
  exitCode: number | null
  /** `exit 1`, `timed out`, `refused: …`, `wrote 120 bytes`. */
  result: string
  durationMs: number
}

export interface RunRecord {
  event: { name: string; action: string | null; repository: string | null; number: number | null; sender: string | null }
  dryRun: boolean
  configSource: string
  configFiles: string[]
  diagnostics: Diagnostic[]
  decision: Decision | null
  outcomes: InvocationOutcome[]
  writes: WriteRecord[]
  notes: string[]
  conclusion: Conclusion
  /** Outputs a flow or an approval adds (`flow`, `approved-by`, `node-results`, `approval-id`). */
  extraOutputs: Record<string, string>
  /** What agents' tools ran in the job, in order. */
  commands: CommandRecord[]
  /** Set when the run failed before or outside an invocation. */
  error?: string
  durationMs: number
}
