// `/approve [ID] [note]` and `/deny [ID] [note]` (also `@bot approve`), in prose lines only. Prow's
// words for taking an approval back (`/approve cancel`, `/remove-approve`, and `/approve withdraw`)
// are withdrawals: they must never read as a yes.
import { parseCommands } from '../route/parse-commands.js'

export interface ApprovalCommand {
  verb: 'approve' | 'deny' | 'withdraw'
  /** The request id when the line names one (8 hex characters). */
  id: string | null
  /** The rest of the line. */
  note: string
  /** The command as written, for messages (`/approve cancel`). */
  words: string
}

const ID = /^[0-9a-f]{8}$/i
const WITHDRAW_WORDS = ['cancel', 'withdraw']

/** The first `/approve`, `/deny` or `/remove-approve` line of a comment, or null when it has none. */
export function parseApprovalCommand(body: string, botName: string): ApprovalCommand | null {
  const [command] = parseCommands(body, ['approve', 'deny', 'remove-approve'], botName, 1).commands
  if (!command || (command.key !== 'approve' && command.key !== 'deny' && command.key !== 'remove-approve')) return null
  const words = command.args.split(/\s+/).filter(Boolean)
  const id = words[0] !== undefined && ID.test(words[0]) ? words[0].toLowerCase() : null
  const rest = id ? words.slice(1) : words
  if (command.key === 'remove-approve') return { verb: 'withdraw', id, note: rest.join(' '), words: '/remove-approve' }
  const first = rest[0]?.toLowerCase()
  if (command.key === 'approve' && first !== undefined && WITHDRAW_WORDS.includes(first)) {
    return { verb: 'withdraw', id, note: rest.slice(1).join(' '), words: `/approve ${first}` }
  }
  return { verb: command.key, id, note: (id ? rest.join(' ') : command.args).trim(), words: `/${command.key}` }
}
