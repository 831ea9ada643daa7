// What the model is first told about each event, through the bundle: the text a person handling
// the event would read is there, what GitHub hides is not, and a huge text is cut by the rule the
// message states.
import { createRequire } from 'node:module'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { pullFile } from '../support/github-world.js'
import { runAction } from '../support/run-action.js'
import { fixtureEvent, type Payload } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const HIDDEN = '<!-- HIDDENCOMMENT secret orders -->'
const ZW = '\u200B'

const EVENTS = [
  'issues',
  'issue_comment',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'push',
  'release',
  'create',
  'delete',
  'discussion',
  'workflow_run',
  'check_run',
  'check_suite'
]

const config = {
  '.github/aof/trigger.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: everything}',
    'spec:',
    '  type: GitHub',
    `  config: {github_events: [${EVENTS.join(', ')}]}`,
    '  commands:',
    '    /read: {agent: reader, description: Read the thread}',
    '    /look: {agent: reader, description: Look at the thread}',
    '  default_agent: reader',
    ''
  ].join('\n'),
  '.github/aof/agent.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: reader}',
    'spec:',
    '  model: anthropic:claude-sonnet-4-5',
    '  instructions: Read the event.',
    '  max_iterations: 1',
    '  tools: [github_post_comment]',
    ''
  ].join('\n')
}

function webhookExample(name: string, action: string | null): Payload {
  const all = createRequire(import.meta.url)('@octokit/webhooks-examples') as { name: string; examples: Payload[] }[]
  const found = all.find((d) => d.name === name)?.examples.find((e) => (action === null ? e.action === undefined : e.action === action))
  if (!found) throw new Error(`no ${name}.${action} example`)
  return JSON.parse(JSON.stringify(found)) as Payload
}

/** Visible words with hidden text around them: what the model should and should not get. */
function hostile(visible: string): string {
  return `${visible} ${HIDDEN} vis${ZW}ible-end`
}

interface Case {
  label: string
  eventName: string
  payload: () => Payload
  visible: string[]
}

