import { parsePatch } from '../support/github-diff.js'

const PATCH = ['@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', '@@ -10,2 +10,3 @@ fn()', ' x', '+y', ' z', '\\ No newline at end of file'].join('\n')

describe('parsePatch', () => {
  const diff = parsePatch(PATCH)

  it('counts additions and deletions', () => {
    expect([diff.additions, diff.deletions]).toEqual([2, 1])
  })

  it('maps RIGHT lines (context and added) to positions, later hunk headers included', () => {
    expect([...diff.right.entries()].map(([line, a]) => [line, a.position, a.hunk])).toEqual([
      [1, 1, 0],
      [2, 3, 0],
      [3, 4, 0],
      [10, 6, 1],
      [11, 7, 1],
      [12, 8, 1]
    ])
  })

  it('maps LEFT lines (context and deleted) to old line numbers', () => {
    expect([...diff.left.keys()]).toEqual([1, 2, 3, 10, 11])
    expect(diff.left.get(2)?.position).toBe(2)
  })

  it('gives the diff hunk up to a position', () => {
    expect(diff.hunkTextAt(7)).toBe('@@ -10,2 +10,3 @@ fn()\n x\n+y')
    expect(diff.hunkTextAt(99)).toBe('')
  })

  it('anchors nothing for a file without a patch', () => {
    const none = parsePatch(undefined)
    expect([none.right.size, none.left.size, none.additions]).toEqual([0, 0, 0])
  })
})
