// What the model reads of an MCP tool's result: its text, and a one-line description of anything
// else (images, audio, resources). The server is outside the action, so its output is untrusted
// text, sanitised like code (hidden parts become visible notes) and capped. Pure.
import { sanitizeCode, sanitizeUntrusted } from '../text/sanitize-untrusted.js'

/** Characters of one result the model reads; more is cut with a note. */
export const MCP_RESULT_LIMIT = 20_000

/** Characters of a tool's description the model is shown. */
export const MCP_DESCRIPTION_LIMIT = 2_000

export function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}\n… (${text.length - limit} more characters not shown)` : text
}

type Block = Record<string, unknown>

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

function size(base64: string): string {
  return `${Math.floor((base64.length * 3) / 4)} bytes`
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'text':
      return str(block.text)
    case 'image':
    case 'audio':
      return `[${block.type}: ${str(block.mimeType) || 'unknown type'}, ${size(str(block.data))}; not shown]`
    case 'resource_link':
      return `[resource link: ${str(block.uri)}${block.name ? ` (${str(block.name)})` : ''}${block.mimeType ? `, ${str(block.mimeType)}` : ''}]`
    case 'resource': {
      const resource = (typeof block.resource === 'object' && block.resource !== null ? block.resource : {}) as Block
      const head = `[resource: ${str(resource.uri)}${resource.mimeType ? `, ${str(resource.mimeType)}` : ''}]`
      if (typeof resource.text === 'string') return `${head}\n${resource.text}`
      return `${head.slice(0, -1)}, ${size(str(resource.blob))} of binary data; not shown]`
    }
    default:
      return `[${typeof block.type === 'string' ? block.type : 'unknown'} content; not shown]`
  }
}

/** A CallToolResult (or the older `{toolResult}` form) as the text the model reads. */
export function mcpResultText(result: Record<string, unknown>): string {
  const content = Array.isArray(result.content) ? (result.content as Block[]) : []
  let text = content.map(blockText).join('\n')
  if (!text && result.structuredContent !== undefined) text = JSON.stringify(result.structuredContent, null, 1)
  if (!text && result.toolResult !== undefined) text = JSON.stringify(result.toolResult, null, 1)
  return cut(sanitizeCode(text), MCP_RESULT_LIMIT)
}

/** A tool's description as the server wrote it, sanitised as prose and capped. */
export function mcpDescription(description: unknown, server: string): string {
  const own = typeof description === 'string' ? cut(sanitizeUntrusted(description), MCP_DESCRIPTION_LIMIT) : ''
  return `${own ? `${own}\n` : ''}(from MCP server '${server}')`
}
