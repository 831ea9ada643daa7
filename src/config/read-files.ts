import type { DiagnosticLog } from './diagnostic-log.js'
import { parseYamlFile, type ParsedFile } from './parse-yaml-file.js'
import type { ConfigSource } from './types.js'

/** Files read at once; the API source makes one request per file. */
const READ_CONCURRENCY = 8

/**
 * Reads and parses every path not yet in `cache`, each exactly once. Reads run in parallel; parsing
 * runs afterwards in the given order, so diagnostics do not depend on which read finished first.
 */
export async function readFiles(source: ConfigSource, paths: string[], log: DiagnosticLog, cache: Map<string, ParsedFile>): Promise<void> {
  const pending = paths.filter((p) => !cache.has(p))
  const texts = new Map<string, string | Error>()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const path = pending[next++] as string
      try {
        texts.set(path, await source.read(path))
      } catch (error) {
        texts.set(path, error instanceof Error ? error : new Error(String(error)))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, pending.length) }, worker))
  for (const path of pending) {
    const text = texts.get(path)
    if (typeof text !== 'string') {
      log.add({ severity: 'error', file: path, line: 1, message: `cannot read ${path}: ${text?.message ?? 'unknown error'}` })
      continue
    }
    cache.set(path, parseYamlFile(path, text, log))
  }
}
