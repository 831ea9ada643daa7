/** The 7-character form people see on GitHub. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}
