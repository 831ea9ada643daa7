import { describe, expect, it, jest } from '@jest/globals'
import { errors, load, notices, warnings, where } from './memory-source.js'

const agent = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: Agent\nmetadata: {name: a}\nspec: {instructions: Hi.}\n`

describe('documents', () => {
  it.each(['aof.dev/v1', 'aof.dev/v1alpha1', 'aof.sh/v1alpha1', 'aof.agenticops.org/v1alpha1'])('reads apiVersion %s', async (version) => {
    const config = await load({ 'aof/a.yaml': agent(version) })
    expect(errors(config)).toEqual([])
    expect(config.agents.a).toBeDefined()
  })

  it.each(['v1', 'v1alpha1', 'aof.sh/v1', 'example.com/v2'])(
    'loads a known kind whatever its apiVersion (%s), as AOF never checks it, with one notice',
    async (version) => {
      const config = await load({ 'aof/a.yaml': agent(version), 'aof/b.yaml': agent(version).replace('name: a', 'name: b') })
      expect(errors(config)).toEqual([])
      expect(Object.keys(config.agents)).toEqual(['a', 'b'])
      expect(notices(config).map((d) => [where(d), d.message])).toEqual([
        [
          'notice aof/a.yaml:1 apiVersion',
          `apiVersion ${JSON.stringify(version)} is not one AOF's own files use (aof.dev/v1, aof.dev/v1alpha1, aof.sh/v1alpha1, aof.agenticops.org/v1alpha1); AOF does not check it, and neither does github-agent`
        ]
      ])
    }
  )

  it('notes kinds it does not use once per file and kind', async () => {
    const config = await load({
      'aof/k8s.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\n',
      'aof/wf.yaml': 'apiVersion: aof.dev/v1\nkind: Workflow\nmetadata: {name: w}\n---\napiVersion: aof.dev/v1\nkind: Context\nmetadata: {name: c}\n'
    })
    expect(notices(config).map((d) => [where(d), d.message])).toEqual([
      ['notice aof/k8s.yaml:2 kind', 'ignored: Deployment is not used by github-agent'],
      ['notice aof/wf.yaml:2 kind', 'ignored: Workflow is not used by github-agent'],
      ['notice aof/wf.yaml:6 kind', 'ignored: Context is not used by github-agent']
    ])
    expect(errors(config)).toEqual([])
  })

  it('warns about a misspelt AOF kind', async () => {
    const config = await load({ 'aof/t.yaml': 'apiVersion: aof.dev/v1\nkind: Trigerr\nmetadata: {name: t}\n' })
    expect(
      warnings(config)
        .filter((d) => d.field)
        .map((d) => [where(d), d.message])
    ).toEqual([
      [
        'warning aof/t.yaml:2 kind',
        'kind Trigerr is not one github-agent reads, so the document is skipped; expected Trigger, Agent, AgentFleet, AgentFlow or DaemonConfig'
      ]
    ])
  })

  it.each([
    ['a list', '- a\n- b\n', 'document is not a mapping (found a list); an AOF document has apiVersion, kind, metadata and spec'],
    ['a scalar', 'just text\n', 'document is not a mapping (found the text "just text"); an AOF document has apiVersion, kind, metadata and spec']
  ])('fails on a document that is %s', async (_name, yaml, message) => {
    const config = await load({ 'aof/x.yaml': `kind: Agent\nmetadata: {name: a}\nspec: {}\n---\n${yaml}` })
    expect(errors(config)).toEqual([{ severity: 'error', file: 'aof/x.yaml', line: 5, column: 1, message, skips: 'this document is skipped' }])
    expect(config.agents.a).toBeDefined()
  })

  it('fails on a kind that is not text', async () => {
    const config = await load({ 'aof/x.yaml': 'kind: [Agent]\n' })
    expect(errors(config).map(where)).toEqual(['error aof/x.yaml:1 kind'])
  })

  it('reports a YAML syntax error with the parser’s line and column, and reads the file’s other documents', async () => {
    const config = await load({ 'aof/x.yaml': 'kind: Agent\nmetadata: {name: a}\nspec: {}\n---\nkind: Agent\nmetadata: {name: b\n' })
    expect(errors(config).map((d) => [d.line, d.column, d.message.startsWith('YAML syntax error: ')])).toEqual([[7, 1, true]])
    expect(Object.keys(config.agents)).toEqual(['a'])
  })

  it('fails on a key given twice in one mapping', async () => {
    const config = await load({ 'aof/x.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  instructions: A\n  instructions: B\n' })
    expect(errors(config).map((d) => [d.line, d.message])).toEqual([[5, 'YAML syntax error: Map keys must be unique']])
  })

  it('drops __proto__ keys with an error and never touches Object.prototype', async () => {
    const config = await load({
      'aof/x.yaml': `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  commands:
    /p:
      agent: a
      params:
        __proto__: {polluted: true}
---
kind: Agent
metadata: {name: a}
spec:
  __proto__:
    instructions: injected
`
    })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      [
        'error aof/x.yaml:9 spec.commands["/p"].params.__proto__',
        'the key __proto__ is not allowed in spec.commands["/p"].params (it names JavaScript\'s object prototype); rename or remove it'
      ],
      ['error aof/x.yaml:14 spec.__proto__', "the key __proto__ is not allowed in spec (it names JavaScript's object prototype); rename or remove it"]
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Both documents are skipped whole: nothing of them reaches routing or a model.
    expect(config.triggers).toEqual([])
    expect(config.agents.a).toBeUndefined()
    expect(Object.keys(config.skipped.agent)).toEqual(['a'])
  })

  it('applies YAML merge keys', async () => {
    const config = await load({
      'aof/x.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  <<: {instructions: Shared., max_iterations: 3}\n  max_iterations: 5\n'
    })
    expect(errors(config)).toEqual([])
    expect(config.agents.a).toMatchObject({ instructions: 'Shared.', maxIterations: 5 })
  })
})

