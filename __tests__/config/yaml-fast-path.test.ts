import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { LineCounter, parseAllDocuments, type Document } from 'yaml'
import { createDiagnosticLog } from '../../src/config/diagnostic-log.js'
import { parseYamlFile } from '../../src/config/parse-yaml-file.js'
import { documentStarts, loadFast } from '../../src/config/yaml-fast-path.js'
import { positionOf } from '../../src/config/yaml-position.js'
import { errors, load, warnings, where } from './memory-source.js'

// The fast path (js-yaml) must read every file it accepts exactly as the `yaml` library does: the
// same values (key order, NaN and -0 included), no error or warning the `yaml` library would have
// given, the same document starts. Checked on a table of tricky inputs, on every YAML file of the
// repository, on mutations of them and on generated documents.

const YAML_OPTIONS = { prettyErrors: false, merge: true, logLevel: 'error' } as const

/** Deep equality that also tells key order, NaN and -0 apart. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  const va = a as Record<string, unknown>
  const vb = b as Record<string, unknown>
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(va[k], vb[k]))
}

const nonEmpty = (values: unknown[]): unknown[] => values.filter((v) => v !== null && v !== undefined)

/** What the `yaml` library makes of `text`: its findings, and the values of the documents it hands on. */
function reference(text: string): { findings: string[]; values: unknown[]; docs: Document[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter }) as Document[]
  const findings = docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.message.split('\n')[0] as string))
  const values: unknown[] = []
  for (const doc of docs) {
    try {
      values.push(doc.contents === null ? null : (doc.toJS({ maxAliasCount: 100 }) as unknown))
    } catch (error) {
      findings.push(String(error))
    }
  }
  return { findings, values: nonEmpty(values), docs, lineCounter }
}

interface Verdict {
  fast: boolean
  problem?: string
}

function compare(text: string): Verdict {
  const values = loadFast(text)
  if (!values) return { fast: false }
  const expected = reference(text)
  if (expected.findings.length > 0) return { fast: true, problem: `yaml library reports: ${expected.findings.join('; ')}` }
  if (!same(nonEmpty(values), expected.values)) {
    return { fast: true, problem: `yaml ${JSON.stringify(expected.values)} vs js-yaml ${JSON.stringify(nonEmpty(values))}` }
  }
  const starts = documentStarts(text)
  if (starts && starts.length === values.length) {
    // The k-th document with content in each: what parse-yaml-file.ts pairs up.
    const docs = expected.docs.filter((d) => d.contents !== null && d.toJS() !== null)
    const scanned = starts.filter((_, i) => values[i] !== null && values[i] !== undefined)
    for (const [k, doc] of docs.entries()) {
      const position = positionOf(doc, expected.lineCounter, [])
      if (!same(scanned[k], position)) return { fast: true, problem: `document ${k} starts at ${JSON.stringify(position)}, scan says ${JSON.stringify(scanned[k])}` }
    }
  }
  return { fast: true }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return yamlFiles(path)
    return /\.ya?ml$/.test(name) && statSync(path).size < 100_000 ? [path] : []
  })
}

const corpus = [...yamlFiles('__fixtures__/config'), ...yamlFiles('examples')]

/** A small deterministic generator (mulberry32), so failures reproduce. */
function randomFrom(seed: number): (n: number) => number {
  let state = seed
  return (n) => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) % n
  }
}

/** Deterministic mutations: each line dropped, indented, dedented, and characters spliced in. */
function mutations(text: string, seed: number): [string, string][] {
  const lines = text.split('\n')
  const out: [string, string][] = []
  const random = randomFrom(seed)
  const pieces = ['&a ', '*a', '!x ', '[', ']', '{', '}', '"', "'", '? ', '---', '...', '%YAML 1.2', '\t', '+.5', '0b1', ': ', '- ', '#', '|', '>-', '<<: ', '\\', 'yes', '~', '{{', '- -', '-']
  lines.forEach((line, i) => {
    const replace = (what: string, next: string[]): void => {
      out.push([`line ${i + 1} ${what}: ${JSON.stringify(next.join('⏎'))}`, [...lines.slice(0, i), ...next, ...lines.slice(i + 1)].join('\n')])
    }
    replace('dropped', [])
    replace('indented', [` ${line}`])
    replace('dedented', [line.replace(/^ /, '')])
    const at = random(line.length + 1)
    const piece = pieces[random(pieces.length)] as string
    replace(`spliced ${JSON.stringify(piece)}`, [line.slice(0, at) + piece + line.slice(at)])
  })
  return out
}

