import picomatch from 'picomatch'

/**
 * Glob match where `*` never crosses `/` (picomatch's default). `windows: false` keeps `\` literal
 * whatever the runner's OS; `dot: true` lets `myorg/*` include `myorg/.github`. A pattern picomatch
 * rejects matches nothing rather than failing the run.
 */
export function globMatches(value: string, patterns: readonly string[], options: { nocase: boolean }): boolean {
  return patterns.some((pattern) => matcherFor(pattern, options.nocase)(value))
}

// Characters that make a pattern more than a literal for picomatch (globs, extglobs, braces,
// escapes, negation); picomatch also drops a leading `./` from a pattern.
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/

const matchers = new Map<string, (value: string) => boolean>()

/**
 * Compiled once per pattern and case mode: routing asks every Trigger's patterns, and compiling a
 * picomatch regex is most of the cost (1,000 Triggers with a branch each: ~30 ms of compiling).
 * A literal pattern is a string comparison.
 */
function matcherFor(pattern: string, nocase: boolean): (value: string) => boolean {
  const key = `${nocase ? 'i' : 's'}${pattern}`
  let matcher = matchers.get(key)
  if (matcher) return matcher
  if (pattern === '') matcher = () => false
  else if (!GLOB_SYNTAX.test(pattern) && !pattern.startsWith('./')) {
    const literal = nocase ? pattern.toLowerCase() : pattern
    matcher = nocase ? (value) => value.toLowerCase() === literal : (value) => value === literal
  } else {
    try {
      matcher = picomatch(pattern, { nocase, dot: true, windows: false })
    } catch {
      matcher = () => false
    }
  }
  matchers.set(key, matcher)
  return matcher
}
