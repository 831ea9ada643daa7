#!/usr/bin/env node
// Writes __fixtures__/openapi/github-rest-subset.json: the few operations of GitHub's official
// REST description that github-agent calls, cut down to what the test server validates against
// (parameters, request body schema, response status codes). Keeping a small committed subset
// makes the test server fast to load and a spec update visible as a reviewable diff.
//
//   node scripts/update-openapi-subset.mjs            rewrite the committed subset
//   node scripts/update-openapi-subset.mjs --out F    write to F instead (used by the tests)
//   node scripts/update-openapi-subset.mjs --check    exit 1 when the committed subset is stale
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const defaultOut = resolve(root, '__fixtures__/openapi/github-rest-subset.json')

// The operations github-agent uses. Adding a call to src/github/ means adding its id here.
export const OPERATION_IDS = [
  'actions/create-workflow-dispatch',
  'actions/download-job-logs-for-workflow-run',
  'actions/list-jobs-for-workflow-run',
  'actions/list-workflow-runs-for-repo',
  'checks/create',
  'checks/update',
  'issues/add-labels',
  'issues/create-comment',
  'issues/create-label',
  'issues/delete-comment',
  'issues/get',
  'issues/get-comment',
  'issues/list-comments',
  'issues/list-labels-for-repo',
  'issues/list-labels-on-issue',
  'issues/remove-label',
  'issues/update-comment',
  'pulls/create-reply-for-review-comment',
  'pulls/create-review',
  'pulls/get',
  'pulls/list-commits',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/list-reviews',
  'reactions/create-for-issue-comment',
  'reactions/create-for-pull-request-review-comment',
  'repos/compare-commits',
  'repos/get',
  'repos/get-collaborator-permission-level',
  'repos/get-content',
  'search/code',
  'teams/get-membership-for-user-in-org',
  'users/get-by-username'
]

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head']
// Documentation-only keywords: they change no validation outcome and would bloat the subset.
const DROPPED_KEYWORDS = new Set(['description', 'example', 'examples', 'title', 'externalDocs', 'deprecated'])
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions'])
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames'])

function loadDescription() {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve('@octokit/openapi/package.json', { paths: [root] })
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
  const file = 'generated/api.github.com.json'
  const spec = JSON.parse(readFileSync(resolve(dirname(pkgPath), file), 'utf8'))
  return { pkg, file, spec }
}

// Inlines every local $ref; the chosen operations have no recursive schemas, so a cycle is a bug
// in our assumptions and must stop the script rather than produce a wrong subset.
function dereference(spec, value, seen = []) {
  if (Array.isArray(value)) return value.map((v) => dereference(spec, v, seen))
  if (value === null || typeof value !== 'object') return value
  if (typeof value.$ref === 'string') {
    if (seen.includes(value.$ref)) throw new Error(`recursive $ref ${value.$ref}; extend the script to keep components`)
    const target = value.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
    if (target === undefined) throw new Error(`unresolved $ref ${value.$ref}`)
    return dereference(spec, target, [...seen, value.$ref])
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dereference(spec, v, seen)]))
}

// Walks a JSON schema knowing where keys are keywords and where they are property names, so a
// property called "description" (labels have one) survives while the keyword is dropped.
function cleanSchema(schema) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue
    if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(value).map(([n, s]) => [n, cleanSchema(s)]))
    else if (SCHEMA_LISTS.has(key)) out[key] = value.map(cleanSchema)
    else if (SCHEMA_VALUES.has(key)) out[key] = cleanSchema(value)
    else out[key] = value
  }
  return out
}

function cleanParameter(parameter) {
  const out = {
    in: parameter.in,
    name: parameter.name,
    required: parameter.required === true,
    schema: cleanSchema(parameter.schema ?? {})
  }
  // GitHub's marker for a path parameter that spans slashes (contents/{path}); routing needs it.
  if (parameter['x-multi-segment'] === true) out['x-multi-segment'] = true
  return out
}

function cleanOperation(spec, path, method, pathItem, operation) {
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => cleanParameter(dereference(spec, p)))
  const body = operation.requestBody ? dereference(spec, operation.requestBody) : null
  const jsonBody = body?.content?.['application/json']
  return {
    documentationUrl: operation.externalDocs?.url ?? 'https://docs.github.com/rest',
    method: method.toUpperCase(),
    operationId: operation.operationId,
    parameters: parameters.sort((a, b) => `${a.in}:${a.name}`.localeCompare(`${b.in}:${b.name}`)),
    path,
    requestBody: jsonBody ? { required: body.required === true, schema: cleanSchema(jsonBody.schema ?? {}) } : null,
    responses: Object.keys(operation.responses ?? {}).sort()
  }
}

export function buildSubset({ pkg, file, spec }, ids = OPERATION_IDS) {
  const wanted = new Set(ids)
  const operations = []
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method]
      if (operation && wanted.has(operation.operationId)) {
        operations.push(cleanOperation(spec, path, method, pathItem, operation))
      }
    }
  }
  const missing = ids.filter((id) => !operations.some((op) => op.operationId === id))
  if (missing.length > 0) throw new Error(`operations missing from ${pkg.name}@${pkg.version}: ${missing.join(', ')}`)
  operations.sort((a, b) => a.operationId.localeCompare(b.operationId))
  return {
    source: { file, openapi: spec.openapi, package: pkg.name, specVersion: spec.info?.version ?? null, version: pkg.version },
    operations
  }
}

// Sorted keys everywhere, so the same input always gives the same bytes.
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])])
  )
}

export function renderSubset(subset) {
  return `${JSON.stringify(sortKeys(subset), null, 2)}\n`
}

function main(argv) {
  const outIndex = argv.indexOf('--out')
  const out = outIndex >= 0 ? resolve(argv[outIndex + 1] ?? '') : defaultOut
  const text = renderSubset(buildSubset(loadDescription()))
  if (argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(out, 'utf8')
    } catch {
      // a missing file is simply stale
    }
    if (current !== text) {
      process.stderr.write(`${out} is stale: run node scripts/update-openapi-subset.mjs\n`)
      process.exitCode = 1
    }
    return
  }
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, text)
  process.stdout.write(`wrote ${out}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2))
