// The tool contract: the seam between the agent runtime (src/execute), the model port (src/llm),
// which shows the specs to the model, and the tools that implement it (src/github). Here, below all
// three, so none of them imports another for it.

/** What the model is shown: name, description and JSON-schema parameters. */
export interface ToolSpec {
  name: string
  description: string
  /** JSON Schema (draft 2020-12 subset: type object, properties, required, items, enum). */
  inputSchema: Record<string, unknown>
}

/** What goes back to the model. Errors are results the model can react to, never exceptions. */
export interface ToolResult {
  content: string
  isError: boolean
}

export interface Tool extends ToolSpec {
  /** Reads only: not counted against the agent's max_writes. A tool that does not say so counts. */
  readOnly?: boolean
  run(input: Record<string, unknown>): Promise<ToolResult>
}
