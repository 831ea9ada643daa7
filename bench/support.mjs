// Loads the TypeScript test servers (__tests__/support/*.ts) in plain Node: each file is transpiled
// with the installed `typescript` package (no type check) into .cache/bench-support/, two levels
// below the repository root, so their `new URL('../../__fixtures__/…', import.meta.url)` and their
// `ajv` imports resolve exactly as they do under jest.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
