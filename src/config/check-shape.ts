import type { z } from 'zod'
import { describeValue } from './describe-value.js'
import type { DocContext } from './document-context.js'
import { fieldValue } from './field-value.js'
import { findUnknownKeys } from './find-unknown-keys.js'
import { formatField, type FieldPath } from './format-field.js'

interface Issue {
  code: string
  path: PropertyKey[]
  message: string
  expected?: string
  errors?: Issue[][]
}

/** Fallback phrases for schema parts without a custom `error` (every schema here should have one). */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping'
}

function phraseOf(issue: Issue): string {
  if (!issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ')) return issue.message
  return (issue.expected && EXPECTED[issue.expected]) ?? 'a valid value'
}

function isRootTypeMismatch(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0
}

/**
 * A union fails as a whole ("a tool name, or a mapping …"). When the value has the shape of exactly
 * one option (a mapping for the mapping option), that option's own issues say more, so use them.
 */
function flatten(issues: Issue[], prefix: PropertyKey[], root: unknown, out: { path: PropertyKey[]; issue: Issue }[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path]
    let branches = issue.code === 'invalid_union' ? (issue.errors ?? []).filter((b) => !b.some(isRootTypeMismatch)) : []
    // Still ambiguous ({name, enabled: "yes"} is close to two tool forms): prefer the option whose
    // complaints are about values that were written, not about keys that are missing.
    if (branches.length > 1) {
      branches = branches.filter((b) => b.every((i) => valueAt(root, [...path, ...i.path]) !== undefined))
    }
    if (branches.length === 1) flatten(branches[0] as Issue[], path, root, out)
    else out.push({ path, issue })
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return fieldValue(
    root,
    path.map((s) => (typeof s === 'number' ? s : String(s)))
  )
}

/**
 * Validates `value` (found at `base` in the document) against `schema`. Wrong types become errors
 * at the offending node, in words ("spec.config.github_events must be a list of event names, e.g.
 * [pull_request, issue_comment] (found the text "push")"); unknown keys become warnings at their
 * key and are added to the context's ignored paths. Returns the parsed data, or null on errors.
 */
export function checkShape<T>(ctx: DocContext, schema: z.ZodType<T>, value: unknown, base: FieldPath = []): T | null {
  for (const path of findUnknownKeys(schema, value, base)) {
    ctx.report('warning', path, `${formatField(path)} is not a field github-agent knows; it is ignored`, { key: true })
    ctx.ignored.push(path)
  }
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const found: { path: PropertyKey[]; issue: Issue }[] = []
  flatten(result.error.issues as unknown as Issue[], [], value, found)
  const seen = new Set<string>()
  for (const { path: relative, issue } of found) {
    const path: FieldPath = [...base, ...relative.map((s) => (typeof s === 'number' ? s : String(s)))]
    const field = formatField(path)
    if (seen.has(field)) continue
    seen.add(field)
    const actual = valueAt(value, path.slice(base.length))
    const phrase = phraseOf(issue)
    const message = actual === undefined ? `${field} is missing; it must be ${phrase}` : `${field} must be ${phrase} (found ${describeValue(actual)})`
    ctx.report('error', path, message)
  }
  return null
}
