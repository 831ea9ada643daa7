import { createDiagnosticLog } from './diagnostic-log.js'
import { joinPath } from './join-path.js'
import { listYamlFiles } from './list-yaml-files.js'
import { loadDocument, type DocumentInput } from './load-document.js'
import { createLoadState, type LoadState } from './load-state.js'
import type { ParsedDocument, ParsedFile } from './parse-yaml-file.js'
import { planLayout, type Layout } from './plan-layout.js'
import { readFiles } from './read-files.js'
import { resolveReferences } from './resolve-references.js'
import { markSkipped, settleDocument } from './skip-resource.js'
import type { Config, ConfigSource, Diagnostic, FlowGraphCheck, TargetKind, ToolHost } from './types.js'
import { errorMessage } from '../shared/errors.js'

function isDaemonConfig(document: ParsedDocument): boolean {
  const value = document.value as { kind?: unknown } | null
  return typeof value === 'object' && value !== null && value.kind === 'DaemonConfig'
}

/** Annotations read best in file and line order; the sort is stable, so same-line findings keep their order. */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
}

function result(state: LoadState, files: string[]): Config {
  const config: Config = {
    triggers: state.triggers,
    agents: state.agents,
    fleets: state.fleets,
    flows: state.flows,
    skipped: { agent: skippedRecord(state, 'agent'), fleet: skippedRecord(state, 'fleet'), flow: skippedRecord(state, 'flow') },
    files,
    diagnostics: [...state.log.items].sort(byPlace)
  }
  if (state.botName !== undefined) config.botName = state.botName
  return config
}

function skippedRecord(state: LoadState, kind: TargetKind): Record<string, Diagnostic[]> {
  const out = Object.create(null) as Record<string, Diagnostic[]>
  for (const [name, reasons] of state.skipped[kind]) out[name] = reasons
  return out
}

/** A file that cannot be read or parsed is skipped with a warning, as AOF's loaders skip it; the rest still loads. */
async function readSkipping(source: ConfigSource, paths: string[], state: LoadState, cache: Map<string, ParsedFile>): Promise<void> {
  const before = state.log.items.length
  await readFiles(source, paths, state.log, cache)
  for (const d of state.log.items.slice(before)) {
    if (d.severity !== 'error') continue
    // Unreadable or too large: no column, nothing of the file is read; a YAML error: that document only.
    markSkipped(d, d.column === undefined ? 'the file is skipped' : 'the YAML document with this error is skipped')
  }
}

/**
 * A fleet member's `config:` names an agent file, which AOF reads wherever it is in the repository:
 * files not read yet are read here, as agent files (AOF's flat form allowed), once each.
 */
async function readMemberFiles(source: ConfigSource, state: LoadState, cache: Map<string, ParsedFile>): Promise<void> {
  const wanted = new Set<string>()
  for (const ref of state.references) {
    for (const file of [ref.file, ref.besideFile]) if (file !== undefined && !cache.has(file)) wanted.add(file)
  }
  const found: string[] = []
  for (const path of [...wanted].sort()) {
    try {
      if ((await source.stat(path)) === 'file') found.push(path)
    } catch {
      // Refused (outside the repository): the reference says it was not found.
    }
  }
  if (found.length === 0) return
  await readSkipping(source, found, state, cache)
  for (const path of found) {
    const file = cache.get(path)
    for (const document of file?.documents ?? []) {
      loadSafely({ file: path, value: document.value, locate: document.locate, inAgentsDir: true, topLevel: false }, state)
    }
  }
}

function warnIfNoTriggers(state: LoadState, configPath: string): void {
  if (state.triggers.length > 0 || state.log.items.some((d) => d.severity === 'error')) return
  state.log.add({
    severity: 'warning',
    file: configPath,
    line: 1,
    message: `no GitHub Trigger is defined under ${configPath}, so no event will be routed; add a kind: Trigger with spec.type: GitHub`
  })
}