describe('YAML oddities', () => {
  it('reads a mapping used as a key without printing anything, reporting the unknown key', async () => {
    const emitted = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const config = await load({ 'aof/x.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  ? [a, b]\n  : c\n' })
    expect(emitted).not.toHaveBeenCalled()
    emitted.mockRestore()
    expect(errors(config)).toEqual([])
    expect(
      warnings(config)
        .filter((d) => d.field)
        .map(where)
    ).toEqual(['warning aof/x.yaml:3 spec["[ a, b ]"]'])
  })
})

describe('values named like Object.prototype members', () => {
  it.each([
    ['a trigger type', 'kind: Trigger\nmetadata: {name: t}\nspec:\n  type: constructor\n', 'warning aof/x.yaml:4 spec.type'],
    [
      'a fleet mode',
      'kind: AgentFleet\nmetadata: {name: f}\nspec:\n  agents: [{name: a, spec: {}}]\n  coordination: {mode: toString}\n',
      'warning aof/x.yaml:5 spec.coordination.mode'
    ],
    [
      'a fleet strategy',
      'kind: AgentFleet\nmetadata: {name: f}\nspec:\n  agents: [{name: a, spec: {}}]\n  strategy: constructor\n',
      'warning aof/x.yaml:5 spec.strategy'
    ],
    [
      'a flow node type',
      'kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - {id: n, type: hasOwnProperty}\n',
      'warning aof/x.yaml:5 spec.nodes[0].type'
    ],
    ['a kind', 'apiVersion: aof.dev/v1\nkind: constructor\n', 'warning aof/x.yaml:2 kind']
  ])('are not mistaken for known names: %s', async (_name, yaml, expected) => {
    const config = await load({ 'aof/x.yaml': yaml })
    expect(config.diagnostics.filter((d) => d.field).map(where)).toEqual([expected])
  })
})
