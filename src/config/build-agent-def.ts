import type { DocContext } from './document-context.js'
import type { FieldPath } from './format-field.js'
import type { AgentSpecDocument } from './schemas/agent-schema.js'
import type { AgentDef, SourceLocation, ToolRef } from './types.js'
import { BUILT_IN_TOOL_NAMES } from '../shared/tool.js'

const INSTRUCTION_KEYS = ['instructions', 'system_prompt', 'system'] as const

/** Kept as written for later stages (execute, publish); none changes how the config loads. */
const EXTRA_KEYS = [
  'mcp_servers',
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
  mcp_servers: 'ignored in a job: mcp_servers (github-agent starts no MCP servers; its GitHub tools are built in)',
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

const KNOWN_TOOLS: readonly string[] = BUILT_IN_TOOL_NAMES

/** A name no tool has would leave the agent silently without it: say so where it is written. */
function warnUnknown(ctx: DocContext, path: FieldPath, name: string): void {
  if (KNOWN_TOOLS.includes(name)) return
  const alike = KNOWN_TOOLS.find((known) => known.toLowerCase() === name.toLowerCase().replace(/-/g, '_'))
  ctx.report(
    'warning',
    path,
    `no tool is named '${name}', so the agent does not get it${alike ? ` (did you mean ${alike}?)` : ''}; github-agent's tools are ${KNOWN_TOOLS.join(', ')}`
  )
}

function toolsOf(ctx: DocContext, spec: AgentSpecDocument, base: FieldPath): ToolRef[] {
  const tools: ToolRef[] = []
  spec.tools?.forEach((tool, index) => {
    const path = [...base, 'tools', index]
    if (typeof tool === 'string') {
      warnUnknown(ctx, path, tool)
      tools.push({ name: tool, enabled: true, config: {} })
      return
    }
    const dropped = 'type' in tool ? `a ${tool.type} tool` : tool.source === 'mcp' ? `MCP tool '${tool.name}'` : null
    if (dropped) {
      ctx.report(
        'warning',
        path,
        `${dropped} cannot run here: github-agent runs no shell, MCP or HTTP tools in a job, only its built-in GitHub tools; it is dropped`
      )
      ctx.ignored.push(path)
      return
    }
    if ('name' in tool) {
      warnUnknown(ctx, [...path, 'name'], tool.name)
      const ref: ToolRef = { name: tool.name, enabled: tool.enabled ?? true, config: tool.config ?? {} }
      if (tool.timeout_secs !== undefined) ref.timeoutSecs = tool.timeout_secs
      tools.push(ref)
    }
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
  if (spec.model !== undefined) agent.model = spec.model
  if (spec.provider !== undefined) agent.provider = spec.provider
  if (spec.temperature !== undefined) agent.temperature = spec.temperature
  if (spec.max_tokens !== undefined) agent.maxTokens = spec.max_tokens
  return agent
}
