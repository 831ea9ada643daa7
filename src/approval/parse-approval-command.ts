// `/approve [ID] [note]` and `/deny [ID] [note]` (also `@bot approve`), in prose lines only.
import { parseCommands } from '../route/parse-commands.js'

export interface ApprovalCommand {
  verb: 'approve' | 'deny'
  /** The request id when the line names one (8 hex characters). */
  id: string | null
  /** The rest of the line. */
  note: string
}

const ID = /^[0-9a-f]{8}$/i

/** The first `/approve` or `/deny` line of a comment, or null when it has none. */
export function parseApprovalCommand(body: string, botName: string): ApprovalCommand | null {
  const [command] = parseCommands(body, ['approve', 'deny'], botName, 1).commands
  if (!command || (command.key !== 'approve' && command.key !== 'deny')) return null
  const [first = '', ...rest] = command.args.split(/\s+/)
  const id = ID.test(first) ? first.toLowerCase() : null
  return { verb: command.key, id, note: (id ? rest.join(' ') : command.args).trim() }
}
