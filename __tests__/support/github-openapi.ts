// The committed subset of GitHub's REST description, turned into a router and validators.
// The test server rejects what GitHub would reject, so a wrong call fails a test instead of a run.
import { readFileSync } from 'node:fs'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

export interface SubsetParameter {
  in: 'path' | 'query' | 'header' | 'cookie'
  name: string
  required: boolean
  schema: Record<string, unknown>
  'x-multi-segment'?: boolean
}

export interface SubsetOperation {
  documentationUrl: string
  method: string
  operationId: string
  parameters: SubsetParameter[]
  path: string
  requestBody: { required: boolean; schema: Record<string, unknown> } | null
  responses: string[]
}

export interface OpenApiSubset {
  source: { file: string; openapi: string; package: string; specVersion: string | null; version: string }
  operations: SubsetOperation[]
}

export interface MatchedRoute {
  operation: SubsetOperation
  /** Path parameters, percent-decoded but not yet coerced. */
  rawParams: Record<string, string>
}

export interface ValidationOutcome {
  /** Path and query parameters, coerced to the types the schema declares, defaults applied. */
  params: Record<string, unknown>
  /** GitHub-style summary (`For 'properties/event', "LGTM" is not one of [...]`), or null when valid. */
  error: string | null
}

export const SUBSET_URL = new URL('../../__fixtures__/openapi/github-rest-subset.json', import.meta.url)

export function loadOpenApiSubset(): OpenApiSubset {
  return JSON.parse(readFileSync(SUBSET_URL, 'utf8')) as OpenApiSubset
}

interface CompiledRoute {
  operation: SubsetOperation
  pattern: RegExp
  names: string[]
  /** Literal characters in the template: more literal text wins when two templates match. */
  specificity: number
  validateParams: ValidateFunction
  validateBody: ValidateFunction | null
}

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default

function compileTemplate(template: string, parameters: SubsetParameter[]): { pattern: RegExp; names: string[] } {
  const names: string[] = []
  let source = ''
  let rest = template
  while (rest.length > 0) {
    const open = rest.indexOf('{')
    if (open < 0) {
      source += escapeRegExp(rest)
      break
    }
    source += escapeRegExp(rest.slice(0, open))
    const close = rest.indexOf('}', open)
    const name = rest.slice(open + 1, close)
    names.push(name)
    rest = rest.slice(close + 1)
    const multi = parameters.find((p) => p.name === name)?.['x-multi-segment'] === true
    // A parameter followed by more literal text in the same segment (`{base}...{head}`) is lazy.
    const lazy = rest.length > 0 && !rest.startsWith('/')
    source += multi ? '(.*)' : lazy ? '([^/]+?)' : '([^/]+)'
  }
  return { pattern: new RegExp(`^${source}$`), names }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function paramsSchema(operation: SubsetOperation): Record<string, unknown> {
  const params = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query')
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name)
  }
}

export class OpenApiRouter {
  private readonly routes: CompiledRoute[]

