import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createWorkspaceSource } from '../../src/config/workspace-source.js'

describe('createWorkspaceSource', () => {
  let outside = ''
  let root = ''

  beforeAll(async () => {
    outside = await mkdtemp(path.join(tmpdir(), 'github-agent-ws-'))
    root = path.join(outside, 'repo')
    await mkdir(path.join(root, '.github/aof/triggers'), { recursive: true })
    await writeFile(path.join(root, '.github/aof/triggers/t.yaml'), 'kind: Trigger\n')
    await writeFile(path.join(outside, 'secret.yaml'), 'token: hunter2\n')
    await symlink(path.join(outside, 'secret.yaml'), path.join(root, '.github/aof/leak.yaml'))
    await symlink(outside, path.join(root, '.github/aof/up'))
    await symlink('triggers/t.yaml', path.join(root, '.github/aof/alias.yaml'))
    // A sibling whose name starts with the root's: outside, though its path has the root's as a prefix.
    await mkdir(path.join(outside, 'repo-evil'))
    await writeFile(path.join(outside, 'repo-evil/secret.yaml'), 'token: hunter2\n')
    await symlink(path.join(outside, 'repo-evil/secret.yaml'), path.join(root, '.github/aof/sibling.yaml'))
  })

  afterAll(async () => {
    if (outside) await rm(outside, { recursive: true, force: true })
  })

  it('stats files and directories relative to the root, and null for nothing', async () => {
    const source = createWorkspaceSource(root)
    expect(await source.stat('.github/aof')).toBe('dir')
    expect(await source.stat('.github/aof/triggers/t.yaml')).toBe('file')
    expect(await source.stat('.github/missing')).toBeNull()
    expect(await source.stat('')).toBe('dir')
  })

  it('lists children as paths joined onto the directory with /', async () => {
    const source = createWorkspaceSource(root)
    expect(await source.list('.github/aof')).toEqual([
      { path: '.github/aof/alias.yaml', type: 'file' },
      { path: '.github/aof/leak.yaml', type: 'file' },
      { path: '.github/aof/sibling.yaml', type: 'file' },
      { path: '.github/aof/triggers', type: 'dir' },
      { path: '.github/aof/up', type: 'dir' }
    ])
    expect(await source.list('')).toEqual([{ path: '.github', type: 'dir' }])
  })

  it('reads a file, also through a symlink that stays inside the root', async () => {
    const source = createWorkspaceSource(root)
    expect(await source.read('.github/aof/triggers/t.yaml')).toBe('kind: Trigger\n')
    expect(await source.read('.github/aof/alias.yaml')).toBe('kind: Trigger\n')
  })

  it.each([
    ['a path climbing out with ..', '../secret.yaml', "refusing path '../secret.yaml': it leads outside the workspace"],
    ['an absolute path', '/etc/passwd', "refusing path '/etc/passwd': paths must be relative to the workspace"],
    ['a symlinked file pointing outside', '.github/aof/leak.yaml', "refusing path '.github/aof/leak.yaml': a symbolic link leads outside the workspace"],
    [
      'a symlink into a sibling directory named like the root',
      '.github/aof/sibling.yaml',
      "refusing path '.github/aof/sibling.yaml': a symbolic link leads outside the workspace"
    ],
    ['a path climbing into that sibling', '../repo-evil/secret.yaml', "refusing path '../repo-evil/secret.yaml': it leads outside the workspace"],
    [
      'a file below a symlinked directory pointing outside',
      '.github/aof/up/secret.yaml',
      "refusing path '.github/aof/up/secret.yaml': a symbolic link leads outside the workspace"
    ]
  ])('refuses to read %s', async (_name, target, message) => {
    const source = createWorkspaceSource(root)
    await expect(source.read(target)).rejects.toThrow(message)
  })

  it('refuses to list a symlinked directory pointing outside', async () => {
    await expect(createWorkspaceSource(root).list('.github/aof/up')).rejects.toThrow('a symbolic link leads outside the workspace')
  })
})
