import { buildEventContext } from '../../src/event/build-event-context.js'
import { loadFixture } from './fixtures.js'

describe('buildEventContext', () => {
  it('fills every reference variable of a pull_request event with its exact type', () => {
    const payload = loadFixture('pull_request.opened.json')
    const event = buildEventContext('pull_request', payload)
    expect(event.metadata).toMatchObject({
      event_type: 'pull_request',
      action: 'opened',
      repo_id: 186853002,
      repo_full_name: 'Codertocat/Hello-World',
      repo_private: false,
      sender_id: 21031067,
      sender_login: 'Codertocat',
      pr_number: 2,
      pr_title: 'Update the README with new information.',
      pr_state: 'open',
      pr_draft: false,
      pr_base_ref: 'master',
      pr_head_ref: 'changes',
      pr_head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      pr_additions: 1,
      pr_deletions: 1,
      pr_changed_files: 1,
      pr_html_url: 'https://github.com/Codertocat/Hello-World/pull/2',
      pr_author: 'Codertocat',
      pr_merged: false,
      issue_labels: ['bug']
    })
    expect(event).toMatchObject({
      name: 'pull_request',
      action: 'opened',
      repository: 'Codertocat/Hello-World',
      sender: { login: 'Codertocat', id: 21031067, type: 'User' },
      branch: 'master',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      number: 2,
      isPullRequest: true,
      commentId: null,
      text: { kind: 'pr_body', body: 'This is a pretty simple change that we need to pull into master.' }
    })
  })

  it('takes the head SHA from pull_request.head.sha, not from GITHUB_SHA or the merge commit', () => {
    const payload = loadFixture('pull_request.opened.json')
    payload.pull_request.merge_commit_sha = 'f'.repeat(40)
    const event = buildEventContext('pull_request', payload, { GITHUB_REPOSITORY: 'other/repo' })
    expect(event.headSha).toBe(payload.pull_request.head.sha)
    expect(event.metadata.pr_head_sha).toBe(payload.pull_request.head.sha)
    expect(event.repository).toBe('Codertocat/Hello-World')
  })

  it('gives null, never NaN or undefined, for PR sizes a review payload lacks', () => {
    const event = buildEventContext('pull_request_review', loadFixture('pull_request_review.submitted.json'))
    expect(event.metadata.pr_additions).toBeNull()
    expect(event.metadata.pr_deletions).toBeNull()
    expect(event.metadata.pr_changed_files).toBeNull()
    expect(event.metadata.review_state).toBe('commented')
    expect(event.metadata.review_author).toBe('Codertocat')
    expect(event.metadata.review_body).toBeNull()
  })

  it('has no command text for a review submitted without a body', () => {
    const event = buildEventContext('pull_request_review', loadFixture('pull_request_review.submitted.json'))
    expect(event.text).toBeNull()
  })

  it('reads commands from a review body when the review is submitted with one', () => {
    const payload = loadFixture('pull_request_review.submitted.json')
    payload.review.body = '/review security'
    expect(buildEventContext('pull_request_review', payload).text).toEqual({ kind: 'review', body: '/review security' })
  })

  it('fills issue and comment variables for a comment on a plain issue, and no PR variables', () => {
    const event = buildEventContext('issue_comment', loadFixture('issue_comment.created.json'))
    expect(event.metadata).toMatchObject({
      issue_number: 1,
      issue_title: 'Spelling error in the README file',
      issue_state: 'open',
      issue_html_url: 'https://github.com/Codertocat/Hello-World/issues/1',
      issue_labels: ['bug'],
      comment_id: 492700400,
      comment_body: "You are totally right! I'll get this fixed right away.",
      comment_author: 'Codertocat',
      is_pr_comment: false
    })
    expect(Object.keys(event.metadata).filter((k) => k.startsWith('pr_'))).toEqual([])
    expect(event).toMatchObject({ isPullRequest: false, number: 1, commentId: 492700400, branch: null, headSha: null })
    expect(event.text).toEqual({ kind: 'issue_comment', body: "You are totally right! I'll get this fixed right away." })
  })

  it('recognises a comment on a PR by issue.pull_request and fills what the issue knows of the PR', () => {
    const event = buildEventContext('issue_comment', loadFixture('issue_comment.created.on-pull-request.derived.json'))
    expect(event.isPullRequest).toBe(true)
    expect(event.metadata).toMatchObject({
      is_pr_comment: true,
      pr_number: 1,
      pr_title: 'Spelling error in the README file',
      pr_html_url: 'https://github.com/Codertocat/Hello-World/pull/1',
      pr_merged: false,
      pr_head_sha: null,
      pr_base_ref: null
    })
    expect(event.branch).toBeNull()
  })

  it('fills review-comment variables including the file and line', () => {
    const event = buildEventContext('pull_request_review_comment', loadFixture('pull_request_review_comment.created.json'))
    expect(event.metadata).toMatchObject({ is_pr_comment: true, comment_id: 284312630, comment_path: 'README.md', comment_line: null, pr_number: 2 })
    expect(event.text).toEqual({ kind: 'review_comment', body: 'Maybe you should use more emoji on this line.' })
    expect(event.commentId).toBe(284312630)
  })

  it.each([
    ['refs/heads/main', 'main'],
    ['refs/heads/release/1.2', 'release/1.2'],
    ['refs/tags/v1.0.0', null]
  ])('reads the branch of a push to %s as %s', (ref, branch) => {
    const payload = loadFixture('push.json')
    payload.ref = ref
    const event = buildEventContext('push', payload)
    expect(event.branch).toBe(branch)
    expect(event.metadata).toMatchObject({ ref, before_sha: payload.before, after_sha: payload.after, commit_count: 1 })
    expect(event.action).toBeNull()
    expect(event.metadata.action).toBeNull()
  })

  it('has no head SHA for a push that deletes a branch', () => {
    const payload = loadFixture('push.json')
    payload.after = '0'.repeat(40)
    payload.deleted = true
    expect(buildEventContext('push', payload).headSha).toBeNull()
  })

  it.each([
    ['issue_comment.created.json', 'issue_comment', 'created', 'issue_comment'],
    ['issue_comment.edited.json', 'issue_comment', 'edited', 'issue_comment'],
    ['issue_comment.created.json', 'issue_comment', 'deleted', null],
    ['pull_request_review_comment.created.json', 'pull_request_review_comment', 'created', 'review_comment'],
    ['issues.opened.json', 'issues', 'opened', 'issue_body'],
    ['issues.opened.json', 'issues', 'labeled', null],
    ['pull_request.opened.json', 'pull_request', 'opened', 'pr_body'],
    ['pull_request.opened.json', 'pull_request_target', 'opened', 'pr_body'],
    ['pull_request.opened.json', 'pull_request', 'synchronize', null],
    ['push.json', 'push', undefined, null]
  ])('from %s as %s %s, takes command text of kind %s', (fixture, eventName, action, kind) => {
    const payload = loadFixture(fixture)
    if (action) payload.action = action
    const event = buildEventContext(eventName, payload)
    expect(event.text?.kind ?? null).toBe(kind)
  })

  it('uses GITHUB_REPOSITORY for an org-level payload without a repository', () => {
    const payload = loadFixture('organization.member_added.json')
    const event = buildEventContext('organization', payload, { GITHUB_REPOSITORY: 'Octocoders/.github' })
    expect(event.repository).toBe('Octocoders/.github')
    expect(event.metadata).toMatchObject({ repo_full_name: 'Octocoders/.github', repo_id: null, repo_private: null, action: 'member_added' })
  })

  it('leaves the repository null for an org-level payload when GITHUB_REPOSITORY is unset', () => {
    const event = buildEventContext('organization', loadFixture('organization.member_added.json'))
    expect(event.repository).toBeNull()
    expect(event.metadata.repo_full_name).toBeNull()
  })

  it.each([
    ['null', null],
    ['a string', 'not a payload'],
    ['an array', [1, 2]],
    [
      'wrong types everywhere',
      { action: 7, repository: 'x', sender: [], pull_request: { number: 'two', head: null, labels: 'bug' }, issue: 5, comment: { body: 3 } }
    ],
    ['NaN and Infinity', { pull_request: { number: Number.NaN, additions: Number.POSITIVE_INFINITY } }]
  ])('never throws on %s, and gives nulls for what it cannot read', (_label, payload) => {
    const event = buildEventContext('pull_request', payload)
    expect(event.repository).toBeNull()
    expect(event.sender).toBeNull()
    expect(event.number).toBeNull()
    for (const value of Object.values(event.metadata)) {
      expect(value === undefined || (typeof value === 'number' && !Number.isFinite(value))).toBe(false)
    }
  })

  it('keeps the sender type so the gate can tell bots from users', () => {
    const payload = loadFixture('issue_comment.created.json')
    payload.sender = { login: 'dependabot[bot]', id: 49699333, type: 'Bot' }
    expect(buildEventContext('issue_comment', payload).sender).toEqual({ login: 'dependabot[bot]', id: 49699333, type: 'Bot' })
  })

  it('carries the facts later stages read from the payload: default branch, base commit, fork, comment time', () => {
    const pr = loadFixture('pull_request.opened.json')
    const same = buildEventContext('pull_request', pr)
    expect(same).toMatchObject({ defaultBranch: pr.repository.default_branch, baseSha: pr.pull_request.base.sha, fromFork: false, commentCreatedAt: null })

    pr.pull_request.head.repo = { ...pr.pull_request.head.repo, full_name: 'stranger/Hello-World' }
    expect(buildEventContext('pull_request', pr).fromFork).toBe(true)
    pr.pull_request.head.repo = null
    expect(buildEventContext('pull_request', pr).fromFork).toBe(true)

    const comment = loadFixture('issue_comment.created.json')
    expect(buildEventContext('issue_comment', comment)).toMatchObject({ commentCreatedAt: comment.comment.created_at, baseSha: null, fromFork: false })
  })

  it.each([
    { conclusion: 'failure', failedRun: { runId: 30, jobId: null } },
    { conclusion: 'timed_out', failedRun: { runId: 30, jobId: null } },
    { conclusion: 'success', failedRun: null },
    { conclusion: 'cancelled', failedRun: null }
  ])('names the run of a workflow_run completed with $conclusion only when it failed', ({ conclusion, failedRun }) => {
    const payload = { action: 'completed', workflow_run: { id: 30, conclusion, head_sha: 'abc', pull_requests: [] } }
    expect(buildEventContext('workflow_run', payload).failedRun).toEqual(failedRun)
  })

  it('takes the PR a failed CI run belongs to as the number the agent answers on', () => {
    const payload = { action: 'completed', workflow_run: { id: 30, conclusion: 'failure', pull_requests: [{ number: 2 }, { number: 5 }] } }
    expect(buildEventContext('workflow_run', payload)).toMatchObject({ number: 2, isPullRequest: true })
  })

  it('names the run and the job of a failed check run that GitHub Actions wrote', () => {
    const check = { id: 77, conclusion: 'failure', details_url: 'https://github.com/o/r/actions/runs/30/job/77', pull_requests: [] }
    expect(buildEventContext('check_run', { action: 'completed', check_run: check }).failedRun).toEqual({ runId: 30, jobId: 77 })
    expect(buildEventContext('check_run', { action: 'completed', check_run: { ...check, details_url: 'https://ci.example/1' } }).failedRun).toBeNull()
  })

  it('keeps the id of a failed check suite, whose runs the shell looks up', () => {
    const suite = { id: 118578147, conclusion: 'failure', head_sha: 'abc', pull_requests: [] }
    expect(buildEventContext('check_suite', { action: 'completed', check_suite: suite }).failedRun).toEqual({
      runId: null,
      jobId: null,
      checkSuiteId: 118578147
    })
    expect(buildEventContext('check_suite', { action: 'completed', check_suite: { ...suite, conclusion: 'success' } }).failedRun).toBeNull()
  })
})
