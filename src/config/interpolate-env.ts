import type { FieldPath } from './format-field.js'

export interface UnsetVariable {
  path: FieldPath
  name: string
}

export interface Interpolated {
  value: unknown
  /** `${NAME}` left as written because NAME is not set (AOF leaves it too). */
  unset: UnsetVariable[]
  /** `${NAME}` left as written because the text reaches a model or GitHub and NAME looks like a secret. */
  withheld: UnsetVariable[]
  /** Paths of `__proto__` keys, dropped from the value. */
  reserved: FieldPath[]
}

const REFERENCE = /\$\{([^{}]*)\}/g

/** AOF's flow executor reads a `${NAME}` from the environment only when NAME is upper-case letters and `_`. */
const FLOW_ENV_NAME = /^[A-Z_]+$/

/** Names that hold secrets by convention; their values never go into text a model or a reader sees. */
const SECRET_NAME = /TOKEN|SECRET|KEY|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|AUTH/

type Segment = string | number

/** Text that reaches a model (an Agent or Fleet node's input) or GitHub (a message). */
const PUBLIC_FIELDS = new Set(['input', 'message', 'channel'])

/**
 * Where AOF expands `${NAME}` from the environment, and nowhere else: in an AgentFlow, its executor's
 * `expand_variables` runs on a node's `input`, `condition`, `message`, `channel` and Transform
 * `script`, a Script node's `command`, `working_dir` and `env` values, and a connection's `when`.
 * Agents, fleets, triggers (beyond secrets a job does not use) and DaemonConfigs are never expanded:
 * a `${VAR}` in instructions is sent as written.
 */
export function expandedInFlow(path: readonly Segment[]): 'public' | 'private' | null {
  const [spec, list, index, config, field, sub, key] = path
  if (spec !== 'spec' || typeof index !== 'number') return null
  if (list === 'connections') return config === 'when' && path.length === 4 ? 'private' : null
  if (list !== 'nodes' || config !== 'config') return null
  if (path.length === 5 && typeof field === 'string') {
    if (PUBLIC_FIELDS.has(field)) return 'public'
    return field === 'condition' || field === 'script' ? 'private' : null
  }
  if (field !== 'scriptConfig') return null
  if (path.length === 6 && (sub === 'command' || sub === 'working_dir')) return 'private'
  if (path.length === 7 && sub === 'env' && typeof key === 'string') return 'private'
  return null
}

const MCP_SERVER_FIELDS = new Set(['command', 'args', 'env', 'endpoint', 'url', 'headers'])
const MCP_TOOL_FIELDS = new Set(['command', 'env'])

/**
 * Where `${NAME}` is expanded in an agent (and in a fleet's inline members): only in what starts or
 * reaches its MCP servers (`mcp_servers[i].command|args|env|endpoint|url|headers`, and a
 * `{type: MCP}` tool's `config.command|env`), which the server gets and no model or reader sees.
 * Instructions and everything else stay as written.
 */
export function expandedInAgent(path: readonly Segment[]): 'private' | null {
  const at = path.lastIndexOf('mcp_servers')
  if (at >= 0 && typeof path[at + 1] === 'number') {
    const field = path[at + 2]
    return typeof field === 'string' && MCP_SERVER_FIELDS.has(field) ? 'private' : null
  }
  const tools = path.lastIndexOf('tools')
  if (tools >= 0 && typeof path[tools + 1] === 'number' && path[tools + 2] === 'config') {
    const field = path[tools + 3]
    return typeof field === 'string' && MCP_TOOL_FIELDS.has(field) ? 'private' : null
  }
  return null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Copies a parsed document. In the fields `expand` names (AOF's, see expandedInFlow), `${NAME}`
 * with an upper-case NAME is replaced from `env`; an unset NAME stays as written, as in AOF, and is
 * returned. In text that reaches a model or GitHub, a NAME that looks like a secret is never
 * replaced. Keys are not expanded. `__proto__` keys are dropped (and returned) so no later merge or
 * lookup can reach an object's prototype through config.
 */
export function interpolateEnv(
  value: unknown,
  env: Record<string, string | undefined>,
  expand: (path: readonly Segment[]) => 'public' | 'private' | null = () => null
): Interpolated {
  const unset: UnsetVariable[] = []
  const withheld: UnsetVariable[] = []
  const reserved: FieldPath[] = []
  // One shared stack instead of a new array per node: paths are copied only when something is found.
  const path: Segment[] = []

  const text = (input: string): string => {
    if (!input.includes('${')) return input
    const where = expand(path)
    if (where === null) return input
    return input.replace(REFERENCE, (match: string, name: string) => {
      if (!FLOW_ENV_NAME.test(name)) return match
      if (where === 'public' && SECRET_NAME.test(name)) {
        withheld.push({ path: [...path], name })
        return match
      }
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

  return { value: walk(value), unset, withheld, reserved }
}
