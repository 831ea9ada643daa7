import type { DocContext } from './document-context.js'
import type { FieldPath } from './format-field.js'
import { isMcpTool, readMcpServers } from './read-mcp-servers.js'
import { readTool } from './read-tool.js'
import type { AgentSpecDocument } from './schemas/agent-schema.js'
import type { AgentDef, SourceLocation, ToolRef } from './types.js'

const INSTRUCTION_KEYS = ['instructions', 'system_prompt', 'system'] as const

/** Kept as written for later stages (execute, publish); none changes how the config loads. */
const EXTRA_KEYS = [
  'memory',
  'max_context_messages',
  'output_schema',
  'allow_approve',
  'allowed_labels',
  'create_labels',
  'max_writes',
  'max_tool_calls_per_turn',
  'budget',
  'review'
] as const

const IGNORED_IN_JOB: Partial<Record<(typeof EXTRA_KEYS)[number], string>> = {
  memory: 'ignored in a job: memory (each event is a fresh job; nothing persists between runs)'
}

function instructionsOf(ctx: DocContext, spec: AgentSpecDocument, base: FieldPath): string {
  const given = INSTRUCTION_KEYS.filter((key) => spec[key] !== undefined)
  if (given.length > 1) {
    ctx.report('error', [...base, given[1] as string], `the instructions are given twice (${given.join(' and ')}); keep one`, { key: true })
  }
  const first = given[0]
  return first ? (spec[first] as string) : ''
}

function toolsOf(ctx: DocContext, spec: AgentSpecDocument, base: FieldPath): ToolRef[] {
  const tools: ToolRef[] = []
  const add = (ref: ToolRef | null): void => {
    if (ref) tools.push(ref)
  }
  spec.tools?.forEach((tool, index) => {
    const path = [...base, 'tools', index]
    if (typeof tool === 'string') return add(readTool(ctx, path, { name: tool }, ctx.toolHost))
    if (isMcpTool(tool)) return // read by readMcpServers
    if ('type' in tool) {
      // AOF's `{type: Shell, config: {allowed_commands, working_directory, timeout_seconds}}` is its shell tool.
      if (tool.type === 'Shell') {
        const config = tool.config ?? {}
        if (typeof config !== 'object' || config === null || Array.isArray(config)) {
          ctx.report('error', [...path, 'config'], 'expected a mapping of shell settings, e.g. {allowed_commands: [npx], timeout_seconds: 300}')
          return
        }
        return add(readTool(ctx, path, { name: 'shell', config: config as Record<string, unknown> }, ctx.toolHost))
      }
      ctx.report(
        'error',
        path,
        `a ${tool.type} tool cannot run here: github-agent has no ${tool.type} tools (it has Shell, files, git, CLI programs, MCP servers and GitHub tools)`
      )
      return
    }
    add(readTool(ctx, path, tool, ctx.toolHost))
  })
  return tools
}

function extraOf(ctx: DocContext, spec: AgentSpecDocument, base: FieldPath): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const key of EXTRA_KEYS) {
    if (spec[key] === undefined) continue
    extra[key] = spec[key]
    const ignored = IGNORED_IN_JOB[key]
    if (ignored) {
      ctx.report('notice', [...base, key], ignored, { key: true, once: key })
      ctx.ignored.push([...base, key])
    }
  }
  return extra
}

/** Normalises an agent spec (top-level Agent, flat agent, or a fleet's inline member) found at `base`. */
export function buildAgentDef(ctx: DocContext, spec: AgentSpecDocument, base: FieldPath, name: string, location: SourceLocation): AgentDef {
  const agent: AgentDef = {
    name,
    instructions: instructionsOf(ctx, spec, base),
    tools: toolsOf(ctx, spec, base),
    maxIterations: spec.max_iterations ?? 10,
    extra: extraOf(ctx, spec, base),
    location
  }
  const mcpServers = readMcpServers(ctx, spec, base)
  if (mcpServers.length > 0) agent.mcpServers = mcpServers
  if (spec.model !== undefined) agent.model = spec.model
  if (spec.provider !== undefined) agent.provider = spec.provider
  if (spec.temperature !== undefined) agent.temperature = spec.temperature
  if (spec.max_tokens !== undefined) agent.maxTokens = spec.max_tokens
  return agent
}
