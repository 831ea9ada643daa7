// A js-yaml schema that resolves plain scalars exactly as the `yaml` library's YAML 1.2 core schema
// does with `merge: true` (yaml/dist/schema/core/*.js), so the fast path yields the same values.
//
// Why not js-yaml's own CORE_SCHEMA: it differs on a few plain scalars. It reads signed hex and
// octal (`-0x1`, `+0o7`) and binary (`0b101`) as numbers, rejects `+.5` and `-.5`, and leaves
// `1e400` a string; the `yaml` library reads those as strings, numbers and Infinity. The tests
// and conversions below are the `yaml` library's, in its order.
import jsyaml from 'js-yaml'

type Rule = [test: RegExp, convert: (text: string) => unknown]

/**
 * One js-yaml type per tag (js-yaml keeps only the last type of a tag), trying the `yaml`
 * library's rules for that tag in order.
 */
function scalarType(tag: string, rules: Rule[]): jsyaml.Type {
  const ruleFor = (data: unknown): Rule | undefined => (typeof data === 'string' ? rules.find(([test]) => test.test(data)) : undefined)
  return new jsyaml.Type(tag, {
    kind: 'scalar',
    resolve: (data: unknown) => ruleFor(data) !== undefined,
    // Only called after resolve accepted the same text.
    construct: (data: string) => (ruleFor(data) as Rule)[1](data)
  })
}

const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  // js-yaml may hand an empty node in as null; the `yaml` library's test also takes ''.
  resolve: (data: unknown) => data === null || (typeof data === 'string' && /^(?:~|[Nn]ull|NULL)?$/.test(data)),
  construct: () => null
})

const boolType = scalarType('tag:yaml.org,2002:bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']])

const intType = scalarType('tag:yaml.org,2002:int', [
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)]
])

const floatType = scalarType('tag:yaml.org,2002:float', [
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)
  ],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)]
])

// js-yaml merges the value of a key with this tag (its loader checks the tag name). Last, so an
// empty key stays null.
const mergeType = scalarType('tag:yaml.org,2002:merge', [[/^<<$/, (s) => s]])

/** Strings, sequences and mappings (the failsafe schema), the core schema's implicit scalars, and `<<`. */
export const YAML_CORE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType, mergeType] })
