import { METADATA_GROUPS } from '../event/metadata-variables.js'

/** The metadata names that can exist for a Trigger listening to `eventNames` (empty = every event). */
export function metadataNamesFor(eventNames: string[]): Set<string> {
  const wanted = new Set(eventNames.map((e) => e.toLowerCase()))
  const names = new Set<string>()
  for (const group of METADATA_GROUPS) {
    if (eventNames.length === 0 || group.events === null || group.events.some((e) => wanted.has(e))) {
      group.names.forEach((n) => names.add(n))
    }
  }
  return names
}
