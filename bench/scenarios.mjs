// The scenarios the bench runs: their config, event payload, the local GitHub world they need and
// the model turns they are answered with. Kept close to __tests__/e2e/writes.e2e.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export const REPO = 'Codertocat/Hello-World'
const HEAD = 'c'.repeat(40)
// Ten added lines (2–11) in one hunk: anchors for ten inline comments.
const PATCH = '@@ -1,2 +1,12 @@\n line one\n' + Array.from({ length: 10 }, (_, i) => `+added ${i + 2}`).join('\n') + '\n line twelve'
const ANTHROPIC_MODEL = 'anthropic:claude-sonnet-4-5'

function readJson(repoRoot, ...path) {
  return JSON.parse(readFileSync(join(repoRoot, ...path), 'utf8'))
}

/** An example's `.github/aof` files as `.github/aof/…` path → text. */
export function exampleConfig(repoRoot, example, edit = (text) => text) {
  const root = join(repoRoot, 'examples', example, '.github', 'aof')
  const found = {}
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else found[`.github/aof/${relative(root, path)}`] = edit(readFileSync(path, 'utf8'))
    }
  }
  walk(root)
  return found
}

function serveConfig(github, files, repo = REPO, ref = 'master') {
  for (const [path, text] of Object.entries(files)) github.world.setFile(repo, ref, path, text)
}

/** issues.opened against the auto-review example (which only watches pull_request): declined. */
export function noMatch(repoRoot) {
  return { eventName: 'issues', payload: readJson(repoRoot, '__fixtures__', 'events', 'issues.opened.json'), config: exampleConfig(repoRoot, 'auto-review') }
}

const reviewConfig = {
  '.github/aof/trigger.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: bot}',
    'spec:',
    '  type: GitHub',
    '  config: {github_events: [pull_request]}',
    '  commands:',
    '    pull_request.opened: {agent: reviewer}',
    ''
  ].join('\n'),
  '.github/aof/agents.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Agent',
    'metadata: {name: reviewer}',
    'spec:',
    `  model: ${ANTHROPIC_MODEL}`,
    '  instructions: Review.',
    '  tools: [github_post_review]',
    ''
  ].join('\n')
}

/** pull_request.opened → reviewer → one github_post_review call with 10 inline comments. */
export function prReview(repoRoot) {
  const payload = readJson(repoRoot, '__fixtures__', 'events', 'pull_request.opened.json')
  payload.pull_request.head.sha = HEAD
  const comments = Array.from({ length: 10 }, (_, i) => ({ path: 'src/app.ts', line: i + 2, body: `finding ${i + 1}` }))
  return {
    name: 'PR review, 10 inline comments',
    eventName: 'pull_request',
    payload,
    setUp(github) {
      github.world.addRepo(REPO, { default_branch: 'master' })
      serveConfig(github, reviewConfig)
      github.world.addPull(REPO, { number: 2, head: { ref: 'changes', sha: HEAD }, base: { ref: 'master' }, files: [{ filename: 'src/app.ts', patch: PATCH }] })
    },
    turns: [
      { content: [{ type: 'tool_use', name: 'github_post_review', input: { event: 'COMMENT', body: 'Ten findings.', comments } }] },
      { content: [{ type: 'text', text: 'Done.' }] }
    ]
  }
}

/** issues.opened → the auto-label example's issue-triager (on an Anthropic model): labels and a comment. */
export function issueTriage(repoRoot) {
  return {
    name: 'issue triage (2 labels + 1 comment)',
    eventName: 'issues',
    payload: readJson(repoRoot, 'examples', 'auto-label', 'events', 'issues.opened.json'),
    setUp(github) {
      github.world.addRepo(REPO, { default_branch: 'master' })
      serveConfig(
        github,
        exampleConfig(repoRoot, 'auto-label', (text) => text.replace(/model: .*/, `model: ${ANTHROPIC_MODEL}`))
      )
      github.world.addIssue(REPO, { number: 1, title: 'Spelling error in the README file', body: 'It looks like you accidently spelled commit with two t.' })
      for (const label of ['bug', 'documentation', 'priority:low']) github.world.addLabel(REPO, label)
    },
    turns: [
      {
        content: [
          { type: 'tool_use', name: 'github_add_labels', input: { labels: ['documentation', 'priority:low'] } },
          { type: 'tool_use', name: 'github_post_comment', input: { body: 'Thanks: labelled as a documentation fix.' } }
        ]
      },
      { content: [{ type: 'text', text: 'Done.' }] }
    ]
  }
}

