// Small statistics for repeated runs: medians, quartiles, and interleaved sampling so a variant and
// its baseline see the same machine load.

export function median(values) {
  return quantile(values, 0.5)
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low)
}

/**
 * Runs every variant `runs` times, round-robin (A B C, B C A, C A B, …) after `warmup` discarded
 * rounds, so slow drift in machine load lands on all variants alike. `variants` maps a name to an
 * async function returning one sample (an object of numbers); the result maps the name to samples.
 */
export async function interleave(variants, { runs, warmup = 2 }) {
  const names = Object.keys(variants)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      const sample = await variants[name]()
      if (round >= warmup) samples[name].push(sample)
    }
  }
  return samples
}

/** The median of one field across samples. */
export function medianOf(samples, field) {
  return median(samples.map((s) => s[field]))
}

/** `p25–p75` of one field, for the spread column. */
export function spreadOf(samples, field) {
  return [
    quantile(
      samples.map((s) => s[field]),
      0.25
    ),
    quantile(
      samples.map((s) => s[field]),
      0.75
    )
  ]
}
