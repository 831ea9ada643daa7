import type { FieldPath } from './format-field.js'

export interface UnsetVariable {
  path: FieldPath
  name: string
}

export interface Interpolated {
  value: unknown
  unset: UnsetVariable[]
  /** Paths of `__proto__` keys, dropped from the value. */
  reserved: FieldPath[]
}

/** `${NAME}`, or `$${NAME}` (escaped: becomes a literal `${NAME}`). */
const REFERENCE = /\$(\$?)\{([^{}]*)\}/g

/** Any identifier is an environment variable name, except in flows (see `flowVariables`). */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * In AgentFlow documents `${event}`, `${trigger}` and `${node.output}` are flow variables resolved
 * at run time; AOF's flow executor reads only UPPER_CASE names from the environment, so do we.
 */
export const FLOW_ENV_NAME = /^[A-Z_][A-Z0-9_]*$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Copies a parsed document, replacing `${VAR}` in every string value from `env`. Unset variables
 * are kept as written and returned with their path, so the caller decides whether the field is
 * one that matters. Keys are not interpolated. `__proto__` keys are dropped (and returned) so no
 * later merge or lookup can reach an object's prototype through config.
 */
export function interpolateEnv(value: unknown, env: Record<string, string | undefined>, names: RegExp = ENV_NAME): Interpolated {
  const unset: UnsetVariable[] = []
  const reserved: FieldPath[] = []
  // One shared stack instead of a new array per node: paths are copied only when something is found.
  const path: (string | number)[] = []

  const text = (input: string): string => {
    if (!input.includes('${')) return input
    return input.replace(REFERENCE, (match: string, escape: string, name: string) => {
      if (escape) return match.slice(1)
      if (!names.test(name)) return match
      const found = Object.hasOwn(env, name) ? env[name] : undefined
      if (found === undefined) {
        unset.push({ path: [...path], name })
        return match
      }
      return found
    })
  }

  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return text(node)
    if (Array.isArray(node)) {
      const out: unknown[] = new Array(node.length)
      for (let i = 0; i < node.length; i++) {
        path.push(i)
        out[i] = walk(node[i])
        path.pop()
      }
      return out
    }
    if (isPlainObject(node)) {
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(node)) {
        path.push(key)
        if (key === '__proto__') reserved.push([...path])
        else out[key] = walk(node[key])
        path.pop()
      }
      return out
    }
    return node
  }

  return { value: walk(value), unset, reserved }
}