/** pull_request.opened → the check-run example's security-scanner: creates its check run, then completes it. */
export function checkRunLifecycle(repoRoot) {
  const payload = readJson(repoRoot, 'examples', 'check-run', 'events', 'pull_request.opened.json')
  const sha = payload.pull_request.head.sha
  return {
    name: 'check-run lifecycle (agent creates + completes one)',
    eventName: 'pull_request',
    payload,
    setUp(github) {
      github.world.addRepo(REPO, { default_branch: 'master' })
      serveConfig(github, exampleConfig(repoRoot, 'check-run'))
      github.world.addPull(REPO, {
        number: payload.pull_request.number,
        head: { ref: 'changes', sha },
        base: { ref: 'master' },
        files: [{ filename: 'src/app.ts', patch: PATCH }]
      })
    },
    turns: [
      { content: [{ type: 'tool_use', name: 'github_create_check_run', input: { name: 'AI Security Scan', status: 'in_progress' } }] },
      {
        content: [
          {
            type: 'tool_use',
            name: 'github_update_check_run',
            input: { name: 'AI Security Scan', status: 'completed', conclusion: 'success', title: 'Security Scan Passed', summary: 'No vulnerabilities found' }
          }
        ]
      },
      { content: [{ type: 'text', text: 'Done.' }] }
    ]
  }
}

/**
 * `/deploy production` on a PR, from the per-team example (`require_approval: true`): the action
 * posts an approval request and stops; no model is called. As in __tests__/e2e/flows.e2e.test.ts.
 */
export function approvalRequest(repoRoot) {
  const repo = 'myorg/api-server'
  const payload = readJson(repoRoot, 'examples', 'per-team', 'events', 'issue_comment.created.api-server-deploy-staging.json')
  payload.comment.body = '/deploy production'
  payload.comment.created_at = new Date().toISOString()
  return {
    name: 'approval request (/deploy production)',
    eventName: 'issue_comment',
    repository: repo,
    payload,
    // Approvals are sealed with the state key; without one the command is refused.
    inputs: { 'state-key': 'bench-state-key-0123456789abcdef' },
    expectConclusion: 'neutral',
    check: (r) => (/^[0-9a-f]{8}$/.test(r.outputs['approval-id'] ?? '') ? null : `approval-id output '${r.outputs['approval-id']}'`),
    setUp(github) {
      github.world.addRepo(repo, { default_branch: 'main' })
      serveConfig(github, exampleConfig(repoRoot, 'per-team'), repo, 'main')
      github.world.addPull(repo, {
        number: 1,
        user: 'alice',
        head: { ref: 'feature', sha: 'd'.repeat(40) },
        base: { ref: 'main' },
        files: [{ filename: 'src/app.ts', patch: PATCH }]
      })
      github.world.setPermission(repo, 'alice', 'write')
      payload.comment.id = github.world.addComment(repo, 1, { body: payload.comment.body, user: 'alice' }).id
    },
    turns: []
  }
}

/**
 * `count` trigger files, each watching pull_request on its own base branch, all bound to one agent;
 * the event's base branch is the last one's, so routing reads every Trigger before it matches.
 */
export function manyTriggers(repoRoot, count) {
  const files = {
    '.github/aof/agents/reviewer.yaml': [
      'apiVersion: aof.dev/v1',
      'kind: Agent',
      'metadata: {name: reviewer}',
      'spec:',
      `  model: ${ANTHROPIC_MODEL}`,
      '  instructions: Review PR #{{ metadata.pr_number }} in {{ metadata.repo_full_name }}.',
      '  tools: [github_post_review]',
      ''
    ].join('\n')
  }
  const width = String(count).length
  for (let i = 1; i <= count; i++) {
    const id = String(i).padStart(width, '0')
    files[`.github/aof/triggers/t-${id}.yaml`] = [
      'apiVersion: aof.dev/v1',
      'kind: Trigger',
      'metadata:',
      `  name: t-${id}`,
      'spec:',
      '  type: GitHub',
      '  config:',
      '    github_events: [pull_request]',
      `    branches: [release-${id}]`,
      '  commands:',
      '    pull_request.opened: {agent: reviewer}',
      ''
    ].join('\n')
  }
  const payload = readJson(repoRoot, '__fixtures__', 'events', 'pull_request.opened.json')
  payload.pull_request.base.ref = `release-${String(count).padStart(width, '0')}`
  return { eventName: 'pull_request', payload, config: files, expectTrigger: `t-${String(count).padStart(width, '0')}` }
}

