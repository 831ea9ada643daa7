import type { Diagnostic } from './types.js'

/** Collects diagnostics in discovery order; `once` keeps only the first report for a key (one notice per ignored feature). */
export interface DiagnosticLog {
  readonly items: Diagnostic[]
  add(diagnostic: Diagnostic): void
  /** `make` runs only for the first report of `key`, so repeats cost nothing (no position lookup). */
  once(key: string, make: () => Diagnostic): void
}

export function createDiagnosticLog(): DiagnosticLog {
  const items: Diagnostic[] = []
  const seen = new Set<string>()
  return {
    items,
    add(diagnostic) {
      items.push(diagnostic)
    },
    once(key, make) {
      if (seen.has(key)) return
      seen.add(key)
      items.push(make())
    }
  }
}
