// Answers every tool_use of one model response, in order, with a tool_result of the same id.
import type { ToolResultBlock, ToolUseBlock } from '../llm/types.js'
import type { Tool } from './tool-types.js'

/**
 * Sequential on purpose: tools write to GitHub, and the model's order (label, then comment) is
 * the order a reader expects. A name the agent was not given is refused without running anything;
 * a tool that throws becomes an error result the model can react to.
 */
export async function runToolCalls(uses: ToolUseBlock[], tools: Tool[]): Promise<ToolResultBlock[]> {
  const byName = new Map(tools.map((t) => [t.name, t]))
  const results: ToolResultBlock[] = []
  for (const use of uses) {
    const tool = byName.get(use.name)
    let content: string
    let isError: boolean
    if (!tool) {
      content = `tool ${use.name} is not available to this agent`
      isError = true
    } else {
      try {
        const result = await tool.run(use.input)
        content = result.content
        isError = result.isError
      } catch (error) {
        content = `tool ${use.name} failed: ${error instanceof Error ? error.message : String(error)}`
        isError = true
      }
    }
    // Providers refuse an empty tool result; say so instead.
    results.push({ type: 'tool_result', toolUseId: use.id, name: use.name, content: content === '' ? '(no output)' : content, isError })
  }
  return results
}
