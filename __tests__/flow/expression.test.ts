import { describe, expect, it } from '@jest/globals'
import { evaluateExpression, truthy } from '../../src/flow/evaluate-expression.js'
import { flowScope } from '../../src/flow/flow-scope.js'
import { parseExpression } from '../../src/flow/parse-expression.js'
import { substituteText } from '../../src/flow/substitute-references.js'

const scope = flowScope({
  flow: 'deploy',
  nodeIds: ['check', 'plan', 'later'],
  ctx: {
    metadata: { pr_base_ref: 'main', pr_number: 42, pr_draft: false, pr_title: 'x || true' },
    params: { environment: 'production', replicas: 3 },
    command: { name: 'deploy production', args: 'now' }
  },
  outputs: {
    check: { result: true, count: 2, verdict: 'ok', nested: { level: 'high' } },
    plan: { result: true, text: 'Plan: ship 3 services' }
  }
})

const evaluate = (text: string): unknown => evaluateExpression(parseExpression(text), scope)

describe('the flow condition language', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['!false', true],
    ['1 == 1.0', true],
    ["'a' != 'b'", true],
    ['2 > 1 && 1 < 2', true],
    ['2 >= 2 && 2 <= 1', false],
    ['false || !(1 == 2)', true],
    ['${event.metadata.pr_base_ref} == main', true],
    ['${check.output.count} > 1', true],
    ["${check.output.count} == '2'", true],
    ['${check.output.verdict} == ok && ${check.result}', true],
    ['${check.output.nested.level} == high', true],
    ['${check.output.missing} == null', true],
    ["${plan.output} == 'Plan: ship 3 services'", true],
    ['!${later.output.anything}', true],
    ['{{ metadata.pr_number }} == 42', true],
    ['{{ params.environment }} == production && {{ params.replicas }} >= 3', true],
    ['{{ metadata.pr_draft }}', false],
    ['{{ command.args }} == now', true],
    ['{{ metadata.nothing }} == ""', true],
    // A value is an operand, never code: the title's `|| true` is text.
    ['{{ metadata.pr_title }} == nope', false],
    ["\"it's\" == 'it\\'s'", true]
  ])('%s is %p', (text, expected) => {
    expect(evaluate(text)).toBe(expected)
  })

  it.each([
    ['', 'the condition is empty'],
    ['1 ==', 'the condition ends where a value was expected (column 5)'],
    ['(1 == 1', "the '(' at column 1 is not closed"],
    ['1 == 1 == 1', 'comparisons cannot be chained (column 8); join them with && or ||'],
    ['a b', 'unexpected value at column 3; join conditions with && or ||'],
    ["'open", "the text starting at column 1 has no closing '"],
    ['1 + 1', 'unexpected "+" at column 3'],
    ['${}', '${} at column 1 names nothing'],
    ['${ghost.output} == 1', "${ghost.output} names no node of flow 'deploy'; its nodes are check, plan, later"],
    ['${check.outputs}', '${check.outputs}: a node is read as ${check.output}, ${check.output.FIELD} or ${check.result}'],
    ['${event.sender}', '${event.sender}: write ${event.metadata.NAME} or ${event.params.NAME}'],
    ['{{ params.environment }} > 1', '> compares numbers, and "production" is not a number'],
    ['('.repeat(40) + '1' + ')'.repeat(40), 'the condition nests deeper than 32 levels']
  ])('refuses %p: %s', (text, message) => {
    expect(() => evaluate(text)).toThrow(message)
  })

  it('refuses a condition longer than 2000 characters', () => {
    expect(() => parseExpression('1 == 1 && '.repeat(300) + 'true')).toThrow('at most 2000')
  })

  it.each([
    [true, true],
    ['', false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['null', false],
    ['no', true],
    [0, false],
    [7, true],
    [null, false],
    [[], false],
    [['a'], true],
    [{}, true]
  ])('reads %p as %p', (value, expected) => {
    expect(truthy(value)).toBe(expected)
  })
})

describe('references in node config text', () => {
  const ids = new Set(['check', 'plan', 'later'])

  it.each([
    ['Deploying: ${plan.output}', 'Deploying: Plan: ship 3 services'],
    ['count=${check.output.count} level=${check.output.nested.level}', 'count=2 level=high'],
    ['PR #{{ metadata.pr_number }} to {{ params.environment }}', 'PR #42 to production'],
    ['${event.metadata.pr_base_ref}', 'main'],
    ['${later.output.text} (not run yet)', ' (not run yet)'],
    ['${{ github.token }} and ${HOME} stay', '${{ github.token }} and ${HOME} stay'],
    ['{{ steps.x.output }} stays', '{{ steps.x.output }} stays']
  ])('%s -> %s', (text, expected) => {
    expect(substituteText(text, scope, ids)).toBe(expected)
  })

  it('fills in once: a value holding placeholders stays as written', () => {
    const tricky = flowScope({
      flow: 'f',
      nodeIds: ['a'],
      ctx: { metadata: {}, params: { secret: 'S3CRET' }, command: { name: null, args: '' } },
      outputs: { a: { result: true, text: 'see {{ params.secret }} and ${a.output}' } }
    })
    expect(substituteText('${a.output}', tricky, new Set(['a']))).toBe('see {{ params.secret }} and ${a.output}')
  })

  it('names a reference to a node the flow does not have', () => {
    expect(() => substituteText('${ghost.output.text}', scope, ids)).toThrow("names no node of flow 'deploy'")
  })
})
