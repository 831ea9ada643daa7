import { describe, expect, it } from '@jest/globals'
import picomatch from 'picomatch'
import { globMatches } from '../../src/route/match-glob.js'

// Literal patterns skip picomatch (a string comparison); the answer must be picomatch's.
const patterns = [
  'main',
  'release-0001',
  'org/repo',
  'Org/Repo',
  'a.b',
  'a$b',
  'a^b',
  'a|b',
  'a~b',
  '.github',
  'org/.github',
  'a b',
  'ünï',
  'a,b',
  'a=b',
  'a%b',
  'a#b',
  'a;b',
  'a&b',
  'a/b/',
  './a',
  'a//b',
  '',
  'release/*',
  'org/prefix-*',
  'v[0-9]',
  '{a,b}',
  '!main',
  'a?c',
  '@(a|b)',
  '+(a)',
  'a\\*b'
]
const values = [
  'main',
  'main/',
  './main',
  'Main',
  'release-0001',
  'release/1',
  'org/repo',
  'ORG/REPO',
  'org/repo/',
  'org/prefix-x',
  'a.b',
  'axb',
  'a$b',
  'a^b',
  'a|b',
  'a~b',
  '.github',
  'org/.github',
  'a b',
  'ünï',
  'ÜNÏ',
  'a,b',
  'a=b',
  'a%b',
  'a#b',
  'a;b',
  'a&b',
  'a/b/',
  'a/b',
  './a',
  'a',
  'a//b',
  '',
  'v1',
  'b',
  'abc',
  'a*b',
  'develop'
]

describe('globMatches', () => {
  for (const nocase of [false, true]) {
    it(`answers as picomatch does for every pattern and value (nocase: ${nocase})`, () => {
      const differences: string[] = []
      for (const pattern of patterns) {
        for (const value of values) {
          let expected: boolean
          try {
            expected = pattern !== '' && picomatch(pattern, { nocase, dot: true, windows: false })(value)
          } catch {
            expected = false
          }
          if (globMatches(value, [pattern], { nocase }) !== expected)
            differences.push(`${JSON.stringify(pattern)} on ${JSON.stringify(value)}: expected ${expected}`)
        }
      }
      expect(differences).toEqual([])
    })
  }

  it('matches when any pattern matches, and repeated calls give the same answers', () => {
    expect(globMatches('release/2.0', ['main', 'release/*'], { nocase: false })).toBe(true)
    expect(globMatches('release/2.0', ['main', 'release/*'], { nocase: false })).toBe(true)
    expect(globMatches('Main', ['main'], { nocase: false })).toBe(false)
    expect(globMatches('Main', ['main'], { nocase: true })).toBe(true)
    expect(globMatches('x', [], { nocase: false })).toBe(false)
  })
})
