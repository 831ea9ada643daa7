import { buildLineMap, mapLineThroughDiff } from '../../src/review/map-line-through-diff.js'
import { insertion } from './builders.js'

// Old 10-15 / new 10-16 (line 12 replaced by two), then old 40-42 / new 41-42 (line 41 removed).
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

describe('mapLineThroughDiff', () => {
  it.each<[number, number | null, string]>([
    [1, 1, 'a line above every hunk stays where it was'],
    [10, 10, 'a context line before the change keeps its number'],
    [12, null, 'a replaced line is gone'],
    [13, 14, 'a context line after an added line moves down by one'],
    [15, 16, 'the last context line of the hunk moves with it'],
    [20, 21, 'a line between hunks moves by what the first hunk added'],
    [40, 41, "a context line of the second hunk keeps the first hunk's shift"],
    [41, null, 'a removed line of the second hunk is gone'],
    [42, 42, 'a line after a removal moves back up'],
    [100, 100, 'a line below every hunk moves by the net change of all of them']
  ])('maps old line %i to %p: %s', (oldLine, newLine) => {
    expect(mapLineThroughDiff(TWO_HUNKS, oldLine)).toBe(newLine)
  })

  it('moves a line down by the lines inserted above it', () => {
    expect(mapLineThroughDiff(insertion(10, 2), 20)).toBe(22)
    expect(mapLineThroughDiff(insertion(10, 2), 10)).toBe(10)
    expect(mapLineThroughDiff(insertion(10, 2), 11)).toBe(13)
  })

  it('reads a zero-count side as naming the line before the hunk', () => {
    const insertAfterFive = '@@ -5,0 +6,2 @@\n+a\n+b'
    expect(mapLineThroughDiff(insertAfterFive, 5)).toBe(5)
    expect(mapLineThroughDiff(insertAfterFive, 6)).toBe(8)
    const removeSixAndSeven = '@@ -6,2 +5,0 @@\n-a\n-b'
    expect(mapLineThroughDiff(removeSixAndSeven, 5)).toBe(5)
    expect(mapLineThroughDiff(removeSixAndSeven, 7)).toBeNull()
    expect(mapLineThroughDiff(removeSixAndSeven, 8)).toBe(6)
  })

  it('gives null for every line of a deleted file', () => {
    expect(mapLineThroughDiff('@@ -1,3 +0,0 @@\n-a\n-b\n-c', 2)).toBeNull()
  })

  it('leaves lines alone for an empty patch', () => {
    expect(mapLineThroughDiff('', 7)).toBe(7)
  })
})

describe('buildLineMap', () => {
  it('places a removed line where it stood in the new file', () => {
    const map = buildLineMap(TWO_HUNKS)
    expect(map.approximate(12)).toBe(12)
    expect(map.approximate(41)).toBe(42)
    expect(map.approximate(13)).toBe(14)
  })

  it.each<[number, number, boolean, string]>([
    [12, 12, true, 'a replaced line'],
    [13, 13, false, 'an unchanged line right after a change'],
    [11, 13, true, 'a range containing a replaced line'],
    [13, 15, false, 'a range of unchanged context lines'],
    [41, 41, true, 'a removed line'],
    [20, 30, false, 'lines between hunks']
  ])('reports lines %i-%i as touched=%p (%s)', (start, end, touched) => {
    expect(buildLineMap(TWO_HUNKS).touched(start, end)).toBe(touched)
  })

  it('counts a line added inside a range as touching it, but not one added next to a single line', () => {
    const map = buildLineMap('@@ -5,4 +5,5 @@\n a5\n a6\n+new\n a7\n a8')
    expect(map.touched(6, 7)).toBe(true)
    expect(map.touched(6, 6)).toBe(false)
    expect(map.touched(7, 7)).toBe(false)
  })
})
