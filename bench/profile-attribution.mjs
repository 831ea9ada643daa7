// Where a run's CPU time went, from a V8 .cpuprofile of dist/index.js: each sample charged to the
// npm package or src/ folder whose bundled code was running (see byPackage), or to what Node itself
// was doing (compiling the bundle, garbage collection, idle while waiting on I/O or timers).
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const cache = new Map()
function bundleLines(path) {
  if (!cache.has(path)) cache.set(path, readFileSync(path, 'utf8').split('\n'))
  return cache.get(path)
}

/** Milliseconds of samples per profile node. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  return { byId, self }
}

/** Milliseconds per function (`name file:line`), for the by-function view. */
export function byFunction(profile, repoRoot) {
  const { byId, self } = selfTimes(profile)
  const out = new Map()
  for (const [id, t] of self) {
    const f = byId.get(id).callFrame
    const file = f.url ? f.url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '') : '(native)'
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
    out.set(key, (out.get(key) ?? 0) + t)
  }
  return out
}

/**
 * ncc keeps webpack's comments: `// CONCATENATED MODULE: ./node_modules/x/…` opens each ES module
 * folded into the one big factory, and `// EXTERNAL MODULE: ./node_modules/y/…` names the CommonJS
 * module whose id follows; a CommonJS module without a name takes the name of the first named module
 * that requires it. A sample is charged to the bundle line nearest the top of its stack (a file read
 * is charged to the code that asked for it); lines map to a package or a src/ folder.
 */
export function byPackage(profile, bundlePath) {
  const bundleUrl = pathToFileURL(bundlePath).href
  const { nameOfLine } = bundleMap(bundlePath)
  const { byId, self } = selfTimes(profile)
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const out = new Map()
  for (const [id, t] of self) {
    const frame = byId.get(id).callFrame
    let name = null
    if (frame.url === bundleUrl && frame.functionName === '__nccwpck_require__') name = 'bundle runtime (module loading)'
    for (let at = id; at !== undefined && name === null; at = parent.get(at)) {
      const f = byId.get(at).callFrame
      if (f.url === bundleUrl) name = nameOfLine(f.lineNumber)
    }
    if (name === null) name = frame.functionName.startsWith('(') ? frame.functionName : `node: ${frame.functionName || '(anonymous)'}`
    out.set(name, (out.get(name) ?? 0) + t)
  }
  return out
}

/** Bytes of the bundle per package or src/ folder: what every run reads and compiles. */
export function composition(bundlePath) {
  const { lines, nameOfLine } = bundleMap(bundlePath)
  const out = new Map()
  lines.forEach((line, i) => {
    const name = nameOfLine(i)
    out.set(name, (out.get(name) ?? 0) + Buffer.byteLength(line) + 1)
  })
  return out
}

const maps = new Map()
/** For each line of an ncc bundle, the package or src/ folder it came from. */
function bundleMap(bundlePath) {
  if (maps.has(bundlePath)) return maps.get(bundlePath)
  const lines = bundleLines(bundlePath)
  const pkg = (path) => path.replace(/^\.\/node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace(/^\.\/src\/([^/.]+)(\/.*|\.ts)?$/, 'src/$1')
  const named = new Map()
  const sections = []
  const modules = []
  let runtimeAt = null
  lines.forEach((line, i) => {
    const ext = /EXTERNAL MODULE: (\S+)/.exec(line)
    const id = ext && /__nccwpck_require__\((\d+)\)/.exec(lines[i + 1] ?? '')
    if (id) named.set(id[1], pkg(ext[1]))
    const cat = /CONCATENATED MODULE: (\S+)/.exec(line)
    if (cat) sections.push([i, pkg(cat[1])])
    const mod = /^\/\*\*\*\/ (\d+):$/.exec(line)
    if (mod) modules.push([i, mod[1]])
    // The module table ends where webpack's runtime begins.
    if (runtimeAt === null && modules.length > 0 && line.startsWith('/************')) runtimeAt = i
  })
  // Unnamed CommonJS modules inherit the name of a named module that requires them.
  const requires = new Map()
  modules.forEach(([from, id], k) => {
    const to = modules[k + 1]?.[0] ?? runtimeAt ?? lines.length
    const deps = new Set()
    for (let i = from; i < to; i++) for (const m of lines[i].matchAll(/__nccwpck_require__\((\d+)\)/g)) deps.add(m[1])
    requires.set(id, [...deps])
  })
  const queue = [...named.keys()]
  while (queue.length > 0) {
    const id = queue.shift()
    for (const dep of requires.get(id) ?? []) {
      if (!named.has(dep)) {
        named.set(dep, named.get(id))
        queue.push(dep)
      }
    }
  }
  const last = (list, line) => {
    let lo = 0
    let hi = list.length - 1
    let found = null
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (list[mid][0] <= line) {
        found = list[mid][1]
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
  const nameOfLine = (line) => {
    const id = runtimeAt !== null && line >= runtimeAt ? null : last(modules, line)
    if (id === null) return 'bundle runtime'
    if (named.has(id)) return named.get(id)
    const section = modules.find(([, m]) => m === id)?.[0] <= (sections[0]?.[0] ?? Infinity) || sections.length === 0 ? last(sections, line) : null
    return section ?? (lines[line]?.includes('__nccwpck_require__') ? 'bundle runtime' : `module ${id}`)
  }
  const map = { lines, nameOfLine }
  maps.set(bundlePath, map)
  return map
}
