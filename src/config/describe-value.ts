/** A few words for what was actually written, for "must be X (found Y)" messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value
    return `the text ${JSON.stringify(shown)}`
  }
  if (typeof value === 'number') return `the number ${value}`
  if (typeof value === 'boolean') return `${value}`
  if (typeof value === 'object') return 'a mapping'
  return typeof value
}
