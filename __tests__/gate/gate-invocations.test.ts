import { describe, expect, it } from '@jest/globals'
import type { EventContext } from '../../src/event/types.js'
import { gateInvocations, mayAskSenderPermission, needsSenderPermission, requiredPermission } from '../../src/gate/gate-invocations.js'
import type { Permission } from '../../src/shared/permission.js'
import type { Invocation } from '../../src/route/types.js'

function invocation(via: Invocation['via'], params: Record<string, unknown> = {}, key: string | null = 'deploy'): Invocation {
  return { via, key, args: '', target: { kind: 'agent', name: 'deployer' }, params } as Invocation
}

const event = { sender: { login: 'alice', type: 'User' } } as unknown as EventContext

describe('requiredPermission', () => {
  it.each<[string, Invocation, Permission | null]>([
    ['a command needs write by default', invocation('command'), 'write'],
    ['a mention needs write by default', invocation('mention'), 'write'],
    ['a command may lower the bar with params.permission', invocation('command', { permission: 'read' }), 'read'],
    ['a command may raise it', invocation('command', { permission: 'maintain' }), 'maintain'],
    ['/help needs no role', invocation('help', {}, 'help'), null],
    ['an event key is judged by the Trigger filters alone', invocation('event-action', {}, 'pull_request.opened'), null],
    ['default_agent on an event needs no role', invocation('default-agent', {}, null), null],
    ['a value that is not a role needs admin, never the default', invocation('command', { permission: 'Admin' }), 'admin'],
    ['permission none is not a way to open a command to everyone', invocation('command', { permission: 'none' }), 'admin']
  ])('%s', (_name, inv, expected) => {
    expect(requiredPermission(inv)).toBe(expected)
  })
})

describe('mayAskSenderPermission', () => {
  const on = (kind: string, body: string, sender: unknown = { login: 'alice' }) => ({ sender, text: { kind, body } }) as unknown as EventContext
  it.each<[string, EventContext, boolean]>([
    ['a comment with a command line', on('issue_comment', 'looks good\n  /deploy staging'), true],
    ['a review comment mentioning someone', on('review_comment', 'cc @aofbot'), true],
    ['a comment without either', on('issue_comment', 'thanks, merging'), false],
    ['a slash inside a line is no command', on('issue_comment', 'see src/app.ts'), false],
    ['an issue body is judged by its Trigger alone', on('issue_body', '/deploy'), false],
    ['no sender', on('issue_comment', '/deploy', null), false],
    ['a bot, whose commands are refused before any role is read', on('issue_comment', '/deploy', { login: 'renovate[bot]', type: 'Bot' }), false]
  ])('%s: %s', (_name, e, expected) => {
    expect(mayAskSenderPermission(e)).toBe(expected)
  })
})

describe('needsSenderPermission', () => {
  it('asks GitHub only when a command or mention is among the invocations', () => {
    expect(needsSenderPermission([invocation('event-action', {}, 'pull_request.opened'), invocation('help', {}, 'help')])).toBe(false)
    expect(needsSenderPermission([invocation('help', {}, 'help'), invocation('command')])).toBe(true)
  })
})

describe('gateInvocations', () => {
  it.each<[string, Permission | null, Record<string, unknown>, boolean, string]>([
    ['lets a writer run a write command', 'write', {}, true, '@alice has write permission (needs write)'],
    ['refuses a reader a write command, saying both levels', 'read', {}, false, '@alice has read permission; /deploy needs write'],
    ['refuses a writer a maintain command', 'write', { permission: 'maintain' }, false, '@alice has write permission; /deploy needs maintain'],
    ['lets triage run a triage command', 'triage', { permission: 'triage' }, true, '@alice has triage permission (needs triage)'],
    ['refuses when the permission could not be read', null, {}, false, "could not read @alice's repository permission; refusing to act on their command"]
  ])('%s', (_name, senderPermission, params, allowed, reason) => {
    const [verdict] = gateInvocations(event, [invocation('command', params)], { senderPermission })
    expect(verdict).toMatchObject({ allowed, reason })
  })

  it('passes events the repository produces without reading a permission', () => {
    const [verdict] = gateInvocations(event, [invocation('event-action', {}, 'pull_request.opened')], { senderPermission: null })
    expect(verdict).toMatchObject({ allowed: true, reason: 'no repository role needed' })
  })

  it('names why the permission could not be read', () => {
    const [verdict] = gateInvocations(event, [invocation('command')], { senderPermission: null, permissionError: 'GitHub answered 502' })
    expect(verdict?.reason).toContain('(GitHub answered 502)')
  })
})
