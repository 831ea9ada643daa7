// Values of the condition language. Comparisons are on numbers when both sides are numbers (or
// numeric text), otherwise on the text a template would show; `>`/`<` need numbers.
import type { TemplateNamespace } from '../template/template-references.js'
import { ExpressionError, type CompareOp, type Expr } from './parse-expression.js'

/** Where references and bare words get their values. */
export interface ExpressionScope {
  /** `${path}`; throws ExpressionError for a reference that can name nothing. */
  ref(path: string): unknown
  template(namespace: TemplateNamespace, name: string): unknown
  /** A bare word's value, or found: false to read it as text. */
  word(name: string): { found: boolean; value?: unknown }
}

/** The text a value shows as: null empty, arrays comma-joined, objects as JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : displayValue(v))).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

const FALSY_TEXT = new Set(['', 'false', '0', 'null'])

/** Text from substitution is often `'false'` or `''`; both are false, as are 0, null and []. */
export function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  if (value === null || value === undefined) return false
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value)
  if (typeof value === 'string') return !FALSY_TEXT.has(value.trim().toLowerCase())
  if (Array.isArray(value)) return value.length > 0
  return true
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value)
  return null
}

function compare(op: CompareOp, left: unknown, right: unknown): boolean {
  const a = asNumber(left)
  const b = asNumber(right)
  if (op === '==' || op === '!=') {
    const equal = a !== null && b !== null ? a === b : displayValue(left) === displayValue(right)
    return op === '==' ? equal : !equal
  }
  if (a === null || b === null) {
    const bad = a === null ? left : right
    throw new ExpressionError(`${op} compares numbers, and ${JSON.stringify(displayValue(bad))} is not a number`)
  }
  if (op === '>') return a > b
  if (op === '<') return a < b
  if (op === '>=') return a >= b
  return a <= b
}

export function evaluateExpression(expr: Expr, scope: ExpressionScope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value
    case 'ref':
      return scope.ref(expr.path)
    case 'template':
      return scope.template(expr.namespace, expr.name)
    case 'word': {
      const found = scope.word(expr.name)
      return found.found ? found.value : expr.name
    }
    case 'not':
      return !truthy(evaluateExpression(expr.operand, scope))
    case 'and':
      return truthy(evaluateExpression(expr.left, scope)) && truthy(evaluateExpression(expr.right, scope))
    case 'or':
      return truthy(evaluateExpression(expr.left, scope)) || truthy(evaluateExpression(expr.right, scope))
    case 'compare':
      return compare(expr.op, evaluateExpression(expr.left, scope), evaluateExpression(expr.right, scope))
  }
}