const cases: Case[] = [
  {
    label: 'issues.opened: title, body, labels, author',
    eventName: 'issues',
    payload: () => {
      const p = fixtureEvent('issues.opened.json')
      p.issue.body = hostile('ISSUEBODY the login page crashes')
      return p
    },
    visible: ['ISSUEBODY the login page crashes', 'visible-end', 'Spelling error in the README file']
  },
  {
    label: 'issues.edited: what changed',
    eventName: 'issues',
    payload: () => {
      const p = fixtureEvent('issues.opened.json')
      p.action = 'edited'
      p.issue.body = 'NEWBODY now'
      p.changes = { body: { from: hostile('OLDBODY before') } }
      return p
    },
    visible: ['NEWBODY now', 'OLDBODY before']
  },
  {
    label: 'issue_comment.created: the comment, its issue, and the thread marked by author',
    eventName: 'issue_comment',
    payload: () => {
      const p = fixtureEvent('issue_comment.created.json')
      p.comment.body = `/read\n${hostile('COMMENTBODY please look')}`
      p.issue.body = 'THEISSUEBODY of the issue'
      return p
    },
    visible: ['COMMENTBODY please look', 'THEISSUEBODY of the issue', 'EARLIERCOMMENT from a person', 'OWNCOMMENT from the action', '"by_this_action": true']
  },
  {
    label: 'pull_request.opened: title, body, base and head',
    eventName: 'pull_request',
    payload: () => {
      const p = fixtureEvent('pull_request.opened.json')
      p.pull_request.body = hostile('PRBODY adds a feature')
      return p
    },
    visible: ['PRBODY adds a feature', '"base": "master"', '"head": "changes"']
  },
  {
    label: 'pull_request_review.submitted: the review body',
    eventName: 'pull_request_review',
    payload: () => {
      const p = fixtureEvent('pull_request_review.submitted.json')
      p.review.body = `/read\n${hostile('REVIEWBODY looks wrong')}`
      return p
    },
    visible: ['REVIEWBODY looks wrong']
  },
  {
    label: 'pull_request_review_comment.created: the comment, its file, line and hunk',
    eventName: 'pull_request_review_comment',
    payload: () => {
      const p = fixtureEvent('pull_request_review_comment.created.json')
      p.comment.body = `/read\n${hostile('LINECOMMENT off by one')}`
      return p
    },
    visible: ['LINECOMMENT off by one', '"path": "README.md"', '"diff_hunk"']
  },
  {
    label: 'push: the commits, their messages and authors, and the compare diff',
    eventName: 'push',
    payload: () => {
      const p = fixtureEvent('push.json')
      p.before = 'b'.repeat(40)
      p.commits = [
        { id: 'a'.repeat(40), message: hostile('COMMITMSG fix the parser'), author: { name: 'Mona', username: 'monalisa' }, timestamp: '2019-05-15T15:20:30Z' }
      ]
      return p
    },
    visible: ['COMMITMSG fix the parser', 'monalisa', 'PUSHEDLINE [hidden HTML comment', '"path": "src/parser.ts"']
  },
  {
    label: 'release.published: name and notes',
    eventName: 'release',
    payload: () => {
      const p = webhookExample('release', 'published')
      p.release.body = hostile('RELEASENOTES big changes')
      return p
    },
    visible: ['RELEASENOTES big changes']
  },
  {
    label: 'create: the ref and its type',
    eventName: 'create',
    payload: () => webhookExample('create', null),
    visible: ['"ref_type"']
  },
  {
    label: 'delete: the ref and its type',
    eventName: 'delete',
    payload: () => webhookExample('delete', null),
    visible: ['"ref_type"']
  },
  {
    label: 'discussion.created: title and body',
    eventName: 'discussion',
    payload: () => {
      const p = webhookExample('discussion', 'created')
      p.discussion.body = hostile('DISCUSSIONBODY what do you think')
      return p
    },
    visible: ['DISCUSSIONBODY what do you think']
  },
  {
    label: 'workflow_run.completed: workflow, conclusion, branch, SHA',
    eventName: 'workflow_run',
    payload: () => {
      const p = webhookExample('workflow_run', 'completed')
      p.workflow_run.conclusion = 'failure'
      p.workflow_run.display_title = hostile('RUNTITLE broke')
      return p
    },
    visible: ['"conclusion": "failure"', 'RUNTITLE broke', '"head_sha"']
  },
  {
    label: 'check_run.completed: name, conclusion, output',
    eventName: 'check_run',
    payload: () => {
      const p = webhookExample('check_run', 'completed')
      p.check_run.conclusion = 'failure'
      p.check_run.output = { title: 'CHECKTITLE 3 errors', summary: hostile('CHECKSUMMARY lint failed'), text: null }
      return p
    },
    visible: ['"conclusion": "failure"', 'CHECKTITLE 3 errors', 'CHECKSUMMARY lint failed']
  },
  {
    label: 'check_suite.completed: app, conclusion, branch, SHA',
    eventName: 'check_suite',
    payload: () => {
      const p = webhookExample('check_suite', 'completed')
      p.check_suite.conclusion = 'failure'
      return p
    },
    visible: ['"conclusion": "failure"', '"head_sha"', '"head_branch"']
  }
]

