import { metadataNamesFor } from '../../src/template/template-variables.js'

describe('metadataNamesFor', () => {
  it.each<[string[], string[], string[]]>([
    [
      ['pull_request'],
      ['event_type', 'action', 'pr_number', 'pr_head_sha', 'pr_author', 'issue_labels', 'command', 'command_args'],
      ['issue_number', 'ref', 'comment_body']
    ],
    [['issues'], ['issue_number', 'issue_title', 'issue_labels', 'repo_full_name'], ['pr_number', 'comment_body', 'ref']],
    [['issue_comment'], ['comment_body', 'comment_author', 'is_pr_comment', 'issue_number', 'pr_number'], ['ref', 'review_body', 'comment_path']],
    [['pull_request_review'], ['review_body', 'review_author', 'pr_head_sha'], ['comment_body', 'issue_number']],
    [['pull_request_review_comment'], ['comment_body', 'comment_path', 'comment_line', 'pr_number'], ['issue_number']],
    [['push'], ['ref', 'before_sha', 'after_sha', 'commit_count', 'sender_login'], ['pr_number', 'issue_number']],
    [['pull_request_target'], ['pr_number', 'pr_head_sha'], ['ref']],
    [['workflow_run'], ['event_type', 'repo_id', 'approved_by'], ['pr_number', 'ref']],
    [['push', 'issues'], ['ref', 'issue_number'], ['pr_number']]
  ])('for %j has %j and not %j', (events, present, absent) => {
    const names = metadataNamesFor(events)
    present.forEach((n) => expect({ n, has: names.has(n) }).toEqual({ n, has: true }))
    absent.forEach((n) => expect({ n, has: names.has(n) }).toEqual({ n, has: false }))
  })

  it('gives every name for an empty event list', () => {
    const all = metadataNamesFor([])
    for (const name of ['pr_number', 'issue_number', 'ref', 'comment_body', 'review_body', 'comment_path', 'command']) expect(all.has(name)).toBe(true)
  })
})
