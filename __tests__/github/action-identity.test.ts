import { describe, expect, it, jest } from '@jest/globals'
import { actionIdentity, installationLogin } from '../../src/github/action-identity.js'

describe('the action identity', () => {
  it.each([
    ['GITHUB_TOKEN (an installation token)', 'ghs_abc', '', 'github-actions[bot]'],
    ["a GitHub App's installation token with app-slug", 'ghs_abc', 'my-app', 'my-app[bot]'],
    ['a classic PAT', 'ghp_abc', '', null],
    ['a fine-grained PAT, even with app-slug', 'github_pat_abc', 'my-app', null]
  ])('knows %s', (_name, token, slug, login) => {
    expect(installationLogin(token, slug)).toBe(login)
  })

  it('never asks GitHub for an installation token', async () => {
    const viewer = jest.fn(async () => 'someone')
    await expect(actionIdentity('ghs_abc', '', viewer)()).resolves.toBe('github-actions[bot]')
    expect(viewer).not.toHaveBeenCalled()
  })

  it('asks GET /user once for a PAT, only when called, and gives null when it fails', async () => {
    const viewer = jest.fn(async () => 'deploy-user')
    const identity = actionIdentity('ghp_abc', '', viewer)
    expect(viewer).not.toHaveBeenCalled()
    await expect(identity()).resolves.toBe('deploy-user')
    await expect(identity()).resolves.toBe('deploy-user')
    expect(viewer).toHaveBeenCalledTimes(1)
    await expect(actionIdentity('ghp_abc', '', async () => Promise.reject(new Error('403')))()).resolves.toBeNull()
  })
})
