/**
 * A saved webhook payload does not say which event it was (the X-GitHub-Event header does).
 * Guess from its shape for `replay`; ambiguous shapes return null so the user passes --event.
 */
export function guessEventName(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null
  const p = payload as Record<string, unknown>
  if ('comment' in p && 'issue' in p) return 'issue_comment'
  if ('comment' in p && 'pull_request' in p) return 'pull_request_review_comment'
  if ('review' in p && 'pull_request' in p) return 'pull_request_review'
  if ('pull_request' in p) return 'pull_request'
  if ('issue' in p) return 'issues'
  if ('workflow_run' in p) return 'workflow_run'
  if ('check_run' in p) return 'check_run'
  if ('check_suite' in p) return 'check_suite'
  if ('release' in p) return 'release'
  if (typeof p.ref === 'string' && 'commits' in p) return 'push'
  return null
}
