import { describe, expect, it } from '@jest/globals'
import { createDiagnosticLog } from '../../src/config/diagnostic-log.js'
import { parseYamlFile } from '../../src/config/parse-yaml-file.js'
import { errors, load, warnings, where } from './memory-source.js'

function parse(text: string): { values: unknown[]; findings: string[] } {
  const log = createDiagnosticLog()
  const parsed = parseYamlFile('aof/x.yaml', text, log)
  return { values: parsed.documents.map((d) => d.value), findings: log.items.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`) }
}

/** The value of `a` in a one-document file without findings. */
function valueOfA(text: string): unknown {
  const { values, findings } = parse(text)
  expect(findings).toEqual([])
  return (values[0] as { a: unknown }).a
}

// AOF's files are YAML 1.2 (the core schema); a reader used to YAML 1.1 (PyYAML, older Go and Ruby
// libraries) would read some plain scalars differently. These are the readings users get.
describe('plain scalars follow the YAML 1.2 core schema', () => {
  it.each([
    ['yes/no/on/off stay strings', 'a: [yes, no, on, off, y, n, Yes, NO]\n', ['yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO']],
    [
      'booleans, in the three spellings the schema knows',
      'a: [true, True, TRUE, false, False, FALSE, tRUE]\n',
      [true, true, true, false, false, false, 'tRUE']
    ],
    ['null forms', 'a: [~, null, Null, NULL, nULL]\n', [null, null, null, null, 'nULL']],
    ['octal needs 0o; a leading zero is decimal', 'a: [0o17, 0x1F, 0755, 00, 08, 0o8, 0X1F]\n', [15, 31, 755, 0, 8, '0o8', '0X1F']],
    ['binary and signed hex stay strings', 'a: [0b101, -0x1, +0x1]\n', ['0b101', '-0x1', '+0x1']],
    ['underscores stay strings', 'a: [1_000, 0x_1]\n', ['1_000', '0x_1']],
    [
      'dates and sexagesimal times stay strings',
      'a: [2024-01-01, 2024-01-01T10:00:00Z, 12:30, 1:30:00]\n',
      ['2024-01-01', '2024-01-01T10:00:00Z', '12:30', '1:30:00']
    ],
    ['floats', 'a: [1.0, 1e3, 1E+3, .5, +.5, -.5, 1., 0.]\n', [1, 1000, 1000, 0.5, 0.5, -0.5, 1, 0]],
    ['infinities, overflow included', 'a: [.inf, -.Inf, +.inf, 1e400]\n', [Infinity, -Infinity, Infinity, Infinity]],
    ['quoted scalars are always strings', 'a: ["yes", \'0755\', "true", "", "\\u00e9\\t"]\n', ['yes', '0755', 'true', '', 'é\t']],
    ['templates in plain text', 'a: Review {{ metadata.pr_number }} in ${{ github.repo }}\n', 'Review {{ metadata.pr_number }} in ${{ github.repo }}']
  ])('%s', (_name, text, expected) => {
    expect(valueOfA(text)).toEqual(expected)
  })

  it('keeps NaN and negative zero', () => {
    const [nan, negativeZero] = valueOfA('a: [.nan, -0]\n') as number[]
    expect(nan).toBeNaN()
    expect(Object.is(negativeZero, -0)).toBe(true)
  })

  it('reads `on:` as the key "on", as in a GitHub workflow', () => {
    expect(parse('on: [push]\n').values).toEqual([{ on: ['push'] }])
  })

  it('reads a null key as the empty string, so `null:` and `~:` are the same key', () => {
    expect(parse('~: 1\n').values).toEqual([{ '': 1 }])
    expect(parse('null: 1\n~: 2\n').findings).toEqual(['error 2:1 YAML syntax error: Map keys must be unique'])
  })

  it('switches to YAML 1.1 rules only when the file asks with a %YAML 1.1 directive', () => {
    expect(valueOfA('%YAML 1.1\n---\na: [yes, on, 0755, 12:30]\n')).toEqual([true, true, 493, 750])
  })

  it('keeps __proto__ and other prototype names as plain keys (the loader then refuses __proto__)', () => {
    const [value] = parse('__proto__: {x: 1}\nconstructor: 1\n').values as Record<string, unknown>[]
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value ?? {})).toEqual(['__proto__', 'constructor'])
  })
})

describe('anchors, aliases, merge keys and tags', () => {
  it('expands aliases and applies merge keys, the mapping’s own keys winning', () => {
    const text = 'base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 4\ne: {<<: [*b, {z: 3}], x: 5}\nf: *b\n'
    expect(parse(text)).toEqual({ values: [{ base: { x: 1, y: 2 }, d: { x: 1, y: 4 }, e: { x: 5, y: 2, z: 3 }, f: { x: 1, y: 2 } }], findings: [] })
  })

  it('refuses a merge of something that is not a mapping, at the document', () => {
    expect(parse('a: 1\n<<: [[a]]\n').findings).toEqual(['error 1:1 YAML document cannot be read: Merge sources must be maps or map aliases'])
  })

  it('refuses aliases that expand too far (billion laughs), at the document', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      ''
    ].join('\n')
    expect(parse(bomb)).toEqual({ values: [], findings: [expect.stringMatching(/^error 1:1 YAML aliases expand too far \(more than 100 alias uses\)/)] })
  })

  it('reads standard tags, and warns at an unknown one, reading its text', () => {
    expect(parse('a: !!str 1\nb: !!int "2"\n')).toEqual({ values: [{ a: '1', b: 2 }], findings: [] })
    expect(parse('a: 1\nb: !custom x\n')).toEqual({ values: [{ a: 1, b: 'x' }], findings: ['warning 2:4 YAML: Unresolved tag: !custom'] })
  })
})

describe('syntax errors', () => {
  it.each([
    ['a key given twice', 'a: 1\nb: 2\na: 3\n', ['error 3:1 YAML syntax error: Map keys must be unique']],
    ['a key given twice in a flow mapping', 'a: {b: 1, b: 2}\n', ['error 1:11 YAML syntax error: Map keys must be unique']],
    ['a tab in the indentation', 'a:\n\t- b\n', [expect.stringMatching(/^error 2:1 YAML syntax error: /)]],
    ['a comment right after a quote', 'a: "b"#c\n', [expect.stringMatching(/^error 1:7 YAML syntax error: /)]],
    ['an implicit key over 1024 characters', `${'k'.repeat(1100)}: v\n`, [expect.stringMatching(/^error 1:1 YAML syntax error: .*1024/)]]
  ])('%s: an error at its line and column, the document skipped', (_name, text, findings) => {
    expect(parse(text)).toEqual({ values: [], findings })
  })
})

describe('documents of a file', () => {
  it('reads every document, skipping empty ones (a lone ---, only comments, ~)', () => {
    expect(parse('a: 1\n---\n---\n# nothing\n---\n~\n---\nb: 2\n...\n---\n- c\n').values).toEqual([{ a: 1 }, { b: 2 }, ['c']])
  })

  it('skips a document with a syntax error and reads the others', () => {
    expect(parse('a: 1\n---\nb: {c\n---\nd: 2\n')).toEqual({
      values: [{ a: 1 }, { d: 2 }],
      findings: [expect.stringMatching(/^error 4:1 YAML syntax error: /)]
    })
  })

  it.each([
    ['plain', 'a: 1\n', [{ line: 1, column: 1 }]],
    ['comments and a marker first', '# hi\n---\n\n  a: 1\n', [{ line: 4, column: 3 }]],
    [
      'three documents, one empty',
      'a: 1\n---\n# nothing\n---\nb: 2\n',
      [
        { line: 1, column: 1 },
        { line: 5, column: 1 }
      ]
    ],
    ['content on the marker line', '--- {a: 1}\n', [{ line: 1, column: 5 }]],
    [
      'an end marker',
      'a: 1\n...\n---\n- b\n',
      [
        { line: 1, column: 1 },
        { line: 4, column: 1 }
      ]
    ],
    [
      'CRLF line ends',
      'a: 1\r\n---\r\nb: 2\r\n',
      [
        { line: 1, column: 1 },
        { line: 3, column: 1 }
      ]
    ]
  ])('locates where each document starts: %s', (_name, text, starts) => {
    const parsed = parseYamlFile('aof/x.yaml', text, createDiagnosticLog())
    expect(parsed.documents.map((d) => d.locate([]))).toEqual(starts)
  })

  it('locates a field of the second document, its key or its value', () => {
    const text = [
      '# two agents',
      '---',
      'kind: Agent',
      'metadata: {name: a}',
      'spec: {instructions: hi}',
      '---',
      'kind: Agent',
      'metadata: {name: b}',
      'spec:',
      '  instructions: hi',
      '  colour: blue',
      '  tools:',
      '    - shell',
      '  empty:',
      ''
    ].join('\n')
    const [first, second] = parseYamlFile('aof/agents.yaml', text, createDiagnosticLog()).documents
    expect(first?.locate(['metadata', 'name'])).toEqual({ line: 4, column: 18 })
    expect(second?.locate([])).toEqual({ line: 7, column: 1 })
    expect(second?.locate(['spec', 'colour'], { key: true })).toEqual({ line: 11, column: 3 })
    expect(second?.locate(['spec', 'colour'])).toEqual({ line: 11, column: 11 })
    expect(second?.locate(['spec', 'tools', 0])).toEqual({ line: 13, column: 7 })
    // An empty value and a missing field point at the nearest key.
    expect(second?.locate(['spec', 'empty'])).toEqual({ line: 14, column: 3 })
    expect(second?.locate(['spec', 'model'])).toEqual({ line: 9, column: 1 })
  })
})

describe('positions in diagnostics', () => {
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
    const config = await load({ 'aof/agents.yaml': three })
    expect(errors(config)).toEqual([])
    expect(
      warnings(config)
        .filter((d) => d.field === 'spec.colour')
        .map((d) => [d.line, d.column])
    ).toEqual([[7, 26]])
  })

  it('a file whose first document is empty: the next document keeps its own positions', async () => {
    const file = ['# header comment only', '---', 'kind: Agent', 'metadata: {name: a}', 'spec:', '  instructions: hi', '  colour: blue', ''].join('\n')
    const config = await load({ 'aof/a.yaml': `---\n${file}` })
    expect(
      warnings(config)
        .filter((d) => d.field)
        .map((d) => `${where(d)}:${d.column}`)
    ).toEqual(['warning aof/a.yaml:8 spec.colour:3'])
  })

  it('a field that only a merge key supplies is reported at the mapping that merges it', async () => {
    const text = ['kind: Agent', 'metadata: {name: a}', 'x-common: &common', '  max_iterations: many', 'spec:', '  <<: *common', '  instructions: hi', ''].join(
      '\n'
    )
    const config = await load({ 'aof/a.yaml': text })
    expect(errors(config).map(where)).toEqual(['error aof/a.yaml:5 spec.max_iterations'])
  })
})
