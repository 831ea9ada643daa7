// Reading one node's config (after references are filled in) into what its port takes. A missing or
// wrong field fails the node with a sentence that names the field and the expected form.
import type { FlowNode } from '../config/types.js'
import { displayValue } from './evaluate-expression.js'
import type { CheckConclusion } from './flow-types.js'

export class NodeConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NodeConfigError'
  }
}

export const CHECK_CONCLUSIONS: readonly CheckConclusion[] = ['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required']

function label(node: FlowNode): string {
  return `node '${node.id}' (${node.type})`
}

function get(config: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(config, key) ? config[key] : undefined
}

/** A text field; numbers and booleans are accepted as written. */
export function optionalText(node: FlowNode, config: Record<string, unknown>, key: string): string | null {
  const value = get(config, key)
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw new NodeConfigError(`${label(node)}: config.${key} must be text (found ${Array.isArray(value) ? 'a list' : 'a mapping'})`)
}

export function requiredText(node: FlowNode, config: Record<string, unknown>, key: string, example: string): string {
  const value = optionalText(node, config, key)
  if (value === null || value.trim() === '') throw new NodeConfigError(`${label(node)} needs config.${key}, e.g. ${key}: ${example}`)
  return value
}

/** `labels: [a, b]`, `labels: a`, or `label: a`. */
export function labelList(node: FlowNode, config: Record<string, unknown>): string[] {
  const raw = get(config, 'labels') ?? get(config, 'label')
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : null
  if (!list || list.length === 0 || !list.every((l) => typeof l === 'string' && l.trim() !== '')) {
    throw new NodeConfigError(`${label(node)} needs config.labels, a list of label names, e.g. labels: [deployed]`)
  }
  return list.map((l) => (l as string).trim())
}

/** workflow_dispatch inputs are text; other values are written as a template would show them. */
export function dispatchInputs(node: FlowNode, config: Record<string, unknown>): Record<string, string> {
  const raw = get(config, 'inputs')
  if (raw === undefined || raw === null) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new NodeConfigError(`${label(node)}: config.inputs must be a mapping of workflow inputs, e.g. inputs: {environment: production}`)
  }
  const inputs: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) inputs[key] = displayValue(value)
  return inputs
}

export function checkConclusion(node: FlowNode, config: Record<string, unknown>): CheckConclusion {
  const value = optionalText(node, config, 'conclusion') ?? 'success'
  const found = CHECK_CONCLUSIONS.find((c) => c === value)
  if (!found) throw new NodeConfigError(`${label(node)}: config.conclusion must be one of ${CHECK_CONCLUSIONS.join(', ')} (found ${JSON.stringify(value)})`)
  return found
}

/** `approvers: [login, team:org/slug]` on an Approval node; null when it names none. */
export function approverList(node: FlowNode, config: Record<string, unknown>): string[] | null {
  const raw = get(config, 'approvers')
  if (raw === undefined || raw === null) return null
  const list = typeof raw === 'string' ? [raw] : raw
  if (!Array.isArray(list) || !list.every((a) => typeof a === 'string' && a.trim() !== '')) {
    throw new NodeConfigError(`${label(node)}: config.approvers must be a list of logins or team:org/slug, e.g. approvers: [platform-lead, team:myorg/sre]`)
  }
  return list.length === 0 ? null : list.map((a) => (a as string).trim())
}

export function timeoutSeconds(node: FlowNode, config: Record<string, unknown>): number | null {
  const raw = get(config, 'timeout_seconds') ?? get(config, 'timeoutSeconds')
  if (raw === undefined || raw === null) return null
  const value = typeof raw === 'string' ? Number(raw) : raw
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new NodeConfigError(`${label(node)}: config.timeout_seconds must be a whole number of seconds above 0, e.g. timeout_seconds: 3600`)
  }
  return value
}
