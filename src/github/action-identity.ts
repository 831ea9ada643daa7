// Who the action writes as, so that state is read only from its own comments: any Bot account, or
// any comment with a marker in it, could otherwise pass for the action.

/** The login GitHub shows on comments made with GITHUB_TOKEN. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'

/**
 * The login behind an installation token (`ghs_`, which GITHUB_TOKEN is) without asking GitHub,
 * which answers 403 to GET /user for them: `<app-slug>[bot]` for a GitHub App's token, else
 * github-actions[bot]. Null for other tokens (a PAT), whose login only GET /user tells.
 */
export function installationLogin(token: string, appSlug: string): string | null {
  if (!token.startsWith('ghs_')) return null
  return appSlug ? `${appSlug}[bot]` : GITHUB_ACTIONS_LOGIN
}

/** The action's login, asked for at most once and only when needed; null when it cannot be known. */
export function actionIdentity(token: string, appSlug: string, viewerLogin: () => Promise<string | null>): () => Promise<string | null> {
  const known = installationLogin(token, appSlug)
  let pending: Promise<string | null> | null = null
  return () => {
    if (known !== null) return Promise.resolve(known)
    pending ??= viewerLogin().catch(() => null)
    return pending
  }
}
