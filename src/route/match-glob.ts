import picomatch from 'picomatch'

/**
 * Glob match where `*` never crosses `/` (picomatch's default). `windows: false` keeps `\` literal
 * whatever the runner's OS; `dot: true` lets `myorg/*` include `myorg/.github`. A pattern picomatch
 * rejects matches nothing rather than failing the run.
 */
export function globMatches(value: string, patterns: readonly string[], options: { nocase: boolean }): boolean {
  return patterns.some((pattern) => {
    if (pattern === '') return false
    try {
      return picomatch(pattern, { nocase: options.nocase, dot: true, windows: false })(value)
    } catch {
      return false
    }
  })
}
