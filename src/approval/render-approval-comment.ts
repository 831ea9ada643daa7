// The approval request comment, and what it says once answered. The hidden state marker is added
// by the publisher (upsertComment with the encoded payload); this is the part people read.
import { displayValue } from '../flow/evaluate-expression.js'
import { codeSpan } from '../github/markdown-escape.js'
import type { ApprovalState } from './approval-state.js'

function commandText(state: ApprovalState): string {
  const { key, args } = state.invocation
  if (key === null) return `\`${state.invocation.target.kind}:${state.invocation.target.name}\``
  const slash = state.invocation.via === 'command' || state.invocation.via === 'mention'
  return codeSpan(`${slash ? '/' : ''}${key}${args ? ` ${args}` : ''}`)
}

function target(state: ApprovalState): string {
  return `\`${state.invocation.target.kind}:${state.invocation.target.name}\``
}

function shortSha(sha: string | null): string {
  return sha ? `\`${sha.slice(0, 7)}\`` : 'none (not a pull request)'
}

/** Params people should see before approving; the approval switches themselves are left out. */
function paramsLine(state: ApprovalState): string | null {
  const shown = Object.entries(state.invocation.params).filter(([k]) => !['require_approval', 'approvers', 'permission'].includes(k))
  if (shown.length === 0) return null
  return `**With:** ${shown.map(([k, v]) => `${codeSpan(k)}: ${codeSpan(displayValue(v))}`).join(', ')}`
}

function whoMay(state: ApprovalState): string {
  const not = `, except @${state.requester} who asked`
  if (state.approvers.length === 0) return `anyone with ${state.requiredPermission} permission on this repository${not}`
  const names = state.approvers.map((a) => (a.toLowerCase().startsWith('team:') ? `members of \`${a}\`` : `@${a}`))
  return `${names.join(', ')}${not}`
}

function whatRuns(state: ApprovalState): string {
  if (state.flow) {
    const done = state.flow.decided.filter((d) => d.status === 'completed').map((d) => `\`${d.id}\``)
    const so = done.length > 0 ? ` (done so far: ${done.join(', ')})` : ''
    return `the rest of flow \`${state.flow.flow}\` after its approval step \`${state.flow.pausedAt}\`${so}`
  }
  return `${target(state)}, for ${commandText(state)}`
}

function pending(state: ApprovalState): string {
  const lines = [`### ⏸️ Approval needed: ${commandText(state)}`, '']
  if (state.message) lines.push(`> ${state.message.replace(/\n/g, '\n> ')}`, '')
  const facts = [
    `**Will run:** ${whatRuns(state)}`,
    `**Requested by:** @${state.requester}`,
    `**For commit:** ${shortSha(state.headSha)}${state.headSha ? ' (a new push voids this request)' : ''}`
  ]
  const params = paramsLine(state)
  if (params) facts.push(params)
  facts.push(`**Who may approve:** ${whoMay(state)}`)
  if (state.expiresAt) facts.push(`**Expires:** ${state.expiresAt}`)
  lines.push(...facts.map((f) => `- ${f}`))
  lines.push('', `Reply \`/approve\` to run it, or \`/deny\` to cancel it. If several requests are waiting, name this one: \`/approve ${state.id}\`.`)
  return lines.join('\n')
}

function answered(state: ApprovalState): string {
  const by = state.decision ? `@${state.decision.by}` : 'someone'
  const at = state.decision ? ` at ${state.decision.at}` : ''
  const note = state.decision?.note ? `\n\n> ${state.decision.note.replace(/\n/g, '\n> ')}` : ''
  const runs = state.flow ? whatRuns(state) : target(state)
  const about = `${commandText(state)} (${runs}), requested by @${state.requester} for commit ${shortSha(state.headSha)}`
  switch (state.status) {
    case 'approved':
      return `### ✅ Approved by ${by}${at}\n\n${about}: running it now.${note}`
    case 'denied': {
      const withdrawn = state.decision && state.decision.by.toLowerCase() === state.requester.toLowerCase()
      return `### ❌ ${withdrawn ? 'Withdrawn' : 'Denied'} by ${by}${at}\n\n${about}: it will not run.${note}`
    }
    case 'stale':
      return `### ⚠️ Refused: the PR head changed\n\n${about}. ${by} answered \`/approve\`${at}, but the pull request has new commits since the request, so nothing ran. Ask again with ${commandText(state)}.`
    case 'expired':
      return `### ⌛ Expired\n\n${about}. Nobody approved it before ${state.expiresAt ?? 'its time ran out'}, so nothing ran. Ask again with ${commandText(state)}.`
    default:
      return pending(state)
  }
}

/** The request comment's text for the state's status (pending, approved, denied, stale, expired). */
export function renderApprovalComment(state: ApprovalState): string {
  return state.status === 'pending' ? pending(state) : answered(state)
}
