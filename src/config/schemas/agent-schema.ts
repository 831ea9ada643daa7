import { z } from 'zod'
import { count, envelope, flag, mapping, metadata, name, text, textList } from './common.js'
import { mcpServerSchema } from './mcp-server-schema.js'
import { reviewConfigSchema } from './review-schema.js'

const toolName = name('a tool name, e.g. github_post_comment')

const namedTool = z.object({
  name: toolName,
  enabled: flag().optional(),
  config: mapping('a mapping of tool settings').optional(),
  timeout_secs: z.number({ error: 'a number of seconds, e.g. 30' }).positive({ error: 'a number of seconds, e.g. 30' }).optional(),
  source: z.enum(['builtin', 'mcp'], { error: 'builtin or mcp' }).optional(),
  server: text('the name of an MCP server').optional()
})

/** AOF's `{type: Shell|MCP|HTTP, config}` tools: Shell is its shell tool; an MCP one's config is read by read-mcp-servers.ts; HTTP is reported by the reader. */
const typedTool = z.object({
  type: name('a tool type, e.g. Shell'),
  config: z.unknown().optional()
})

const tool = z.union([toolName, namedTool, typedTool], {
  error: 'a tool name, or a mapping {name, enabled, config, timeout_secs}, e.g. github_post_comment'
})

const instructions = text('text telling the agent what to do')

export const agentSpecShape = {
  model: name('a model, e.g. google:gemini-2.5-flash').optional(),
  provider: name('a provider name, e.g. anthropic').optional(),
  instructions: instructions.optional(),
  system_prompt: instructions.optional(),
  system: instructions.optional(),
  tools: z.array(tool, { error: 'a list of tools, e.g. [github_post_comment, github_post_review]' }).optional(),
  max_iterations: count('a whole number of at least 1, e.g. 10').optional(),
  temperature: z
    .number({ error: 'a number from 0 to 2, e.g. 0.2' })
    .min(0, { error: 'a number from 0 to 2, e.g. 0.2' })
    .max(2, { error: 'a number from 0 to 2, e.g. 0.2' })
    .optional(),
  max_tokens: count('a whole number of tokens, e.g. 4096').optional(),
  mcp_servers: z.array(mcpServerSchema, { error: 'a list of MCP servers, e.g. [{name: filesystem, command: npx, args: [...]}]' }).optional(),
  memory: z
    .union([z.string(), mapping('')], { error: 'a memory spec, e.g. "File:./cache.json:1000" or {type: File, config: {path: ./cache.json}}' })
    .optional(),
  max_context_messages: count('a whole number of at least 1, e.g. 10').optional(),
  output_schema: mapping('a JSON schema as a mapping').optional(),
  // github-agent's own extras (kept in AgentDef.extra for the execute and publish stages).
  allow_approve: flag().optional(),
  allowed_labels: textList('a list of label names, e.g. [bug, enhancement]', 'a label name, e.g. bug').optional(),
  create_labels: flag().optional(),
  max_writes: count('a whole number of writes of at least 1, e.g. 10').optional(),
  max_tool_calls_per_turn: count('a whole number of tool calls of at least 1, e.g. 20').optional(),
  budget: z.unknown().optional(),
  review: reviewConfigSchema.optional()
}

export const agentSpecSchema = z.object(agentSpecShape, {
  error: 'a mapping of agent fields, e.g. {model: google:gemini-2.5-flash, instructions: "...", tools: [github_post_comment]}'
})

export const agentSchema = z.object({ ...envelope, metadata, spec: agentSpecSchema })

/** AOF's flat form: `name` and `model` at the top level, no apiVersion/kind. */
export const flatAgentSchema = z.object({ ...envelope, name: name('a name, e.g. code-reviewer'), ...agentSpecShape })

export type AgentSpecDocument = z.infer<typeof agentSpecSchema>