  constructor(readonly subset: OpenApiSubset = loadOpenApiSubset()) {
    // strict off: GitHub's schemas use OpenAPI keywords (nullable, x-*) that are not JSON Schema.
    // Parameters get their defaults filled in (per_page=30); a body is checked as sent, untouched,
    // so what the test reads back in `server.requests` is what the client wrote.
    const paramsAjv = addFormats(new Ajv({ strict: false, allErrors: true, useDefaults: true }))
    const bodyAjv = addFormats(new Ajv({ strict: false, allErrors: true }))
    this.routes = subset.operations.map((operation) => ({
      operation,
      ...compileTemplate(operation.path, operation.parameters),
      specificity: operation.path.replace(/\{[^}]*\}/g, '').length,
      validateParams: paramsAjv.compile(paramsSchema(operation)),
      validateBody: operation.requestBody ? bodyAjv.compile(operation.requestBody.schema) : null
    }))
  }

  operation(operationId: string): SubsetOperation | undefined {
    return this.routes.find((r) => r.operation.operationId === operationId)?.operation
  }

  /** The operation for a method and raw (still percent-encoded) path; undefined is GitHub's 404. */
  match(method: string, rawPath: string): MatchedRoute | undefined {
    const candidates = this.routes
      .filter((r) => r.operation.method === method.toUpperCase())
      .map((r) => ({ route: r, m: r.pattern.exec(rawPath) }))
      .filter((c): c is { route: CompiledRoute; m: RegExpExecArray } => c.m !== null)
      .sort((a, b) => b.route.specificity - a.route.specificity)
    const best = candidates[0]
    if (!best) return undefined
    const rawParams: Record<string, string> = {}
    best.route.names.forEach((name, i) => {
      rawParams[name] = safeDecode(best.m[i + 1] ?? '')
    })
    return { operation: best.route.operation, rawParams }
  }

  validate(match: MatchedRoute, query: URLSearchParams, body: unknown): ValidationOutcome {
    const route = this.routes.find((r) => r.operation === match.operation)
    if (!route) throw new Error(`no compiled route for ${match.operation.operationId}`)
    const params = coerceParams(match.operation.parameters, match.rawParams, query)
    const errors: string[] = []
    if (!route.validateParams(params)) errors.push(...summarise(route.validateParams.errors, params, 'parameters'))
    if (route.validateBody && !route.validateBody(body ?? {})) {
      errors.push(...summarise(route.validateBody.errors, body ?? {}, 'body'))
    }
    return { params, error: errors.length > 0 ? errors.join('\n') : null }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

// Path and query values arrive as text; turn them into what the schema declares so that
// `per_page=abc` fails while `per_page=100` passes. A union (`integer | string`, workflow_id)
// takes the integer reading only for all-digit text, as GitHub does.
function coerceParams(parameters: SubsetParameter[], rawParams: Record<string, string>, query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const p of parameters) {
    const raw = p.in === 'path' ? rawParams[p.name] : p.in === 'query' ? (query.get(p.name) ?? undefined) : undefined
    if (raw !== undefined) out[p.name] = coerceValue(p.schema, raw)
  }
  return out
}

function schemaTypes(schema: Record<string, unknown>): string[] {
  const own = schema.type
  const types = Array.isArray(own) ? own.map(String) : typeof own === 'string' ? [own] : []
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key]
    if (Array.isArray(list)) for (const s of list) types.push(...schemaTypes(s as Record<string, unknown>))
  }
  return types
}

function coerceValue(schema: Record<string, unknown>, raw: string): unknown {
  const types = schemaTypes(schema)
  if (types.includes('integer') && /^-?\d+$/.test(raw)) return Number(raw)
  if (types.includes('number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw)
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true'
  return raw
}

// GitHub words its 422s as `For 'properties/labels', 5 is not an array.` and `"body" wasn't supplied.`;
// the same shape here lets a failing test read like the production log would.
function summarise(errors: ErrorObject[] | null | undefined, data: unknown, where: 'parameters' | 'body'): string[] {
  const relevant = pruneUnionNoise(errors ?? [])
  const lines = relevant.map((e) => describeError(e, data))
  const unique = [...new Set(lines)]
  return where === 'parameters' ? unique.map((l) => `(parameter) ${l}`) : unique
}

// A failed oneOf/anyOf reports each branch's errors and then itself; the branch errors say more.
function pruneUnionNoise(errors: ErrorObject[]): ErrorObject[] {
  const isUnion = (e: ErrorObject): boolean => e.keyword === 'oneOf' || e.keyword === 'anyOf'
  const specific = errors.filter((e) => !isUnion(e))
  return specific.length > 0 ? specific : errors
}

function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data
  return pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data)
}

function githubPath(instancePath: string): string {
  const parts = instancePath.split('/').slice(1)
  return parts.map((p) => (/^\d+$/.test(p) ? `items/${p}` : `properties/${p}`)).join('/')
}

// GitHub's validator is Ruby: a missing or null value prints as nil.
function show(value: unknown): string {
  return value === undefined || value === null ? 'nil' : JSON.stringify(value)
}

function describeError(e: ErrorObject, data: unknown): string {
  const where = githubPath(e.instancePath)
  const prefix = where === '' ? '' : `For '${where}', `
  const value = show(valueAt(data, e.instancePath))
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `${JSON.stringify(params.missingProperty)} wasn't supplied.`
    case 'type': {
      const type = String(params.type)
      const article = /^[aeiou]/.test(type) ? 'an' : 'a'
      return `${prefix}${value} is not ${article} ${type}.`
    }
    case 'enum':
      return `${prefix}${value} is not a member of ${JSON.stringify(params.allowedValues)}.`
    case 'oneOf':
    case 'anyOf':
      return `${prefix}${value} is not a possible value (${e.keyword}).`
    case 'additionalProperties':
      return `${prefix}${JSON.stringify(params.additionalProperty)} is not a permitted key.`
    default:
      return `${prefix}${value} ${e.message ?? 'is invalid'}.`
  }
}