/** Short documents of random lines at random indentations: where the two parsers' block rules meet. */
function generated(seed: number, count: number): string[] {
  const random = randomFrom(seed)
  const tokens = ['-', '- a', 'a:', 'b: c', '- a:', '- b: c', '# c', '', '|', '- |', 'a: |', 'k: >-', 'k: |+', 'text', '- - a', '- # c']
  const more = ['[a, {b: c}]', '{a: [b], c: d}', '{{ a }}', 'x: [a]', '"q"', "k: 'it''s'", '---', '...', '-\ta', 'a:\tb', 'e:', '~: x', '1e400', '+.5']
  const all = [...tokens, ...more]
  return Array.from({ length: count }, () => {
    const lines = Array.from({ length: 1 + random(6) }, () => ' '.repeat(random(5)) + (all[random(all.length)] as string))
    return lines.join('\n') + (random(3) ? '\n' : '')
  })
}

describe('the js-yaml fast path reads what the yaml library reads', () => {
  it.each([
    // Scalars the YAML 1.1 and 1.2 schemas read differently: the yaml library's core schema rules.
    ['yes/no/on/off stay strings', true, 'a: [yes, no, on, off, y, n, Yes, NO]\n'],
    ['booleans', true, 'a: [true, True, TRUE, false, False, FALSE, tRUE]\n'],
    ['null forms', true, 'a: [~, null, Null, NULL, nULL]\nb:\nc: \n'],
    ['octal, hex, leading zeros', true, 'a: [0o17, 0x1F, 0755, 00, 08, 0o8, 0X1F]\n'],
    ['underscores stay strings', true, 'a: [1_000, 0x_1, 1__0]\n'],
    ['dates and times stay strings', true, 'a: 2024-01-01\nb: 2024-01-01T10:00:00Z\nc: 12:30\nd: 1:30:00\n'],
    ['floats', true, 'a: [1.0, 1e3, 1E+3, .inf, -.Inf, +.inf, .NaN, .nan, 1., .5, 0.]\n'],
    ['signed leading-dot floats (js-yaml core: strings)', true, 'a: [+.5, -.5]\n'],
    ['binary and signed hex or octal (js-yaml core: numbers)', true, 'a: [0b101, -0x1, +0x1, -0o7]\n'],
    ['overflowing floats (js-yaml core: strings)', true, 'a: [1e400, -1e400]\n'],
    ['negative zero (js-yaml core: 0, yaml: -0)', true, 'a: [-0, -0.0, +0]\n'],
    ['large integers', true, 'a: [9007199254740993, 123456789012345678901234567890]\n'],
    ['scalar keys', true, '1.50: a\n0x10: b\n.inf: c\nTrue: d\n-0: e\n2: f\n'],
    ['quoted strings', true, 'a: "\\u00e9\\t\\x41"\nb: \'it\'\'s\'\nc: "yes"\nd: \'0755\'\ne: ""\n'],
    ['block scalars', true, 'a: |\n  x\n\n  y\nb: >-\n  folded\n  text\nc: |-\n  z\n'],
    ['block scalars with YAML-looking text inside', true, 'a: |\n  - *bold* & [unbalanced {\n  ! not a tag\nb: 1\n'],
    ['__proto__ and other prototype names as keys', true, '__proto__: {x: 1}\nconstructor: 1\ntoString: a\n'],
    ['templates in plain text', true, 'a: Review {{ metadata.pr_number }} in ${{ github.repo }}\n'],
    // Declined, and read by the yaml library as before.
    ['anchors and aliases', false, 'a: &x [1]\nb: *x\n'],
    ['merge keys', false, 'base: &b {x: 1}\nd:\n  <<: *b\n  y: 4\n'],
    ['a merge of a sequence (js-yaml merges it, yaml refuses)', false, '<<: [[a]]\n'],
    ['tags', false, 'a: !!str 1\n'],
    ['directives', false, '%YAML 1.2\n---\na: 1\n'],
    ['flow collections over several lines (a yaml warning)', false, 'a: [1,\n  2]\n'],
    ['complex keys', false, '? [a, b]\n: c\n'],
    ['collection keys', false, '[a, b]: c\n'],
    ['collection keys in a flow mapping', false, 'a: {[b]: c, {d}}\n'],
    ['null keys (yaml names them "", js-yaml "null")', false, '~: a\n'],
    ['text after a document marker (js-yaml: a marker)', false, '---x: a\n'],
    ['a comment right after a quote (a yaml error)', false, 'a: "b"#c\n'],
    ['an implicit key over 1024 characters (a yaml error)', false, `${'k'.repeat(1100)}: v\n`],
    ['a tab in the indentation (a yaml error)', false, 'a:\n\t- b\n'],
    ['a lone carriage return (a line break to js-yaml only)', false, 'a: 1\rb: 2\n'],
    ['an empty item then a less indented one (js-yaml joins them)', false, '- x:\n  -\n- y\n'],
    ['a compact nested sequence', false, '- - a\n  - b\n'],
    ['keep chomping', false, 'a: |+\n  x\n '],
    ['a block scalar as the root', false, '|\n x\n'],
    ['duplicate keys', false, 'a: 1\na: 2\n'],
    ['nesting deeper than js-yaml reads', false, `${Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`]
  ])('%s: fast path %s, and equal to the yaml library', (_name, fast, text) => {
    expect(compare(text)).toEqual({ fast })
    // Whichever path reads it, parseYamlFile hands on the yaml library's values.
    const log = createDiagnosticLog()
    const parsed = parseYamlFile('t.yaml', text, log)
    const expected = reference(text)
    if (expected.findings.length === 0) expect(same(parsed.documents.map((d) => d.value), expected.values)).toBe(true)
  })

  it('on every YAML file of the fixtures and examples, nearly all of which it reads', () => {
    expect(corpus.length).toBeGreaterThan(50)
    const problems = corpus.map((path) => [path, compare(readFileSync(path, 'utf8'))] as const).filter(([, v]) => v.problem)
    expect(problems).toEqual([])
    const slow = corpus.filter((path) => !compare(readFileSync(path, 'utf8')).fast)
    // Only hostile and malformed files need the yaml library.
    expect(slow.filter((path) => !/\/(evil|malformed)\//.test(path))).toEqual([])
  })

  it('on mutations of them (lines dropped, re-indented, YAML syntax spliced in)', () => {
    let checked = 0
    let fast = 0
    const problems: string[] = []
    corpus.forEach((path, n) => {
      for (const [what, text] of [1, 7919].flatMap((seed) => mutations(readFileSync(path, 'utf8'), n + seed))) {
        const verdict = compare(text)
        checked++
        if (verdict.fast) fast++
        if (verdict.problem) problems.push(`${path}, ${what} → ${verdict.problem}`)
      }
    })
    expect(problems).toEqual([])
    expect(checked).toBeGreaterThan(2000)
    expect(fast).toBeGreaterThan(checked / 4)
  })

  it('on generated documents of odd indentation, flow collections and block scalars', () => {
    const texts = [...generated(1, 3000), ...generated(2, 3000)]
    const problems = texts.map((text) => [text, compare(text)] as const).filter(([, v]) => v.problem)
    expect(problems).toEqual([])
    expect(texts.filter((text) => compare(text).fast).length).toBeGreaterThan(texts.length / 5)
  })

  it.each([
    ['plain', 'a: 1\n', [{ line: 1, column: 1 }]],
    ['comments and a marker first', '# hi\n---\n\n  a: 1\n', [{ line: 4, column: 3 }]],
    ['three documents, one empty', 'a: 1\n---\n# nothing\n---\nb: 2\n', [{ line: 1, column: 1 }, null, { line: 5, column: 1 }]],
    ['an end marker', 'a: 1\n...\n---\n- b\n', [{ line: 1, column: 1 }, { line: 4, column: 1 }]],
    ['content on the marker line is not followed', '--- {a: 1}\n', null],
    ['CRLF line ends', 'a: 1\r\n---\r\nb: 2\r\n', [{ line: 1, column: 1 }, { line: 3, column: 1 }]]
  ])('documentStarts: %s', (_name, text, starts) => {
    expect(documentStarts(text)).toEqual(starts)
  })
})

describe('positions on the fast path', () => {
  const text = ['# two triggers', '---', 'kind: Agent', 'metadata: {name: a}', 'spec: {instructions: hi}', '---', 'kind: Agent', 'metadata: {name: b}', 'spec:', '  instructions: hi', '  colour: blue', ''].join('\n')

  it('locates a field of the second document only when asked, at the line the yaml library gives', () => {
    const log = createDiagnosticLog()
    const parsed = parseYamlFile('aof/agents.yaml', text, log)
    expect(log.items).toEqual([])
    expect(loadFast(text)).not.toBeNull()
    expect(parsed.documents.map((d) => d.value)).toEqual(reference(text).values)
    expect(parsed.documents[1]?.locate([])).toEqual({ line: 7, column: 1 })
    expect(parsed.documents[1]?.locate(['spec', 'colour'], { key: true })).toEqual({ line: 11, column: 3 })
    expect(parsed.documents[0]?.locate(['metadata', 'name'])).toEqual({ line: 4, column: 18 })
  })

  it('an unknown key in a fast-path file is annotated at its own line', async () => {
    const config = await load({ 'aof/agents.yaml': text })
    expect(errors(config)).toEqual([])
    expect(warnings(config).filter((d) => d.field).map(where)).toEqual(['warning aof/agents.yaml:11 spec.colour'])
  })

  it('an unknown key on line 7, in the second non-empty of three documents, has its line and column', async () => {
    const three = [
      'kind: Agent', //                                  1
      'metadata: {name: a}', //                          2
      'spec: {instructions: hi}', //                     3
      '---', //                                          4
      '# nothing here: an empty document', //            5
      '--- # the second non-empty document', //          6
      'spec: {instructions: hi, colour: blue}', //       7
      'kind: Agent', //                                  8
      'metadata: {name: b}', //                          9
      ''
    ].join('\n')
    expect(loadFast(three)).not.toBeNull()
    const config = await load({ 'aof/agents.yaml': three })
    expect(errors(config)).toEqual([])
    const unknown = warnings(config).filter((d) => d.field === 'spec.colour')
    expect(unknown.map((d) => [d.line, d.column])).toEqual([[7, 26]])
    // The same place the yaml library gives for that key.
    const { docs, lineCounter } = reference(three)
    expect(positionOf(docs[2] as Document, lineCounter, ['spec', 'colour'], { key: true })).toEqual({ line: 7, column: 26 })
  })

  it('a file whose first document is empty: the next document keeps its own positions', async () => {
    const file = ['# header comment only', '---', 'kind: Agent', 'metadata: {name: a}', 'spec:', '  instructions: hi', '  colour: blue', ''].join('\n')
    expect(loadFast(file)).not.toBeNull()
    const parsed = parseYamlFile('aof/a.yaml', file, createDiagnosticLog())
    expect(parsed.documents).toHaveLength(1)
    expect(parsed.documents[0]?.locate([])).toEqual({ line: 3, column: 1 })
    expect(parsed.documents[0]?.locate(['spec', 'colour'], { key: true })).toEqual({ line: 7, column: 3 })
    const config = await load({ 'aof/a.yaml': `---\n${file}` })
    expect(warnings(config).filter((d) => d.field).map((d) => `${where(d)}:${d.column}`)).toEqual(['warning aof/a.yaml:8 spec.colour:3'])
  })

  it('a file the fast path declines (an alias bomb) is still refused by the yaml library', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n')
    expect(loadFast(bomb)).toBeNull()
    const config = await load({ 'aof/bomb.yaml': bomb })
    expect(errors(config).map((d) => `${where(d)} ${d.message}`)).toEqual([
      expect.stringMatching(/^error aof\/bomb\.yaml:1 - YAML aliases expand too far \(more than 100 alias uses\)/)
    ])
  })
})
