import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml'
import type { FieldPath } from './format-field.js'

export interface Position {
  line: number
  column: number
}

interface Ranged {
  range?: [number, number, number] | null
  source?: unknown
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as Ranged | null | undefined)?.range
  return range ? range[0] : undefined
}

/** An empty value (`key:` with nothing after it) has a zero-width range at the line's end; the key is the better place. */
function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.source === ''
}

function keyMatches(key: unknown, segment: string | number): boolean {
  return isScalar(key) && String(key.value) === String(segment)
}

/**
 * Where `path` sits in the source: the value node, or its key with `{ key: true }` (unknown fields
 * are reported at the key). A path that does not exist all the way (a missing required field)
 * points at the deepest part that does: usually the parent's key.
 */
export function positionOf(doc: Document, lineCounter: LineCounter, path: FieldPath, options: { key?: boolean } = {}): Position {
  let node: unknown = doc.contents
  let keyNode: unknown
  let complete = true
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc)
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, segment))
      if (!pair) {
        complete = false
        break
      }
      keyNode = pair.key
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined
      node = node.items[segment]
    } else {
      complete = false
      break
    }
  }
  const preferKey = keyNode !== undefined && (options.key === true || !complete || node == null || isEmptyScalar(node))
  const offset = (preferKey ? offsetOf(keyNode) : offsetOf(node)) ?? offsetOf(doc.contents) ?? offsetOf(doc) ?? 0
  const { line, col } = lineCounter.linePos(offset)
  return { line, column: col }
}
