import { describe, expect, it } from '@jest/globals'
import { labelTriggers } from '../../src/route/label-triggers.js'
import { aTrigger } from './builders.js'

describe('labelTriggers', () => {
  it.each<[string, Parameters<typeof aTrigger>[1], string[]]>([
    ['a Trigger whose actions name labeled', { events: ['pull_request'], actions: ['labeled'], defaultAgent: 'a' }, ['t']],
    ['a Trigger whose actions name unlabeled, in any case', { events: ['issues'], actions: ['Unlabeled'], defaultAgent: 'a' }, ['t']],
    ['a Trigger with a pull_request.labeled key', { commands: { 'pull_request.labeled': 'agent:a' } }, ['t']],
    ['a Trigger with an issues.unlabeled key', { commands: { 'issues.unlabeled': 'agent:a' } }, ['t']],
    ['not a slash-command that happens to read like one', { commands: { '/pull_request.labeled': 'agent:a' } }, []],
    ['not a Trigger that only takes opened PRs', { events: ['pull_request'], actions: ['opened'], commands: { 'pull_request.opened': 'agent:a' } }, []],
    ['not a disabled Trigger', { enabled: false, actions: ['labeled'], defaultAgent: 'a' }, []]
  ])('%s', (_name, spec, expected) => {
    expect(labelTriggers({ triggers: [aTrigger('t', spec)] })).toEqual(expected)
  })
})
