// An agent's MCP server, as AOF's McpServerConfig writes it (crates/aof-core/src/mcp.rs), plus
// `headers` for sse/http servers. Which fields a transport needs is checked by read-mcp-servers.ts.
import { z } from 'zod'
import { flag, mapping, name, textList } from './common.js'

const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'a text value' })

export const mcpServerSchema = z.object(
  {
    name: name('a server name, e.g. filesystem'),
    transport: z.enum(['stdio', 'sse', 'http'], { error: 'stdio, sse or http' }).optional(),
    command: name('a program to run, e.g. npx').optional(),
    args: z.array(scalar, { error: 'a list of arguments, e.g. ["-y", "@modelcontextprotocol/server-filesystem"]' }).optional(),
    env: z.record(z.string(), scalar, { error: 'a mapping of variable names to values, e.g. {API_KEY: "${API_KEY}"}' }).optional(),
    endpoint: name('a URL, e.g. https://mcp.example.com/mcp').optional(),
    // The docs' spelling of endpoint.
    url: name('a URL, e.g. https://mcp.example.com/mcp').optional(),
    headers: z.record(z.string(), scalar, { error: 'a mapping of header names to values, e.g. {Authorization: "Bearer ${TOKEN}"}' }).optional(),
    tools: textList('a list of tool names, e.g. [read_file, list_directory]', 'a tool name').optional(),
    init_options: mapping('a mapping').optional(),
    timeout_secs: z.number({ error: 'a number of seconds, e.g. 30' }).positive({ error: 'a number of seconds, e.g. 30' }).optional(),
    auto_reconnect: flag().optional()
  },
  { error: 'an MCP server mapping, e.g. {name: filesystem, transport: stdio, command: npx, args: [...]}' }
)

export type McpServerDocument = z.infer<typeof mcpServerSchema>

/** AOF's `{type: MCP, config}` tool: one stdio server given inside `tools`. */
export const typedMcpConfigSchema = z.object(
  {
    name: name('a server name, e.g. kubectl'),
    command: z.union([name('a program'), z.array(name('a program or argument'), { error: 'a list' }).min(1, { error: 'a non-empty list' })], {
      error: 'a program, or a list of the program and its arguments, e.g. ["npx", "-y", "@modelcontextprotocol/server-kubectl"]'
    }),
    args: z.array(scalar, { error: 'a list of arguments' }).optional(),
    env: z.record(z.string(), scalar, { error: 'a mapping of variable names to values' }).optional(),
    timeout_seconds: z.number({ error: 'a number of seconds, e.g. 30' }).positive({ error: 'a number of seconds, e.g. 30' }).optional(),
    tools: textList('a list of tool names', 'a tool name').optional()
  },
  { error: 'a mapping with the server name and command, e.g. {name: kubectl, command: ["npx", "-y", "@modelcontextprotocol/server-kubectl"]}' }
)
