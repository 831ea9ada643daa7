import type { z } from 'zod'
import type { FieldPath } from './format-field.js'

interface SchemaDef {
  type: string
  shape?: Record<string, z.ZodType>
  /** An object's schema for keys its shape does not name (`params`: permission checked, the rest free). */
  catchall?: z.ZodType
  innerType?: z.ZodType
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
  in?: z.ZodType
  left?: z.ZodType
  right?: z.ZodType
  getter?: () => z.ZodType
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'])

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function walk(schema: z.ZodType, value: unknown, path: (string | number)[], out: FieldPath[]): void {
  const def = defOf(schema)
  if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, value, path, out)
  switch (def.type) {
    case 'object':
      if (!isMapping(value) || !def.shape) return
      for (const key of Object.keys(value)) {
        const field = Object.hasOwn(def.shape, key) ? def.shape[key] : def.catchall
        path.push(key)
        if (field) walk(field, value[key], path, out)
        else out.push([...path])
        path.pop()
      }
      return
    case 'array':
      if (!Array.isArray(value) || !def.element) return
      for (let i = 0; i < value.length; i++) {
        path.push(i)
        walk(def.element, value[i], path, out)
        path.pop()
      }
      return
    case 'record':
      if (!isMapping(value) || !def.valueType) return
      for (const key of Object.keys(value)) {
        path.push(key)
        walk(def.valueType, value[key], path, out)
        path.pop()
      }
      return
    case 'union': {
      // The option the value satisfies decides which keys are known; with none, zod reports the error.
      // Scalars have no keys, so they need no option at all.
      if (typeof value !== 'object' || value === null) return
      const option = def.options?.find((o) => o.safeParse(value).success)
      if (option) walk(option, value, path, out)
      return
    }
    case 'pipe':
      if (def.in) walk(def.in, value, path, out)
      return
    case 'intersection':
      if (def.left) walk(def.left, value, path, out)
      if (def.right) walk(def.right, value, path, out)
      return
    case 'lazy':
      if (def.getter) walk(def.getter(), value, path, out)
      return
    default:
      return
  }
}

/**
 * Keys a document has that its schema does not name. AOF's serde structs dropped these silently;
 * here they are warnings, so the zod schemas stay in strip mode (unknown keys are not errors) and
 * this walks the schema alongside the value. `z.record`/`z.unknown` mark free-form maps
 * (`params`, node `config`) that are not checked.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown, path: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = []
  walk(schema, value, [...path], out)
  return out
}
