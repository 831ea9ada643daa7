import { buildDiffIndex, checkAnchor, parsePatch, type CommentAnchor } from '../../src/github/diff-hunks.js'
import type { ChangedFile } from '../../src/github/types.js'

// Old lines 10-15 / new lines 10-16 in the first hunk; old 40-42 / new 41-42 in the second.
const TWO_HUNKS = [
  '@@ -10,6 +10,7 @@ function a() {',
  ' ten',
  ' eleven',
  '-twelve',
  '+twelve!',
  '+twelve and a half',
  ' thirteen',
  ' fourteen',
  ' fifteen',
  '@@ -40,3 +41,2 @@ function b() {',
  ' forty',
  '-forty-one',
  ' forty-two',
  '\\ No newline at end of file'
].join('\n')

const file = (filename: string, patch?: string): ChangedFile => ({
  filename,
  status: 'modified',
  additions: 1,
  deletions: 1,
  changes: 2,
  ...(patch ? { patch } : {})
})

describe('parsePatch', () => {
  it('gives each hunk its line range on the old (LEFT) and new (RIGHT) side', () => {
    expect(parsePatch(TWO_HUNKS)).toEqual([
      { left: { start: 10, end: 15 }, right: { start: 10, end: 16 } },
      { left: { start: 40, end: 42 }, right: { start: 41, end: 42 } }
    ])
  })

  it('gives a hunk of only added lines no LEFT range', () => {
    expect(parsePatch('@@ -0,0 +1,3 @@\n+a\n+b\n+c')).toEqual([{ left: null, right: { start: 1, end: 3 } }])
  })

  it('gives a hunk of only removed lines no RIGHT range', () => {
    expect(parsePatch('@@ -5,2 +4,0 @@\n-a\n-b')).toEqual([{ left: { start: 5, end: 6 }, right: null }])
  })

  it('reads a header without counts', () => {
    expect(parsePatch('@@ -1 +1 @@\n-a\n+b')).toEqual([{ left: { start: 1, end: 1 }, right: { start: 1, end: 1 } }])
  })

  it('counts only the lines a patch cut short really shows', () => {
    expect(parsePatch('@@ -1,100 +1,100 @@\n a\n b')).toEqual([{ left: { start: 1, end: 2 }, right: { start: 1, end: 2 } }])
  })

  it('finds no hunks in an empty patch', () => {
    expect(parsePatch('')).toEqual([])
  })
})

describe('checkAnchor', () => {
  const index = buildDiffIndex([file('src/a.ts', TWO_HUNKS), file('logo.png'), file('added.ts', '@@ -0,0 +1,2 @@\n+x\n+y')])
  const at = (a: Partial<CommentAnchor>): CommentAnchor => ({ path: 'src/a.ts', line: 13, side: 'RIGHT', ...a })

  it.each<[string, Partial<CommentAnchor>]>([
    ['an added line', { line: 12 }],
    ['a context line on the new side', { line: 10 }],
    ['the last line of a hunk', { line: 16 }],
    ['a removed line on the LEFT side', { line: 12, side: 'LEFT' }],
    ['a context line on the old side', { line: 41, side: 'LEFT' }],
    ['a range inside one hunk', { start_line: 10, line: 16 }],
    ['a range from the old side to the new side of one hunk', { start_line: 12, start_side: 'LEFT', line: 13 }],
    ['a line of a newly added file', { path: 'added.ts', line: 2 }]
  ])('accepts %s', (_name, anchor) => {
    expect(checkAnchor(index, at(anchor))).toEqual({ ok: true })
  })

  it.each<[string, Partial<CommentAnchor>, string]>([
    ['a line between hunks', { line: 30 }, 'line 30 (RIGHT) is outside the diff of src/a.ts'],
    ['a line before the first hunk', { line: 3 }, 'line 3 (RIGHT) is outside the diff of src/a.ts'],
    ['a LEFT line that only exists on the new side', { line: 16, side: 'LEFT' }, 'line 16 (LEFT) is outside the diff of src/a.ts'],
    ['a range crossing two hunks', { start_line: 14, line: 41 }, 'lines 14-41 of src/a.ts are not inside one hunk of the diff'],
    ['a range starting before its hunk', { start_line: 5, line: 12 }, 'lines 5-12 of src/a.ts are not inside one hunk of the diff'],
    ['a range that runs backwards', { start_line: 14, line: 12 }, 'start_line 14 is after line 12'],
    ['a binary file without patch', { path: 'logo.png', line: 1 }, 'logo.png has no textual diff (binary or too large)'],
    ['a file the pull request does not change', { path: 'README.md', line: 1 }, 'README.md is not changed in this pull request'],
    ['the LEFT side of a newly added file', { path: 'added.ts', line: 1, side: 'LEFT' }, 'line 1 (LEFT) is outside the diff of added.ts']
  ])('refuses %s', (_name, anchor, reason) => {
    expect(checkAnchor(index, at(anchor))).toEqual({ ok: false, reason })
  })
})
