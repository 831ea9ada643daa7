// Answers every tool_use of one model response, in order, with a tool_result of the same id.
import type { ToolResultBlock, ToolUseBlock } from '../llm/types.js'
import type { Tool } from '../shared/tool.js'
import { errorMessage } from '../shared/errors.js'

/**
 * How much one agent run may do through its tools. A model answer is untrusted output (a prompt
 * injection can ask for sixty comments), so both caps hold whatever the model asks for.
 */
export interface ToolCallLimits {
  /** Tool calls answered per model response; later calls in the same response are refused. */
  maxCallsPerTurn: number
  /** Calls of tools that write (every tool not marked readOnly) in the whole agent run. */
  maxWrites: number
}

/** Write calls made so far in this agent run; the caller keeps it across turns. */
export interface ToolCallTally {
  writes: number
}

/** The YAML name of the cap that refused a call. */
export type ToolCap = 'max_tool_calls_per_turn' | 'max_writes'

export interface ToolCallAnswer {
  result: ToolResultBlock
  /** The cap that kept the call from running; absent when it ran (or failed on its own). */
  refused?: ToolCap
}

/** Pure: which cap, if any, refuses the call at `index` of this response, and what the model is told. */
export function capRefusal(index: number, tool: Tool | undefined, tally: ToolCallTally, limits: ToolCallLimits): { cap: ToolCap; message: string } | null {
  if (index >= limits.maxCallsPerTurn) {
    return {
      cap: 'max_tool_calls_per_turn',
      message: `refused: this agent may make at most ${limits.maxCallsPerTurn} tool calls in one answer (max_tool_calls_per_turn); nothing was done`
    }
  }
  if (tool && !tool.readOnly && tally.writes >= limits.maxWrites) {
    return {
      cap: 'max_writes',
      message: `refused: this agent may make at most ${limits.maxWrites} writes in one run (max_writes) and has made them; nothing was done`
    }
  }
  return null
}

/**
 * Sequential on purpose: tools write to GitHub, and the model's order (label, then comment) is
 * the order a reader expects. A name the agent was not given is refused without running anything;
 * a tool that throws becomes an error result the model can react to.
 */
export async function runToolCalls(uses: ToolUseBlock[], tools: Tool[], limits: ToolCallLimits, tally: ToolCallTally): Promise<ToolCallAnswer[]> {
  const byName = new Map(tools.map((t) => [t.name, t]))
  const answers: ToolCallAnswer[] = []
  for (const [index, use] of uses.entries()) {
    const tool = byName.get(use.name)
    const refused = capRefusal(index, tool, tally, limits)
    let content: string
    let isError: boolean
    if (refused) {
      content = `tool ${use.name} ${refused.message}`
      isError = true
    } else if (!tool) {
      content = `tool ${use.name} is not available to this agent`
      isError = true
    } else {
      if (!tool.readOnly) tally.writes += 1
      try {
        const result = await tool.run(use.input)
        content = result.content
        isError = result.isError
      } catch (error) {
        content = `tool ${use.name} failed: ${errorMessage(error)}`
        isError = true
      }
    }
    // Providers refuse an empty tool result; say so instead.
    const result: ToolResultBlock = { type: 'tool_result', toolUseId: use.id, name: use.name, content: content === '' ? '(no output)' : content, isError }
    answers.push(refused ? { result, refused: refused.cap } : { result })
  }
  return answers
}
