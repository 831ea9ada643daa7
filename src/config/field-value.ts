import type { FieldPath } from './format-field.js'

/** The value at `path` in a plain (unvalidated) document; undefined when any step is missing. */
export function fieldValue(value: unknown, path: FieldPath): unknown {
  let node = value
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined
    node = (node as Record<string | number, unknown>)[segment]
  }
  return node
}