describe('the first message through dist/index.js', () => {
  let github: GitHubServer
  let anthropic: AnthropicServer

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })
  beforeEach(() => github.reset())

  async function firstMessage(eventName: string, payload: Payload): Promise<string> {
    const repo = String(payload.repository?.full_name ?? REPO)
    if (!github.world.repo(repo)) github.world.addRepo(repo, { default_branch: String(payload.repository?.default_branch ?? 'master') })
    const number = payload.issue?.number ?? payload.pull_request?.number
    if (typeof number === 'number' && !github.world.issue(repo, number)) {
      if (payload.pull_request || payload.issue?.pull_request) {
        github.world.addPull(repo, { number, head: { ref: 'changes', sha: payload.pull_request?.head?.sha }, base: { ref: 'master' } })
      } else github.world.addIssue(repo, { number, title: payload.issue.title })
    }
    if (eventName === 'push') {
      github.world.setCompare(repo, payload.before, payload.after, [
        { filename: 'src/parser.ts', status: 'modified', patch: `@@ -1 +1 @@\n-old\n+PUSHEDLINE ${HIDDEN}` }
      ])
    }
    if (payload.sender?.login) github.world.setPermission(repo, String(payload.sender.login), 'write')
    if (eventName === 'issue_comment') {
      github.world.addComment(repo, number, { body: hostile('EARLIERCOMMENT from a person'), user: 'octocat' })
      github.world.addComment(repo, number, { body: 'OWNCOMMENT from the action', user: { login: 'github-actions[bot]', type: 'Bot' } })
    }
    const before = anthropic.requests.length
    anthropic.script([{ content: [{ type: 'text', text: 'Read.' }] }])
    const result = await runAction({
      eventName,
      payload,
      apiUrl: github.url,
      repository: repo,
      inputs: { 'anthropic-api-key': anthropic.apiKey, 'config-ref': 'workspace' },
      workspaceFiles: config,
      env: { ANTHROPIC_BASE_URL: anthropic.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })
    if (result.outputs.matched !== 'true') throw new Error(`not matched:\n${result.summary}\n${result.stdout.slice(-3000)}`)
    const request = anthropic.requests[before]
    if (!request) throw new Error(`no model call:\n${result.stdout}\n${result.stderr}`)
    const first = request.body.messages[0].content[0].text as string
    return first
  }

  it.each(cases)('$label', async ({ eventName, payload, visible }) => {
    const text = await firstMessage(eventName, payload())
    for (const v of visible) expect(text).toContain(v)
    expect(text).not.toContain('HIDDENCOMMENT')
    expect(text).not.toContain(ZW)
    expect(text).not.toMatch(/\\u200b/i)
  })

  it('reads the thread once for a comment that carries two commands', async () => {
    const p = fixtureEvent('issue_comment.created.json')
    p.comment.body = '/read\n/look'
    anthropic.script([{ content: [{ type: 'text', text: 'Read.' }] }])
    await firstMessage('issue_comment', p)
    expect(anthropic.remaining()).toBe(0)
    expect(github.countOf('issues/list-comments')).toBe(1)
  })

  it('cuts a huge issue body to the budget and says how it cut', async () => {
    const p = fixtureEvent('issues.opened.json')
    p.issue.body = `HEADOFBODY ${'lorem ipsum dolor '.repeat(20_000)} TAILOFBODY`
    const text = await firstMessage('issues', p)
    expect(text).toContain('HEADOFBODY')
    expect(text).not.toContain('TAILOFBODY')
    expect(text).toMatch(/characters cut/)
    expect(text).toMatch(/longest texts are cut/)
    expect(text.length).toBeLessThan(60_000)
  })

  it("carries the earlier replies of the inline thread a review comment answers, the action's own marked, hidden text gone", async () => {
    const p = fixtureEvent('pull_request_review_comment.created.json')
    const repo = String(p.repository.full_name)
    const number = Number(p.pull_request.number)
    const w = github.world
    if (!w.repo(repo)) w.addRepo(repo, { default_branch: 'master' })
    if (!w.issue(repo, number)) w.addPull(repo, { number, head: { ref: 'changes', sha: p.pull_request.head.sha }, base: { ref: 'master' } })
    const pull = w.issue(repo, number)?.pull
    if (pull) pull.files = [pullFile({ filename: 'README.md', patch: '@@ -1 +1,2 @@\n a\n+b' })]
    const review = w.addReview(repo, number, {
      user: 'octocat',
      event: 'COMMENT',
      comments: [{ path: 'README.md', line: 2, body: hostile('THREADROOT is this right?') }]
    })
    const root = w.reviewComments.find((c) => c.review_id === review.id)
    if (!root) throw new Error('no root comment')
    const reply = (body: string, user: { login: string; type: 'User' | 'Bot' }, inReplyTo: number | null = root.id) => {
      const c = { ...root, id: w.id(), in_reply_to_id: inReplyTo, body, user: w.addUser(user) }
      w.reviewComments.push(c)
      return c
    }
    reply('OWNREPLY yes, it is', { login: 'github-actions[bot]', type: 'Bot' })
    reply('OTHERTHREAD elsewhere', { login: 'hubot', type: 'User' }, null)
    const event = reply('/read are you sure?', { login: 'octocat', type: 'User' })
    reply('LATERREPLY after the event', { login: 'hubot', type: 'User' })
    p.comment.id = event.id
    p.comment.in_reply_to_id = root.id
    p.comment.body = event.body

    const text = await firstMessage('pull_request_review_comment', p)
    const brief = JSON.parse(/<github_event>\n([\s\S]*)\n<\/github_event>/.exec(text)?.[1] ?? '{}').subject
    expect(brief.review_thread).toEqual([
      { author: 'octocat', time: root.created_at, text: 'THREADROOT is this right?  visible-end' },
      { author: 'github-actions[bot]', time: root.created_at, by_this_action: true, text: 'OWNREPLY yes, it is' }
    ])
    expect(text).not.toContain('OTHERTHREAD')
    expect(text).not.toContain('LATERREPLY')
    expect(text).not.toContain('HIDDENCOMMENT')
    expect(github.countOf('pulls/list-review-comments')).toBe(1)
  })
})
