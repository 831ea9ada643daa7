import { describe, expect, it } from '@jest/globals'
import { executionTrust, untrustedCodeReason, type ExecutionFacts } from '../../src/gate/execution-trust.js'
import { readExecutionTrust } from '../../src/gate/read-execution-trust.js'
import type { Permission } from '../../src/shared/permission.js'

const REPO = 'octo/app'
const ev = (name: string, fromFork = false): ExecutionFacts['event'] => ({
  name,
  repository: REPO,
  fromFork,
  isPullRequest: name.startsWith('pull') || name === 'issue_comment',
  headSha: 'a'.repeat(40)
})
const repo = (full_name: string | null) => (full_name === null ? null : { full_name })

describe('untrustedCodeReason: may the workspace hold a fork’s code?', () => {
  it.each<[string, ExecutionFacts['event'], unknown, string | null]>([
    ['a same-repository pull_request', ev('pull_request'), {}, null],
    ['a pull_request from a fork', ev('pull_request', true), {}, 'head is a fork'],
    ['a pull_request_target from a fork (the pwn-request pattern)', ev('pull_request_target', true), {}, 'head is a fork'],
    ['a comment on a fork’s PR (fromFork filled from the PR)', ev('issue_comment', true), {}, 'head is a fork'],
    ['a comment on a PR that could not be read', { ...ev('issue_comment'), headSha: null }, {}, 'could not be read'],
    ['a comment on an issue', { ...ev('issue_comment'), isPullRequest: false, headSha: null }, {}, null],
    ['a push', ev('push'), { repository: repo(REPO) }, null],
    ['a workflow_run of this repository', ev('workflow_run'), { repository: repo(REPO), workflow_run: { head_repository: repo('Octo/App') } }, null],
    ['a workflow_run of a fork', ev('workflow_run'), { repository: repo(REPO), workflow_run: { head_repository: repo('mallory/app') } }, 'mallory/app'],
    ['a workflow_run whose head repository is gone', ev('workflow_run'), { repository: repo(REPO), workflow_run: { head_repository: null } }, 'does not say'],
    ['a check_run listing a PR of this repository', ev('check_run'), { check_run: { check_suite: { pull_requests: [{ number: 1 }] } } }, null],
    ['a check_run listing no PR (a fork’s PRs are never listed)', ev('check_run'), { check_run: { pull_requests: [] } }, 'names no pull request'],
    ['a check_suite listing no PR', ev('check_suite'), { check_suite: { pull_requests: [] } }, 'names no pull request'],
    ['a check_suite with a listed PR', ev('check_suite'), { check_suite: { pull_requests: [{ number: 2 }] } }, null],
    ['a schedule', ev('schedule'), {}, null]
  ])('%s', (_name, event, payload, expected) => {
    const reason = untrustedCodeReason(event, payload)
    if (expected === null) expect(reason).toBeNull()
    else expect(reason).toContain(expected)
  })
})

describe('executionTrust', () => {
  it.each<[string, Partial<ExecutionFacts>, boolean, string]>([
    ['a writer on the repository’s own code', { requesterPermission: 'write' }, true, '@alice has write permission'],
    ['an admin', { requesterPermission: 'admin' }, true, '@alice has admin permission'],
    [
      'a triager (a Trigger may open a command to triage)',
      { requesterPermission: 'triage' },
      false,
      '@alice has triage permission, and running code in the job needs write'
    ],
    ['a reader', { requesterPermission: 'read' }, false, 'needs write'],
    ['a stranger (issue opened by anyone)', { requesterPermission: 'none' }, false, '@alice has none permission'],
    ['an unreadable role', { requesterPermission: null, permissionError: 'HTTP 403' }, false, "could not read @alice's repository permission (HTTP 403)"],
    ['a fork’s code, even for an admin', { event: ev('pull_request_target', true), requesterPermission: 'admin' }, false, 'head is a fork'],
    ['a schedule (no sender)', { event: ev('schedule'), requester: null, requesterPermission: null }, true, 'no sender']
  ])('%s', (_name, facts, trusted, reason) => {
    const verdict = executionTrust({ event: ev('issue_comment'), payload: {}, requester: 'alice', requesterPermission: null, ...facts })
    expect(verdict.trusted).toBe(trusted)
    expect(verdict.reason).toContain(reason)
    if (!trusted) expect(verdict.reason).toMatch(/^runs no code: /)
  })
})

describe('readExecutionTrust', () => {
  const access = (permission: Permission | null, asked: string[]) => ({
    getSenderPermission: async (login: string) => {
      asked.push(login)
      return permission === null ? { permission: null, error: 'HTTP 404' } : { permission }
    },
    getTeamMembership: async () => ({ member: false })
  })

  it('reads the requester’s role and decides with it', async () => {
    const asked: string[] = []
    const verdict = await readExecutionTrust(ev('issue_comment'), {}, 'bob', access('read', asked))
    expect(asked).toEqual(['bob'])
    expect(verdict).toEqual({ trusted: false, reason: 'runs no code: @bob has read permission, and running code in the job needs write' })
  })

  it('asks GitHub nothing for a fork’s code', async () => {
    const asked: string[] = []
    const verdict = await readExecutionTrust(ev('pull_request_target', true), {}, 'bob', access('admin', asked))
    expect(asked).toEqual([])
    expect(verdict.trusted).toBe(false)
  })

  it('refuses without a token to read the role, and when the read fails', async () => {
    expect((await readExecutionTrust(ev('issue_comment'), {}, 'bob', null)).reason).toContain('no github-token')
    expect((await readExecutionTrust(ev('issue_comment'), {}, 'bob', access(null, []))).reason).toContain('HTTP 404')
  })
})
