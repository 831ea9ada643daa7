// Where a program is on the step's PATH, as a shell would find it: the first directory holding an
// executable file of that name. Tools spawn the path found here, never a name.
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'

/** The path of a program on the PATH it was made for, or null; each name is looked up once. */
export type ProgramFinder = (name: string) => string | null

export function programFinder(path: string | undefined): ProgramFinder {
  const dirs = (path ?? '').split(delimiter).filter((d) => d !== '' && isAbsolute(d))
  const found = new Map<string, string | null>()
  return (name) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name)) return null
    if (found.has(name)) return found.get(name) ?? null
    let hit: string | null = null
    for (const dir of dirs) {
      const candidate = join(dir, name)
      try {
        accessSync(candidate, constants.X_OK)
        if (statSync(candidate).isFile()) {
          hit = candidate
          break
        }
      } catch {
        // Not here.
      }
    }
    found.set(name, hit)
    return hit
  }
}
