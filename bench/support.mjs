// Loads the TypeScript test servers (__tests__/support/*.ts) in plain Node: each file is transpiled
// with the installed `typescript` package (no type check) into .cache/bench-support/, two levels
// below the repository root, so their `new URL('../../__fixtures__/…', import.meta.url)` and their
// `ajv` imports resolve exactly as they do under jest.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

export function compileSupport(repoRoot) {
  const from = join(repoRoot, '__tests__', 'support')
  const to = join(repoRoot, '.cache', 'bench-support')
  mkdirSync(to, { recursive: true })
  for (const name of readdirSync(from).filter((n) => n.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(from, name), 'utf8'), {
      fileName: name,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true }
    })
    writeFileSync(join(to, name.replace(/\.ts$/, '.js')), outputText)
  }
  return (name) => import(pathToFileURL(join(to, `${name}.js`)).href)
}

/**
 * Loads one module of src/ in plain Node, for the measures that time a pure function rather than
 * the bundle: the file and the relative imports it pulls in are transpiled as above into
 * .cache/bench-src/, keeping src/'s layout so those imports resolve.
 */
export async function compileSource(repoRoot, entry) {
  const to = join(repoRoot, '.cache', 'bench-src')
  const pending = [entry]
  const done = new Set()
  while (pending.length > 0) {
    const file = pending.pop()
    if (done.has(file)) continue
    done.add(file)
    const text = readFileSync(join(repoRoot, file), 'utf8')
    for (const [, spec] of text.matchAll(/from '(\.\.?\/[^']+)\.js'/g)) pending.push(join(dirname(file), `${spec}.ts`))
    const { outputText } = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true }
    })
    const out = join(to, file.replace(/\.ts$/, '.js'))
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, outputText)
  }
  return import(pathToFileURL(join(to, entry.replace(/\.ts$/, '.js'))).href)
}
