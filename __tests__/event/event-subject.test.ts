import { buildEventSubject } from '../../src/event/event-subject.js'
import { loadFixture, webhookExamples } from './fixtures.js'

function example(name: string, action: string | null): Record<string, any> {
  const found = webhookExamples()
    .find((d) => d.name === name)
    ?.examples.find((e) => (action === null ? e.action === undefined : e.action === action))
  if (!found) throw new Error(`no ${name}.${action}`)
  return JSON.parse(JSON.stringify(found))
}

describe('buildEventSubject', () => {
  it.each([
    {
      label: 'issues.opened gives the issue with its body, labels and author',
      name: 'issues',
      payload: () => ({ ...loadFixture('issues.opened.json'), issue: { number: 3, title: 'T', body: 'B', user: { login: 'ann' }, labels: [{ name: 'bug' }] } }),
      expected: { issue: { number: 3, title: 'T', author: 'ann', labels: ['bug'], body: 'B' } }
    },
    {
      label: 'issues.edited says what the title and body were before',
      name: 'issues',
      payload: () => ({ action: 'edited', issue: { number: 3, title: 'New' }, changes: { title: { from: 'Old' }, body: { from: 'was' } } }),
      expected: { issue: { number: 3, title: 'New' }, changes: { title_before: 'Old', body_before: 'was' } }
    },
    {
      label: 'issue_comment on a PR names the PR, not an issue',
      name: 'issue_comment',
      payload: () => ({
        comment: { body: 'hi', user: { login: 'bo' }, created_at: 't' },
        issue: { number: 2, title: 'P', body: 'PB', pull_request: { url: 'u' } }
      }),
      expected: { comment: { author: 'bo', created_at: 't', body: 'hi' }, pull_request: { number: 2, title: 'P', body: 'PB' } }
    },
    {
      label: 'pull_request gives base and head branches',
      name: 'pull_request',
      payload: () => ({ pull_request: { number: 2, title: 'P', body: 'B', base: { ref: 'main' }, head: { ref: 'feat' } } }),
      expected: { pull_request: { number: 2, title: 'P', body: 'B', base: 'main', head: 'feat' } }
    },
    {
      label: 'a line comment gives its file, line and hunk',
      name: 'pull_request_review_comment',
      payload: () => ({ comment: { body: 'x', path: 'a.ts', line: 4, side: 'RIGHT', diff_hunk: '@@ -1 +1 @@' }, pull_request: { number: 2 } }),
      expected: { comment: { path: 'a.ts', line: 4, side: 'RIGHT', diff_hunk: '@@ -1 +1 @@', body: 'x' }, pull_request: { number: 2 } }
    },
    {
      label: 'push gives each commit: message and author',
      name: 'push',
      payload: () => ({ ref: 'refs/heads/main', commits: [{ id: 'abcdef1234567890', message: 'fix', author: { name: 'A', username: 'a' }, timestamp: 't' }] }),
      expected: { ref: 'refs/heads/main', commits: [{ id: 'abcdef123456', author: 'a', time: 't', message: 'fix' }] }
    },
    {
      label: 'push counts the commits it does not show',
      name: 'push',
      payload: () => ({ commits: Array.from({ length: 25 }, (_, i) => ({ message: `m${i}` })) }),
      expected: expect.objectContaining({ commits_not_shown: 5 })
    },
    { label: 'an event with nothing to read gives null', name: 'watch', payload: () => ({ action: 'started' }), expected: null },
    { label: 'a malformed payload gives null, never throws', name: 'issues', payload: () => 'nonsense', expected: null }
  ])('$label', ({ name, payload, expected }) => {
    expect(buildEventSubject(name, payload())).toEqual(expected)
  })

  it.each([
    ['release', 'published', 'release'],
    ['create', null, 'ref_type'],
    ['delete', null, 'ref_type'],
    ['discussion', 'created', 'discussion'],
    ['workflow_run', 'completed', 'workflow_run'],
    ['check_run', 'completed', 'check_run'],
    ['check_suite', 'completed', 'check_suite']
  ])('%s.%s from a real payload carries %s', (name, action, key) => {
    expect(buildEventSubject(name, example(name, action))).toHaveProperty(key)
  })

  it('a workflow_run gives the workflow, conclusion, branch, SHA and its PRs', () => {
    const payload = example('workflow_run', 'completed')
    payload.workflow_run.conclusion = 'failure'
    payload.workflow_run.pull_requests = [{ number: 7 }]
    expect(buildEventSubject('workflow_run', payload)?.workflow_run).toMatchObject({
      workflow: payload.workflow.name,
      conclusion: 'failure',
      head_branch: payload.workflow_run.head_branch,
      head_sha: payload.workflow_run.head_sha,
      pull_requests: [7]
    })
  })

  it('never throws on any real payload', () => {
    for (const definition of webhookExamples())
      for (const payload of definition.examples) expect(() => buildEventSubject(definition.name, payload)).not.toThrow()
  })
})