/** A defect in a reader must not take the run down with a stack trace; it becomes an error at the document. */
function loadSafely(input: DocumentInput, state: LoadState): void {
  const before = { diagnostics: state.log.items.length, references: state.references.length }
  const { line, column } = input.locate([])
  try {
    loadDocument(input, state)
  } catch (error) {
    state.log.add({ severity: 'error', file: input.file, line, column, message: `this document could not be read (${errorMessage(error)})` })
  }
  settleDocument(state, { value: input.value, file: input.file, at: { file: input.file, line }, inAgentsDir: input.inAgentsDir }, before)
}

function documentsOf(file: ParsedFile, layout: Layout | null, topLevel: boolean): [ParsedDocument, DocumentInput][] {
  const inAgentsDir = layout?.isAgentsDir(file.path) ?? false
  return file.documents.map((document) => [document, { file: file.path, value: document.value, locate: document.locate, inAgentsDir, topLevel }])
}

/**
 * Loads AOF YAML from `configPath` (one file, or a directory) into a `Config`. Never throws for
 * bad input: every problem is a diagnostic naming file, line, field and the expected form.
 *
 * A directory holding a DaemonConfig at its top level is read as AOF's daemon reads it (its
 * triggers/agents/fleets/flows directories, non-recursively); any other directory is read
 * recursively. Each file is read and parsed once.
 *
 * `options.toolHost` says which programs the run has: an agent's tool whose program is missing is
 * an error at the tool. `checkFlow` is src/flow's `checkFlow`, run on every flow (see FlowGraphCheck); it is required, so
 * no caller can load flows without their checks.
 */
export async function loadConfig(
  source: ConfigSource,
  configPath: string,
  env: Record<string, string | undefined>,
  checkFlow: FlowGraphCheck,
  options: { toolHost?: ToolHost } = {}
): Promise<Config> {
  const state = createLoadState(env, createDiagnosticLog(), checkFlow)
  if (options.toolHost) state.toolHost = options.toolHost
  const cache = new Map<string, ParsedFile>()
  const fail = (text: string): Config => {
    state.log.add({ severity: 'error', file: configPath, line: 1, message: text })
    return result(state, [])
  }

  const root = joinPath('', configPath)
  if (root === null) return fail(`config-path '${configPath}' is outside the repository; it must be a path inside it, e.g. .github/aof`)
  let kind: 'file' | 'dir' | null
  let topFiles: string[]
  try {
    kind = await source.stat(root)
    topFiles = kind === 'dir' ? (await listYamlFiles(source, root)).sort() : kind === 'file' ? [root] : []
  } catch (error) {
    return fail(`config-path '${configPath}' cannot be read from ${source.description}: ${errorMessage(error)}`)
  }
  if (kind === null) {
    return fail(
      `config-path '${configPath}' does not exist in ${source.description}; expected a directory of AOF YAML files (*.yaml, *.yml) or one YAML file (set the action's config-path input)`
    )
  }

  // A DaemonConfig at the top decides which directories are read, so it is loaded first.
  await readSkipping(source, topFiles, state, cache)
  const done = new Set<ParsedDocument>()
  for (const path of topFiles) {
    const file = cache.get(path)
    for (const [document, input] of file ? documentsOf(file, null, true) : []) {
      if (state.daemonAt || !isDaemonConfig(document)) continue
      loadSafely(input, state)
      done.add(document)
    }
  }

  let layout: Layout
  try {
    layout = await planLayout(source, state, root, kind, topFiles, configPath)
  } catch (error) {
    return fail(`config-path '${configPath}' cannot be listed: ${errorMessage(error)}`)
  }
  const files = [...new Set(layout.files)].sort()
  await readSkipping(source, files, state, cache)
  for (const path of files) {
    const file = cache.get(path)
    for (const [document, input] of file ? documentsOf(file, layout, false) : []) {
      if (!done.has(document)) loadSafely(input, state)
    }
  }
  await readMemberFiles(source, state, cache)
  for (const path of cache.keys()) state.filesRead.add(path)
  resolveReferences(state)
  warnIfNoTriggers(state, configPath)
  return result(state, [...cache.keys()].sort())
}