/**
 * Untrusted text built to make a backtracking sanitiser explode, each `size` characters: the
 * repeated unclosed `<a hidden` that took 38 s at 18 KB before, hidden elements nested and never
 * closed, comments never closed, backtick runs that never pair, and a seeded mix of all of it.
 */
export function hostileTexts(size) {
  const fill = (unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  let ticks = ''
  for (let n = 1; ticks.length < size; n++) ticks += `${'`'.repeat(n)}x`
  const tokens = ['<', 'a', ' hidden', ' style="display:none"', '<!--', '-->', '</a>', '<div hidden>', '`', '[', '\\', '\n', '\u200b']
  let state = 20261204
  let mixed = ''
  while (mixed.length < size) {
    state = (state * 1664525 + 1013904223) >>> 0
    mixed += tokens[state % tokens.length]
  }
  return {
    'unclosed `<a hidden`, repeated': fill('<a hidden'),
    'hidden elements nested, never closed': fill('<div hidden><span style="display: none">'),
    'unclosed comments and tags': fill('<!-- <a hidden '),
    'backtick runs that never pair': ticks.slice(0, size),
    'a seeded mix of all of these': mixed.slice(0, size)
  }
}

/**
 * issues.opened on myorg/api-server against the per-team example (22 config files in five
 * folders, read from the base branch) by someone outside the backend team: nothing runs.
 */
export function noMatchPerTeam(repoRoot) {
  const repo = 'myorg/api-server'
  const payload = readJson(repoRoot, '__fixtures__', 'events', 'issues.opened.json')
  payload.repository.full_name = repo
  payload.repository.name = 'api-server'
  payload.repository.owner.login = 'myorg'
  payload.repository.default_branch = 'main'
  // Not in the backend team's allowed_users: its Trigger does not take the event.
  payload.sender.login = 'mallory'
  payload.issue.user.login = 'mallory'
  return {
    name: 'no-match, per-team config from the base branch',
    eventName: 'issues',
    repository: repo,
    payload,
    expectMatched: 'false',
    setUp(github) {
      github.world.addRepo(repo, { default_branch: 'main' })
      serveConfig(github, exampleConfig(repoRoot, 'per-team'), repo, 'main')
    },
    turns: []
  }
}

/**
 * pull_request.opened on myorg/api-server: the per-team example's backend-review-fleet, its two
 * members on the Anthropic server (each posts a draft review, then is done), published as one review.
 */
export function fleetReview(repoRoot) {
  const repo = 'myorg/api-server'
  const payload = readJson(repoRoot, 'examples', 'per-team', 'events', 'pull_request.opened.api-server.json')
  payload.pull_request.head.sha = 'e'.repeat(40)
  payload.pull_request.number = 1
  return {
    name: 'fleet review (per-team backend-review-fleet, 2 members)',
    eventName: 'pull_request',
    repository: repo,
    payload,
    setUp(github) {
      github.world.addRepo(repo, { default_branch: 'main' })
      serveConfig(
        github,
        exampleConfig(repoRoot, 'per-team', (text) => text.replace(/model: google:.*/g, `model: ${ANTHROPIC_MODEL}`)),
        repo,
        'main'
      )
      github.world.addPull(repo, {
        number: 1,
        user: 'alice',
        head: { ref: 'feature', sha: 'e'.repeat(40) },
        base: { ref: 'main' },
        files: [{ filename: 'src/app.ts', patch: PATCH }]
      })
    },
    // The members run in parallel: each request is answered from what it carries, not in a fixed order.
    respond(body) {
      const last = body.messages.at(-1)
      const answered = Array.isArray(last?.content) && last.content.some((b) => b.type === 'tool_result')
      if (answered) return { content: [{ type: 'text', text: 'Done.' }] }
      return {
        content: [
          {
            type: 'tool_use',
            name: 'github_post_review',
            input: { event: 'COMMENT', body: 'Findings.', comments: [{ path: 'src/app.ts', line: 2, body: 'check b' }] }
          }
        ]
      }
    },
    modelRequests: 4,
    turns: []
  }
}
