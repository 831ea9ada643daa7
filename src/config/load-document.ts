import { classifyDocument } from './classify-document.js'
import { createDocContext, type DocContext } from './document-context.js'
import { describeValue } from './describe-value.js'
import { fieldValue } from './field-value.js'
import { formatField, type FieldPath } from './format-field.js'
import { expandedInAgent, expandedInFlow, interpolateEnv, type Interpolated } from './interpolate-env.js'
import type { LoadState } from './load-state.js'
import { readAgent } from './read-agent.js'
import { readDaemonConfig } from './read-daemon-config.js'
import { readFleet } from './read-fleet.js'
import { readFlow } from './read-flow.js'
import { readTrigger } from './read-trigger.js'
import type { Position } from './yaml-position.js'
import { classifyTriggerType } from './trigger-type.js'

export interface DocumentInput {
  file: string
  value: unknown
  locate(path: FieldPath, options?: { key?: boolean }): Position
  /** In the DaemonConfig's agents directory (or a directory named `agents`): flat agents allowed. */
  inAgentsDir: boolean
  /** In a top-level file of config-path: a DaemonConfig here decides which directories are read. */
  topLevel: boolean
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment)
}

/** A `${VAR}` AOF would expand but that stays as written here: unset (as in AOF), or a secret bound for a model or GitHub. */
function reportUnexpanded(ctx: DocContext, interpolated: Interpolated): void {
  const seen = new Set<string>()
  const report = (path: FieldPath, name: string, why: string): void => {
    if (ctx.ignored.some((prefix) => startsWith(path, prefix))) return
    const key = `${formatField(path)}\0${name}`
    if (seen.has(key)) return
    seen.add(key)
    ctx.report('warning', path, `${formatField(path)} uses \${${name}}, ${why}`)
  }
  for (const { path, name } of interpolated.unset) {
    if (expandedInAgent(path)) {
      // An MCP server given a literal ${NAME} would fail in ways far from here: say it now.
      if (!ctx.ignored.some((prefix) => startsWith(path, prefix))) {
        ctx.report('error', path, `${formatField(path)} uses \${${name}}, but ${name} is not set; set it in the workflow step's env:`)
      }
      continue
    }
    report(path, name, `but ${name} is not set, so it stays as written (as in AOF); set it in the workflow step's env: if it should be filled in`)
  }
  for (const { path, name } of interpolated.withheld) {
    report(path, name, `which looks like a secret, so it stays as written: this text goes to a model or to GitHub, and a secret never does`)
  }
}

/** Reads one YAML document into the load state: classify, interpolate, validate, normalise. */
export function loadDocument(input: DocumentInput, state: LoadState): void {
  const raw = createDocContext(input, state.log)
  if (!isMapping(input.value)) {
    raw.report('error', [], `document is not a mapping (found ${describeValue(input.value)}); an AOF document has apiVersion, kind, metadata and spec`)
    return
  }
  const classification = classifyDocument(input.value, input.file, input.inAgentsDir)
  if ('skip' in classification) {
    const { severity, path, message, once } = classification.skip
    raw.report(severity, path, message, { key: true, ...(once ? { once } : {}) })
    return
  }
  const { kind, note } = classification
  if (note) raw.report(note.severity, note.path, note.message, { key: true, ...(note.once ? { once: note.once } : {}) })
  if (kind === 'Trigger') {
    const type = classifyTriggerType(fieldValue(input.value, ['spec', 'type']))
    if (type.kind === 'other') {
      const name = fieldValue(input.value, ['metadata', 'name'])
      raw.report('notice', ['spec', 'type'], `ignored: ${type.reason}${typeof name === 'string' ? ` (trigger '${name}')` : ''}`)
      return
    }
  }
  if (kind === 'DaemonConfig' && state.daemonAt) {
    const first = state.daemonAt
    raw.report('error', ['kind'], `a second DaemonConfig; only one is read, the first is at ${first.file}:${first.line}`)
    return
  }
  const interpolated = interpolateEnv(
    input.value,
    state.env,
    kind === 'AgentFlow' ? expandedInFlow : kind === 'Trigger' || kind === 'DaemonConfig' ? undefined : expandedInAgent
  )
  const ctx = createDocContext({ ...input, value: interpolated.value }, state.log, state.toolHost)
  for (const path of interpolated.reserved) {
    ctx.report(
      'error',
      path,
      `the key __proto__ is not allowed in ${formatField(path.slice(0, -1)) || 'a document'} (it names JavaScript's object prototype); rename or remove it`,
      {
        key: true
      }
    )
  }
  switch (kind) {
    case 'Trigger':
      readTrigger(ctx, state)
      break
    case 'Agent':
    case 'FlatAgent':
      readAgent(ctx, state, kind === 'Agent' ? 'kubernetes' : 'flat')
      break
    case 'AgentFleet':
      readFleet(ctx, state)
      break
    case 'AgentFlow':
      readFlow(ctx, state)
      break
    case 'DaemonConfig':
      state.daemonAt = ctx.location([])
      readDaemonConfig(ctx, state, input.topLevel)
      break
  }
  reportUnexpanded(ctx, interpolated)
}
