// Real files: every path a tool is given must stay in the workspace, symlinks included.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from '@jest/globals'
import { createConfinedFiles, type ConfinedFiles } from '../../src/workspace/confined-files.js'

let outside: string
let workspace: string
let files: ConfinedFiles

beforeEach(async () => {
  const temp = mkdtempSync(join(tmpdir(), 'confined-'))
  outside = join(temp, 'outside')
  workspace = join(temp, 'workspace')
  mkdirSync(outside)
  mkdirSync(join(workspace, 'src'), { recursive: true })
  writeFileSync(join(outside, 'secret.txt'), 'OUTSIDE SECRET')
  writeFileSync(join(workspace, 'src', 'a.ts'), 'export const a = 1\n')
  mkdirSync(join(workspace, '.git'))
  writeFileSync(join(workspace, '.git', 'config'), '[http] extraheader = AUTHORIZATION: basic TOKEN')
  symlinkSync(outside, join(workspace, 'escape'))
  symlinkSync(join(outside, 'secret.txt'), join(workspace, 'secret-link'))
  symlinkSync(join(outside, 'new.txt'), join(workspace, 'dangling'))
  symlinkSync(join(workspace, 'src', 'a.ts'), join(workspace, 'inner-link'))
  files = await createConfinedFiles(workspace)
})

describe('confined files: the attacks', () => {
  it.each<[string, (f: ConfinedFiles) => Promise<unknown>, string]>([
    ['reads through a symlinked directory', (f) => f.read('escape/secret.txt', 1000), 'resolves outside the workspace'],
    ['reads a symlink to a file outside', (f) => f.read('secret-link', 1000), 'resolves outside the workspace'],
    ['climbs with ..', (f) => f.read('src/../../outside/secret.txt', 1000), "'..' is not allowed"],
    ['names an absolute path outside', (f) => f.read(join(outside, 'secret.txt'), 1000), 'is outside the workspace'],
    ['reads /etc/passwd', (f) => f.read('/etc/passwd', 1000), 'is outside the workspace'],
    ['reads the token actions/checkout left in .git/config', (f) => f.read('.git/config', 1000), '.git is not readable'],
    ['reads a cloud credential file', (f) => f.read('gha-creds-1234.json', 1000), 'may hold credentials'],
    ['writes through a symlinked directory', (f) => f.write('escape/planted.txt', 'x', { append: false, createDirs: true }), 'resolves outside'],
    ['writes through a dangling symlink', (f) => f.write('dangling', 'x', { append: false, createDirs: true }), 'symlink to a missing target'],
    ['writes a new directory under a symlinked one', (f) => f.write('escape/deep/new.txt', 'x', { append: false, createDirs: true }), 'resolves outside'],
    ['lists a symlinked directory', (f) => f.list('escape', { recursive: true, includeHidden: true, maxDepth: 3, maxEntries: 100 }), 'resolves outside'],
    ['searches from a symlinked directory', (f) => f.search('**/*', 'escape', 100), 'resolves outside'],
    ['runs in a symlinked working directory', (f) => f.directory('escape'), 'resolves outside']
  ])('refuses a tool that %s', async (_name, attack, reason) => {
    await expect(attack(files)).rejects.toThrow(reason)
    expect(existsSync(join(outside, 'planted.txt'))).toBe(false)
    expect(existsSync(join(outside, 'new.txt'))).toBe(false)
    expect(existsSync(join(outside, 'deep'))).toBe(false)
  })
})

describe('confined files: the work', () => {
  it('reads, writes and appends inside, following a symlink that stays inside', async () => {
    expect((await files.read('src/a.ts', 1000)).text).toBe('export const a = 1\n')
    expect((await files.read('inner-link', 1000)).text).toBe('export const a = 1\n')
    expect((await files.read(join(workspace, 'src', 'a.ts'), 5)).truncated).toBe(true)
    await files.write('out/report.txt', 'one\n', { append: false, createDirs: true })
    await files.write('out/report.txt', 'two\n', { append: true, createDirs: true })
    expect(readFileSync(join(workspace, 'out', 'report.txt'), 'utf8')).toBe('one\ntwo\n')
  })

  it('lists without following symlinks or showing .git, and searches by glob', async () => {
    const listed = await files.list('', { recursive: true, includeHidden: true, maxDepth: 3, maxEntries: 100 })
    expect(listed.map((e) => `${e.type} ${e.path}`)).toEqual([
      'symlink dangling',
      'symlink escape',
      'symlink inner-link',
      'symlink secret-link',
      'dir src',
      'file src/a.ts'
    ])
    expect(await files.search('**/*.ts', '', 10)).toEqual(['src/a.ts'])
  })
})
