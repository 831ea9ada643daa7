import type { FieldPath } from './format-field.js'
import type { Severity } from './types.js'

export type DocumentKind = 'Trigger' | 'Agent' | 'FlatAgent' | 'AgentFleet' | 'AgentFlow' | 'DaemonConfig'

export interface Skip {
  severity: Severity
  path: FieldPath
  message: string
  once?: string
}

/** `note`: said once, the document still loads. */
export type Classification = { kind: DocumentKind; note?: Skip } | { skip: Skip }

export const API_VERSIONS = ['aof.dev/v1', 'aof.dev/v1alpha1', 'aof.sh/v1alpha1', 'aof.agenticops.org/v1alpha1']

const KINDS: Record<string, DocumentKind> = {
  Trigger: 'Trigger',
  Agent: 'Agent',
  AgentFleet: 'AgentFleet',
  Fleet: 'AgentFleet',
  AgentFlow: 'AgentFlow',
  Flow: 'AgentFlow',
  DaemonConfig: 'DaemonConfig'
}

/** AOF kinds that exist but drive nothing in a GitHub Action. */
const UNUSED_AOF_KINDS = new Set(['Workflow', 'Context'])

const EXPECTED = 'Trigger, Agent, AgentFleet, AgentFlow or DaemonConfig'

/**
 * Decides what a document is from `kind` and `apiVersion`, before anything else is read. AOF's
 * flat agent form (`name` + `model`, no kind) counts only in an agents directory, as in AOF.
 */
export function classifyDocument(value: Record<string, unknown>, file: string, inAgentsDir: boolean): Classification {
  const { kind, apiVersion } = value
  if (kind === undefined) {
    if (inAgentsDir && typeof value.name === 'string' && value.model !== undefined) return { kind: 'FlatAgent' }
    return {
      skip: {
        severity: 'warning',
        path: [],
        message: `document has no kind, so it is skipped; expected kind: ${EXPECTED} (a flat agent with top-level name and model belongs in an agents directory)`
      }
    }
  }
  if (typeof kind !== 'string') {
    return { skip: { severity: 'error', path: ['kind'], message: `kind must be one of ${EXPECTED}` } }
  }
  const known = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined
  const aofVersion = typeof apiVersion === 'string' && API_VERSIONS.includes(apiVersion)
  if (!known) {
    if ((aofVersion || apiVersion === undefined) && !UNUSED_AOF_KINDS.has(kind)) {
      return {
        skip: { severity: 'warning', path: ['kind'], message: `kind ${kind} is not one github-agent reads, so the document is skipped; expected ${EXPECTED}` }
      }
    }
    return { skip: { severity: 'notice', path: ['kind'], message: `ignored: ${kind} is not used by github-agent`, once: `kind:${file}:${kind}` } }
  }
  if (apiVersion !== undefined && !aofVersion) {
    // AOF never checks apiVersion (it only defaults it), so any spelling loads; one notice says so.
    return {
      kind: known,
      note: {
        severity: 'notice',
        path: ['apiVersion'],
        message: `apiVersion ${JSON.stringify(apiVersion)} is not one AOF's own files use (${API_VERSIONS.join(', ')}); AOF does not check it, and neither does github-agent`,
        once: 'apiVersion'
      }
    }
  }
  return { kind: known }
}
