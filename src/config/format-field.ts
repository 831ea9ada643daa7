/** A path into a YAML document: mapping keys and list indexes. */
export type FieldPath = readonly (string | number)[]

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/

/**
 * The dotted form users see in diagnostics: `spec.config.github_events[1]`.
 * Keys that are not plain words (`/deploy staging`, `pull_request.opened`) are quoted in brackets
 * so the path stays unambiguous: `spec.commands["/review"].agent`.
 */
export function formatField(path: FieldPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}
