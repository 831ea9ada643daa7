// The shell of the execution-trust rule: reads the requester's role (only when the code is the
// repository's own, so a fork's run asks GitHub nothing) and lets the rule decide.
import type { AccessLookups } from './access.js'
import { executionTrust, untrustedCodeReason, type ExecutionFacts, type TrustVerdict } from './execution-trust.js'

export async function readExecutionTrust(
  event: ExecutionFacts['event'],
  payload: unknown,
  requester: string | null,
  access: AccessLookups | null
): Promise<TrustVerdict> {
  const base = { event, payload, requester }
  if (untrustedCodeReason(event, payload) || requester === null) return executionTrust({ ...base, requesterPermission: null })
  if (!access) return executionTrust({ ...base, requesterPermission: null, permissionError: 'no github-token to read it' })
  const lookup = await access.getSenderPermission(requester)
  return lookup.permission === null
    ? executionTrust({ ...base, requesterPermission: null, permissionError: lookup.error })
    : executionTrust({ ...base, requesterPermission: lookup.permission })
}
