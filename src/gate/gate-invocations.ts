import type { EventContext } from '../event/types.js'
import type { Invocation } from '../route/types.js'
import { atLeast, isPermission, type Permission } from '../shared/permission.js'

/** What the shell found out about the sender, only when a verdict needs it. */
export interface GateFacts {
  /** The sender's real repository role; null when it was not (or could not be) read. */
  senderPermission: Permission | null
  /** Why the permission could not be read, for the refusal message. */
  permissionError?: string
}

export interface GateVerdict {
  invocation: Invocation
  allowed: boolean
  /** Why it was refused, or what it was checked against. */
  reason: string
}

/**
 * Text in a comment is what strangers control, so what it starts needs a real repository role:
 * `write` unless the binding says `params.permission`. Events the repository itself produces
 * (a PR opened, an issue labelled) are judged by the Trigger's filters alone. The loader refuses
 * a `permission` that is not a role; should one get here anyway, it needs `admin`, never less.
 */
export function requiredPermission(invocation: Invocation): Permission | null {
  if (invocation.via === 'help') return null
  if (invocation.via !== 'command' && invocation.via !== 'mention') return null
  const declared = invocation.params.permission
  if (declared === undefined) return 'write'
  return isPermission(declared) && declared !== 'none' ? declared : 'admin'
}

/**
 * Before the config is read: may this event carry a command or a mention (a line of a comment
 * starting with `/` or holding `@`) from a person? Then the sender's permission is likely to be asked, and can be
 * read while the config is. A guess that only decides when a read starts, never what is allowed.
 */
export function mayAskSenderPermission(event: EventContext): boolean {
  const text = event.text
  if (!text || event.sender === null || (text.kind !== 'issue_comment' && text.kind !== 'review_comment' && text.kind !== 'review')) return false
  // A bot's command is refused before any role is asked for (unless allowed_users names it).
  if (event.sender.type === 'Bot') return false
  return /^\s*\//m.test(text.body) || text.body.includes('@')
}

/** Does any invocation need the sender's permission? Saves an API call when none does. */
export function needsSenderPermission(invocations: Invocation[]): boolean {
  return invocations.some((i) => requiredPermission(i) !== null)
}

export function gateInvocations(event: EventContext, invocations: Invocation[], facts: GateFacts): GateVerdict[] {
  const login = event.sender?.login ?? 'unknown'
  return invocations.map((invocation) => {
    const required = requiredPermission(invocation)
    if (required === null) return { invocation, allowed: true, reason: 'no repository role needed' }
    if (facts.senderPermission === null) {
      return {
        invocation,
        allowed: false,
        reason: `could not read @${login}'s repository permission${facts.permissionError ? ` (${facts.permissionError})` : ''}; refusing to act on their command`
      }
    }
    if (!atLeast(facts.senderPermission, required)) {
      return {
        invocation,
        allowed: false,
        reason: `@${login} has ${facts.senderPermission} permission; /${invocation.key ?? ''} needs ${required}`
      }
    }
    return { invocation, allowed: true, reason: `@${login} has ${facts.senderPermission} permission (needs ${required})` }
  })
}
