import { heldCommand, resumedSubject } from '../../src/approval/resumed-subject.js'
import { pullInfo } from '../support/pull-info.js'
import { applyRequest, SHA } from './builders.js'

const approveComment = { comment: { author: 'platform-lead', body: '/approve ship it' }, issue: { number: 1, title: 'Bump the VPC', body: 'Moves to /20' } }

describe('resumedSubject', () => {
  it('shows the PR as GitHub has it, the held command and who asked, and the answer beside them', () => {
    const base = pullInfo({
      number: 1,
      title: 'Bump the VPC (v2)',
      baseRef: 'main',
      headSha: SHA,
      htmlUrl: 'u',
      author: 'Codertocat',
      repository: 'myorg/infrastructure'
    })
    const pull = { ...base, body: 'Moves to /20' }
    const subject = resumedSubject(approveComment, applyRequest(), { verb: 'approve', by: 'platform-lead', at: '2025-06-02T10:00:00Z', note: 'ship it' }, pull)
    expect(subject).toEqual({
      pull_request: { number: 1, title: 'Bump the VPC (v2)', author: 'Codertocat', state: 'open', body: 'Moves to /20', base: 'main', head: 'changes' },
      request: { command: '/apply', requested_by: 'Codertocat', requested_at: '2025-06-02T09:00:00.000Z' },
      approval: { approved_by: 'platform-lead', at: '2025-06-02T10:00:00Z', note: 'ship it' }
    })
    expect(JSON.stringify(subject)).not.toContain('/approve')
  })

  it("falls back to the answer's issue when the PR cannot be read, and shows a denial as one", () => {
    const subject = resumedSubject(approveComment, applyRequest(), { verb: 'deny', by: 'sre-oncall', at: 't', note: '' }, null)
    expect(subject).toEqual({
      pull_request: { number: 1, title: 'Bump the VPC', body: 'Moves to /20' },
      request: expect.objectContaining({ command: '/apply' }),
      approval: { denied_by: 'sre-oncall', at: 't' }
    })
  })

  it('names an event-routed target when there was no command', () => {
    const state = applyRequest()
    expect(heldCommand({ ...state, invocation: { ...state.invocation, via: 'event', key: null } })).toBe('flow:terraform-apply-flow')
    expect(heldCommand({ ...state, invocation: { ...state.invocation, args: 'prod --plan' } })).toBe('/apply prod --plan')
  })
})
