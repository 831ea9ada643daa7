function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The known name a typo most likely meant (edit distance at most 2), for "did you mean" hints. */
export function closestName(name: string, known: Iterable<string>): string | null {
  let best: { name: string; distance: number } | null = null
  for (const candidate of known) {
    const d = distance(name, candidate)
    if (d <= 2 && (best === null || d < best.distance)) best = { name: candidate, distance: d }
  }
  return best?.name ?? null
}
