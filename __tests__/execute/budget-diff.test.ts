import { describe, expect, it } from '@jest/globals'
import { budgetDiff } from '../../src/execute/budget-diff.js'
import type { ChangedFile } from '../../src/github/types.js'

function file(filename: string, patchChars: number | null): ChangedFile {
  const f: ChangedFile = { filename, status: 'modified', additions: 1, deletions: 0, changes: 1 }
  if (patchChars !== null) f.patch = '+'.repeat(patchChars)
  return f
}

describe('budgetDiff', () => {
  it('keeps every patch when they fit, in the PR order, with no note', () => {
    const diff = budgetDiff([file('src/a.ts', 10), file('src/b.ts', 10)], 1000)
    expect(diff.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts'])
    expect(diff.note).toBeNull()
  })

  it('shows source before tests before docs before lock files when the budget is short, and names what it left out', () => {
    const files = [file('package-lock.json', 3000), file('README.md', 300), file('src/__tests__/a.test.ts', 300), file('src/a.ts', 300)]
    const diff = budgetDiff(files, 200) // about 700 characters
    expect(diff.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/__tests__/a.test.ts'])
    expect(diff.omitted.map((o) => o.path)).toEqual(['README.md', 'package-lock.json'])
    expect(diff.note).toBe(
      '2 of 4 changed files are not shown here (2 to keep the diff within about 200 tokens); read them with github_get_pull_request_files or github_get_file if they matter.'
    )
  })

  it('lists binary files and diffs too large for GitHub as having no patch', () => {
    const diff = budgetDiff([file('logo.png', null)], 1000)
    expect(diff.omitted).toEqual([{ path: 'logo.png', status: 'modified', reason: 'no patch (binary or too large for GitHub to show)' }])
  })
})
