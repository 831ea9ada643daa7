// The flow condition language, parsed, never evaluated as code: literals, references, comparisons,
// `!`, `&&`, `||` and parentheses. References are operands, so a value that holds `|| true` stays text.
import type { TemplateNamespace } from '../template/template-references.js'

export type CompareOp = '==' | '!=' | '>' | '<' | '>=' | '<='

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null }
  /** `${…}`: a node output (`${review.output.verdict}`) or the event (`${event.metadata.X}`). */
  | { kind: 'ref'; path: string }
  /** `{{ metadata.X }}`, `{{ params.X }}`, `{{ command.args }}`. */
  | { kind: 'template'; namespace: TemplateNamespace; name: string }
  /** A bare word: a field of the source node's output in an edge's `when`, otherwise text (`main`). */
  | { kind: 'word'; name: string }
  | { kind: 'not'; operand: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }

/** A condition that cannot be read; the message names the column and what was expected. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExpressionError'
  }
}

type Token = { type: 'op'; text: string; at: number } | { type: 'paren'; text: '(' | ')'; at: number } | { type: 'operand'; expr: Expr; at: number }

const MAX_LENGTH = 2000
const MAX_DEPTH = 32

// Sticky patterns, tried at the current position in this order.
const SPACE = /\s+/y
const OPERATOR = /==|!=|>=|<=|&&|\|\||[<>!]/y
const NUMBER = /-?\d+(?:\.\d+)?(?![A-Za-z0-9_])/y
const REF = /\$\{([^{}]*)\}/y
const TEMPLATE = /\{\{\s*(metadata|params|command)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/y
const WORD = /[A-Za-z_][A-Za-z0-9_./-]*/y

function at(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index
  return pattern.exec(text)
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]
  let value = ''
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\\' && i + 1 < text.length) {
      value += text[i + 1]
      i++
    } else if (ch === quote) {
      return { value, end: i + 1 }
    } else {
      value += ch
    }
  }
  throw new ExpressionError(`the text starting at column ${start + 1} has no closing ${quote}`)
}

function wordExpr(name: string): Expr {
  if (name === 'true') return { kind: 'literal', value: true }
  if (name === 'false') return { kind: 'literal', value: false }
  if (name === 'null') return { kind: 'literal', value: null }
  return { kind: 'word', name }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    let m: RegExpExecArray | null
    if ((m = at(SPACE, text, i))) {
      i += m[0].length
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: 'paren', text: ch, at: i })
      i += 1
    } else if (ch === "'" || ch === '"') {
      const s = readString(text, i)
      tokens.push({ type: 'operand', expr: { kind: 'literal', value: s.value }, at: i })
      i = s.end
    } else if ((m = at(NUMBER, text, i))) {
      tokens.push({ type: 'operand', expr: { kind: 'literal', value: Number(m[0]) }, at: i })
      i += m[0].length
    } else if ((m = at(REF, text, i))) {
      const path = (m[1] ?? '').trim()
      if (path === '') throw new ExpressionError(`\${} at column ${i + 1} names nothing; write e.g. \${review.output.verdict}`)
      tokens.push({ type: 'operand', expr: { kind: 'ref', path }, at: i })
      i += m[0].length
    } else if ((m = at(TEMPLATE, text, i))) {
      tokens.push({ type: 'operand', expr: { kind: 'template', namespace: m[1] as TemplateNamespace, name: m[2] ?? '' }, at: i })
      i += m[0].length
    } else if ((m = at(OPERATOR, text, i))) {
      tokens.push({ type: 'op', text: m[0], at: i })
      i += m[0].length
    } else if ((m = at(WORD, text, i))) {
      tokens.push({ type: 'operand', expr: wordExpr(m[0]), at: i })
      i += m[0].length
    } else {
      throw new ExpressionError(
        `unexpected ${JSON.stringify(ch)} at column ${i + 1}; conditions use ==, !=, >, <, >=, <=, &&, ||, !, parentheses, 'text', numbers, \${node.output.field} and {{ metadata.NAME }}`
      )
    }
  }
  return tokens
}

class Parser {
  private index = 0
  private depth = 0

  constructor(
    private readonly tokens: Token[],
    private readonly length: number
  ) {}

  parse(): Expr {
    const expr = this.or()
    const extra = this.tokens[this.index]
    if (extra) throw new ExpressionError(`unexpected ${this.describe(extra)} at column ${extra.at + 1}; join conditions with && or ||`)
    return expr
  }

  private peekOp(...ops: string[]): boolean {
    const token = this.tokens[this.index]
    return token?.type === 'op' && ops.includes(token.text)
  }

  private describe(token: Token): string {
    return token.type === 'operand' ? 'value' : `'${token.text}'`
  }

  private or(): Expr {
    let left = this.and()
    while (this.peekOp('||')) {
      this.index++
      left = { kind: 'or', left, right: this.and() }
    }
    return left
  }

  private and(): Expr {
    let left = this.not()
    while (this.peekOp('&&')) {
      this.index++
      left = { kind: 'and', left, right: this.not() }
    }
    return left
  }

  private not(): Expr {
    if (this.peekOp('!')) {
      this.index++
      return { kind: 'not', operand: this.nested(() => this.not()) }
    }
    return this.compare()
  }

  private compare(): Expr {
    const left = this.primary()
    const token = this.tokens[this.index]
    if (token?.type === 'op' && ['==', '!=', '>', '<', '>=', '<='].includes(token.text)) {
      this.index++
      const right = this.primary()
      if (this.peekOp('==', '!=', '>', '<', '>=', '<=')) {
        throw new ExpressionError(`comparisons cannot be chained (column ${(this.tokens[this.index]?.at ?? 0) + 1}); join them with && or ||`)
      }
      return { kind: 'compare', op: token.text as CompareOp, left, right }
    }
    return left
  }

  private primary(): Expr {
    const token = this.tokens[this.index]
    if (!token) throw new ExpressionError(`the condition ends where a value was expected (column ${this.length + 1})`)
    if (token.type === 'operand') {
      this.index++
      return token.expr
    }
    if (token.type === 'paren' && token.text === '(') {
      this.index++
      const inner = this.nested(() => this.or())
      const close = this.tokens[this.index]
      if (close?.type !== 'paren' || close.text !== ')') {
        throw new ExpressionError(`the '(' at column ${token.at + 1} is not closed`)
      }
      this.index++
      return inner
    }
    throw new ExpressionError(`unexpected ${this.describe(token)} at column ${token.at + 1}; a value was expected`)
  }

  private nested(parse: () => Expr): Expr {
    if (++this.depth > MAX_DEPTH) throw new ExpressionError(`the condition nests deeper than ${MAX_DEPTH} levels`)
    try {
      return parse()
    } finally {
      this.depth--
    }
  }
}

/** Parses a condition (`${check.output.count} > 0 && {{ params.environment }} == production`). */
export function parseExpression(text: string): Expr {
  if (text.length > MAX_LENGTH) throw new ExpressionError(`the condition is ${text.length} characters long; at most ${MAX_LENGTH}`)
  const tokens = tokenize(text)
  if (tokens.length === 0) throw new ExpressionError('the condition is empty')
  return new Parser(tokens, text.length).parse()
}
