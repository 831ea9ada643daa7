import type { Config } from '../../src/config/types.js'
import { buildEventContext } from '../../src/event/build-event-context.js'
import type { EventContext } from '../../src/event/types.js'
import { route } from '../../src/route/route.js'
import type { Decision } from '../../src/route/types.js'
import { loadFixture } from '../event/fixtures.js'
import { aConfig, aTrigger, commentEvent, issuesEvent, perTeamConfig, pullRequestEvent, pushEvent } from './builders.js'

const BOT = { botName: 'aofbot' }

/** `via key args -> kind:name`, one string per invocation, so tables read like the summary. */
function runs(decision: Decision): string[] {
  return decision.invocations.map(
    (i) => `${i.via} ${i.key ?? '-'}${i.args ? ` [${i.args}]` : ''} -> ${i.target ? `${i.target.kind}:${i.target.name}` : 'help'}`
  )
}

function reasons(decision: Decision): Record<string, string> {
  return Object.fromEntries(decision.verdicts.map((v) => [v.trigger, v.reason]))
}

describe('route with the per-team Triggers of the reference', () => {
  const config = perTeamConfig()
  it.each<[string, string | null, EventContext, string[]]>([
    [
      'a PR opened in myorg/web-app',
      'frontend-pr-bot',
      pullRequestEvent('opened', { repo: 'myorg/web-app' }),
      ['event-action pull_request.opened -> fleet:frontend-review-fleet']
    ],
    [
      '/review on a frontend PR',
      'frontend-pr-bot',
      commentEvent('/review', { repo: 'myorg/ui-components', onPullRequest: true }),
      ['command review -> fleet:frontend-review-fleet']
    ],
    [
      '/storybook on a frontend PR',
      'frontend-pr-bot',
      commentEvent('/storybook', { repo: 'myorg/mobile-app' }),
      ['command storybook -> agent:storybook-deployer']
    ],
    ['a repository name in other case', 'frontend-pr-bot', commentEvent('/test', { repo: 'MyOrg/Web-App' }), ['command test -> agent:jest-runner']],
    [
      '/review from alice on the API',
      'backend-pr-bot',
      commentEvent('/review', { repo: 'myorg/api-server', sender: 'alice' }),
      ['command review -> fleet:backend-review-fleet']
    ],
    [
      'a login in other case',
      'backend-pr-bot',
      commentEvent('/review', { repo: 'myorg/api-server', sender: 'Alice' }),
      ['command review -> fleet:backend-review-fleet']
    ],
    [
      '/deploy staging from bob',
      'backend-pr-bot',
      commentEvent('/deploy staging', { repo: 'myorg/auth-service', sender: 'bob' }),
      ['command deploy staging -> flow:deploy-backend-staging']
    ],
    [
      '/deploy production from charlie',
      'backend-pr-bot',
      commentEvent('/deploy production', { repo: 'myorg/data-pipeline', sender: 'charlie' }),
      ['command deploy production -> flow:deploy-backend-prod']
    ],
    [
      'a PR opened in a terraform repo',
      'infra-pr-bot',
      pullRequestEvent('opened', { repo: 'myorg/terraform-aws' }),
      ['event-action pull_request.opened -> fleet:infra-review-fleet']
    ],
    ['/plan in myorg/helm-charts', 'infra-pr-bot', commentEvent('/plan', { repo: 'myorg/helm-charts' }), ['command plan -> agent:terraform-planner']],
    ['/apply in myorg/k8s-manifests', 'infra-pr-bot', commentEvent('/apply', { repo: 'myorg/k8s-manifests' }), ['command apply -> flow:terraform-apply-flow']],
    ['a repo no team owns', null, commentEvent('/review', { repo: 'myorg/docs' }), []],
    ['a repo that only shares a prefix', null, pullRequestEvent('opened', { repo: 'myorg/terraformer' }), []]
  ])('routes %s to %s', (_label, trigger, event, expected) => {
    const decision = route(config, event, BOT)
    expect(decision.trigger).toBe(trigger)
    expect(runs(decision)).toEqual(expected)
    expect(decision.matched).toBe(expected.length > 0)
  })

  it('ignores /deploy production from a user outside allowed_users, and says why each Trigger declined', () => {
    const decision = route(config, commentEvent('/deploy production', { repo: 'myorg/api-server', sender: 'mallory' }), BOT)
    expect(decision).toMatchObject({ matched: false, trigger: null, invocations: [] })
    expect(reasons(decision)).toEqual({
      'frontend-pr-bot': 'repository myorg/api-server matches none of [myorg/web-app, myorg/mobile-app, myorg/ui-components]',
      'backend-pr-bot': 'sender mallory is not in allowed_users',
      'infra-pr-bot': 'repository myorg/api-server matches none of [myorg/terraform-*, myorg/k8s-manifests, myorg/helm-charts]'
    })
    expect(decision.skippedReason).toContain('sender mallory is not in allowed_users')
  })

  it('passes the params of /apply (require_approval, approvers) to the invocation', () => {
    const decision = route(config, commentEvent('/apply -target=module.vpc', { repo: 'myorg/terraform-core' }), BOT)
    expect(decision.invocations).toEqual([
      {
        via: 'command',
        key: 'apply',
        args: '-target=module.vpc',
        target: { kind: 'flow', name: 'terraform-apply-flow' },
        params: { require_approval: true, approvers: ['platform-lead', 'sre-oncall'] }
      }
    ])
  })

  it('declines a push in the frontend Trigger because github_events does not include it', () => {
    const decision = route(config, pushEvent('refs/heads/main', { repo: 'myorg/web-app' }), BOT)
    expect(reasons(decision)['frontend-pr-bot']).toBe('github_events [pull_request, issue_comment] does not include push')
  })

  it('records file and line of every Trigger in its verdict', () => {
    const decision = route(config, commentEvent('/review', { repo: 'myorg/web-app' }), BOT)
    expect(decision.verdicts.map((v) => [v.trigger, v.file, v.line, v.matched])).toEqual([
      ['frontend-pr-bot', '.github/aof/triggers/frontend-pr-bot.yaml', 1, true],
      ['backend-pr-bot', '.github/aof/triggers/backend-pr-bot.yaml', 1, false],
      ['infra-pr-bot', '.github/aof/triggers/infra-pr-bot.yaml', 1, false]
    ])
  })
})

describe('route: first match wins, no fall-through', () => {
  const config = aConfig([
    aTrigger('pr-bot', { events: ['issue_comment'], commands: { '/review': 'agent:reviewer' } }),
    aTrigger('fallback', { commands: { '/foo': 'agent:foo' }, defaultAgent: 'helper' })
  ])

  it('lets the first Trigger whose filters hold handle the event and marks the rest not considered', () => {
    const decision = route(config, commentEvent('/review'), BOT)
    expect(runs(decision)).toEqual(['command review -> agent:reviewer'])
    expect(reasons(decision).fallback).toBe('not considered: trigger pr-bot handled the event first')
  })

  it('does not fall through to a later Trigger that knows the command', () => {
    const decision = route(config, commentEvent('/foo'), BOT)
    expect(decision).toMatchObject({ matched: false, trigger: 'pr-bot', invocations: [] })
    expect(decision.skippedReason).toBe('trigger pr-bot: comment holds no command it knows (/foo ignored)')
    expect(decision.verdicts[0]).toMatchObject({ matched: true, reason: 'handles the event: comment holds no command it knows (/foo ignored)' })
    expect(reasons(decision).fallback).toBe('not considered: trigger pr-bot handled the event first')
  })

  it('lets a later Trigger take an event the first one filters out', () => {
    const decision = route(config, pullRequestEvent('opened'), BOT)
    expect(decision.trigger).toBe('fallback')
    expect(reasons(decision)['pr-bot']).toBe('github_events [issue_comment] does not include pull_request')
  })

  it('gives the same decision for the same input', () => {
    const event = commentEvent('/review\n/foo')
    expect(route(config, event, BOT)).toEqual(route(config, event, BOT))
  })
})

describe('route: commands inside the chosen Trigger', () => {
  const config = aConfig([
    aTrigger('ops', {
      commands: {
        '/review': { target: 'agent:reviewer', description: 'Review the pull request' },
        '/deploy': { target: 'flow:deploy', description: 'Deploy | any env' },
        '/deploy production': { target: 'flow:deploy-prod', params: { require_approval: true } },
        'issue_comment.created': 'agent:commenter'
      },
      defaultAgent: 'helper'
    })
  ])

  it.each<[string, string, string[]]>([
    ['the longest key by whole words', '/deploy production now', ['command deploy production [now] -> flow:deploy-prod']],
    ['the shorter key with the rest as args', '/deploy staging', ['command deploy [staging] -> flow:deploy']],
    ['no key for /deployx, so the comment falls to issue_comment.created', '/deployx', ['event-action issue_comment.created -> agent:commenter']],
    ['several commands in order', '/review\nthen\n/deploy production', ['command review -> agent:reviewer', 'command deploy production -> flow:deploy-prod']],
    ['nothing from a code fence', '```\n/deploy production\n```\n/review', ['command review -> agent:reviewer']],
    ['nothing from a quote', '> /deploy production\n\n/review', ['command review -> agent:reviewer']],
    ['@aofbot review as /review', '@aofbot review', ['command review -> agent:reviewer']],
    ['a command before the issue_comment.created key', '/review', ['command review -> agent:reviewer']]
  ])('runs %s', (_label, body, expected) => {
    expect(runs(route(config, commentEvent(body), BOT))).toEqual(expected)
  })

  it('caps commands per comment and notes it', () => {
    const decision = route(config, commentEvent('/review a\n/review b\n/review c'), { ...BOT, maxCommands: 2 })
    expect(runs(decision)).toEqual(['command review [a] -> agent:reviewer', 'command review [b] -> agent:reviewer'])
    expect(decision.notes).toContain('more than 2 commands: only the first 2 are considered')
  })

  it('caps at five commands by default', () => {
    const decision = route(config, commentEvent(Array.from({ length: 7 }, (_, i) => `/review ${i}`).join('\n')), BOT)
    expect(decision.invocations).toHaveLength(5)
  })

  it('runs a repeated identical command once and notes the duplicate', () => {
    const decision = route(config, commentEvent('/review\n/review'), BOT)
    expect(runs(decision)).toEqual(['command review -> agent:reviewer'])
    expect(decision.notes).toEqual(['duplicate command ignored: /review'])
  })

  it('notes unknown slash-commands next to the ones it runs', () => {
    const decision = route(config, commentEvent('/lgtm\n/review'), BOT)
    expect(runs(decision)).toEqual(['command review -> agent:reviewer'])
    expect(decision.notes).toEqual(["unknown commands ignored (they may be another bot's): /lgtm"])
  })

  it("answers /help with the Trigger's commands as markdown", () => {
    const decision = route(config, commentEvent('/help'), BOT)
    expect(decision.matched).toBe(true)
    const [help] = decision.invocations
    expect(help).toMatchObject({ via: 'help', key: 'help', target: null, params: {} })
    expect(help?.helpText).toContain('| `/review` | agent `reviewer` | Review the pull request |')
    expect(help?.helpText).toContain('| `/deploy` | flow `deploy` | Deploy \\| any env |')
    expect(help?.helpText).toContain('| `/deploy production` | flow `deploy-prod` |  |')
    expect(help?.helpText).not.toContain('issue_comment.created')
    expect(help?.helpText).toContain('asks agent `helper`')
  })

  it("runs a Trigger's own /help binding instead of the built-in answer", () => {
    const own = aConfig([aTrigger('t', { commands: { '/help': 'agent:helpdesk' } })])
    expect(runs(route(own, commentEvent('/help'), BOT))).toEqual(['command help -> agent:helpdesk'])
  })

  it('passes command params to the invocation', () => {
    const decision = route(config, commentEvent('/deploy production'), BOT)
    expect(decision.invocations[0]?.params).toEqual({ require_approval: true })
  })

  it('reads commands from a PR body on opened before the pull_request.opened key', () => {
    const prConfig = aConfig([aTrigger('t', { commands: { '/review': 'agent:reviewer', 'pull_request.opened': 'agent:auto' } })])
    expect(runs(route(prConfig, pullRequestEvent('opened', { body: 'Fixes #1\n/review' }), BOT))).toEqual(['command review -> agent:reviewer'])
    expect(runs(route(prConfig, pullRequestEvent('opened', { body: 'Fixes #1' }), BOT))).toEqual(['event-action pull_request.opened -> agent:auto'])
  })

  it('reads commands from an issue body on opened', () => {
    const issueConfig = aConfig([aTrigger('t', { commands: { '/triage': 'agent:triager' } })])
    expect(runs(route(issueConfig, issuesEvent('opened', { body: '/triage high' }), BOT))).toEqual(['command triage [high] -> agent:triager'])
  })

  it('reads commands from a submitted review body', () => {
    const payload = loadFixture('pull_request_review.submitted.json')
    payload.review.body = 'Looks fine.\n/deploy production'
    const decision = route(config, buildEventContext('pull_request_review', payload), BOT)
    expect(runs(decision)).toEqual(['command deploy production -> flow:deploy-prod'])
  })

  it('reads commands from an inline review comment', () => {
    const payload = loadFixture('pull_request_review_comment.created.json')
    payload.comment.body = '/review this hunk'
    expect(runs(route(config, buildEventContext('pull_request_review_comment', payload), BOT))).toEqual(['command review [this hunk] -> agent:reviewer'])
  })
})

describe('route: mentions and default_agent', () => {
  const config = aConfig([aTrigger('t', { commands: { '/review': 'agent:reviewer' }, defaultAgent: 'helper' })])

  it('sends a comment that mentions @aofbot without a command to default_agent', () => {
    expect(runs(route(config, commentEvent('@aofbot why does CI fail?'), BOT))).toEqual(['mention - [why does CI fail?] -> agent:helper'])
  })

  it('counts an inline mention as a mention', () => {
    expect(runs(route(config, commentEvent('Could @AOFBOT take a look?'), BOT))).toEqual(['mention - -> agent:helper'])
  })

  it('does not send a comment without command or mention to default_agent', () => {
    const decision = route(config, commentEvent('Nice work!'), BOT)
    expect(decision).toMatchObject({ matched: false, trigger: 't', invocations: [] })
    expect(decision.skippedReason).toBe('trigger t: comment holds no command and does not mention @aofbot')
  })

  it('uses the bot name it is given', () => {
    expect(runs(route(config, commentEvent('@ops-bot what broke?'), { botName: 'ops-bot' }))).toEqual(['mention - [what broke?] -> agent:helper'])
    expect(route(config, commentEvent('@aofbot what broke?'), { botName: 'ops-bot' }).matched).toBe(false)
  })

  it('says so when a mention has no default_agent to go to', () => {
    const bare = aConfig([aTrigger('t', { commands: { '/review': 'agent:reviewer' } })])
    expect(route(bare, commentEvent('@aofbot hi'), BOT).skippedReason).toBe('trigger t: comment mentions @aofbot but the trigger has no default_agent')
  })

  it('sends a non-comment event with no binding to default_agent', () => {
    expect(runs(route(config, pullRequestEvent('synchronize'), BOT))).toEqual(['default-agent - -> agent:helper'])
  })

  it('skips a non-comment event with neither binding nor default_agent, naming both keys', () => {
    const bare = aConfig([aTrigger('t', { commands: { '/review': 'agent:reviewer' } })])
    expect(route(bare, pullRequestEvent('closed'), BOT).skippedReason).toBe(
      'trigger t: no binding for pull_request.closed or pull_request and no default_agent'
    )
    expect(route(bare, pushEvent('refs/heads/main'), BOT).skippedReason).toBe('trigger t: no binding for push and no default_agent')
  })
})

describe('route: event.action and event keys', () => {
  const config = aConfig([
    aTrigger('t', {
      commands: { 'pull_request.opened': 'fleet:review', pull_request: 'agent:pr-watcher', push: 'flow:build', '/review': 'agent:reviewer' },
      defaultAgent: 'helper'
    })
  ])

  it.each<[string, EventContext, string[]]>([
    ['pull_request opened -> the event.action key', pullRequestEvent('opened'), ['event-action pull_request.opened -> fleet:review']],
    ['pull_request synchronize -> the event key', pullRequestEvent('synchronize'), ['event pull_request -> agent:pr-watcher']],
    ['push -> the event key', pushEvent('refs/heads/main'), ['event push -> flow:build']],
    [
      'pull_request_target opened -> the pull_request.opened key',
      pullRequestEvent('opened', { eventName: 'pull_request_target' }),
      ['event-action pull_request.opened -> fleet:review']
    ],
    ['issues opened -> default_agent', issuesEvent('opened'), ['default-agent - -> agent:helper']]
  ])('routes %s', (_label, event, expected) => {
    expect(runs(route(config, event, BOT))).toEqual(expected)
  })

  it('does not treat a bare event key as a slash-command', () => {
    expect(route(config, commentEvent('/push'), BOT).notes).toEqual(["unknown commands ignored (they may be another bot's): /push"])
  })
})

describe('route: edited and deleted comments', () => {
  const config = aConfig([aTrigger('t', { commands: { '/deploy': 'flow:deploy', issue_comment: 'agent:any-comment' }, defaultAgent: 'helper' })])

  it('does not re-run commands of an edited comment and says so', () => {
    const decision = route(config, commentEvent('/deploy', { action: 'edited' }), BOT)
    expect(decision).toMatchObject({ matched: false, trigger: 't', invocations: [] })
    expect(decision.notes).toContain('edited comment: commands are not re-run')
    expect(decision.skippedReason).toBe('trigger t: issue_comment.edited is not bound (edited and deleted comments do not re-run commands)')
  })

  it('does not send an edited mention to default_agent', () => {
    expect(route(config, commentEvent('@aofbot hi', { action: 'edited' }), BOT).matched).toBe(false)
  })

  it('runs only an exact issue_comment.edited binding for an edited comment', () => {
    const bound = aConfig([aTrigger('t', { commands: { '/deploy': 'flow:deploy', 'issue_comment.edited': 'agent:re-check' } })])
    const decision = route(bound, commentEvent('/deploy', { action: 'edited' }), BOT)
    expect(runs(decision)).toEqual(['event-action issue_comment.edited -> agent:re-check'])
    expect(decision.notes).toEqual([])
  })

  it('runs nothing for a deleted comment', () => {
    const decision = route(config, commentEvent('/deploy', { action: 'deleted' }), BOT)
    expect(decision.matched).toBe(false)
    expect(decision.skippedReason).toBe('trigger t: issue_comment.deleted is not bound (edited and deleted comments do not re-run commands)')
  })
})

describe('route: filters', () => {
  it.each<[string, string[], EventContext, string | null]>([
    ['a push to main', ['main', 'release/*'], pushEvent('refs/heads/main'), null],
    ['a push to release/2.0', ['main', 'release/*'], pushEvent('refs/heads/release/2.0'), null],
    ['a push to feature/x', ['main', 'release/*'], pushEvent('refs/heads/feature/x'), 'branch feature/x matches none of [main, release/*]'],
    [
      'a push to release/2.0/hotfix (glob does not cross /)',
      ['release/*'],
      pushEvent('refs/heads/release/2.0/hotfix'),
      'branch release/2.0/hotfix matches none of [release/*]'
    ],
    ['a branch that differs only in case', ['main'], pushEvent('refs/heads/Main'), 'branch Main matches none of [main]'],
    ['a tag push (no branch)', ['main'], pushEvent('refs/tags/v1'), null],
    ['a PR into release/1.2', ['release/*'], pullRequestEvent('opened', { base: 'release/1.2' }), null],
    ['a PR into main', ['release/*'], pullRequestEvent('opened', { base: 'main' }), 'branch main matches none of [release/*]'],
    ['a comment on a plain issue (no branch)', ['release/*'], commentEvent('/go'), null]
  ])('with branches %#: %s', (_label, branches, event, reason) => {
    const config = aConfig([aTrigger('t', { branches, commands: { '/go': 'agent:go' }, defaultAgent: 'helper' })])
    const decision = route(config, event, BOT)
    expect(decision.trigger).toBe(reason === null ? 't' : null)
    if (reason !== null) expect(reasons(decision).t).toBe(reason)
  })

  it.each<[string, string[], string, boolean]>([
    ['exact', ['acme/api'], 'acme/api', true],
    ['org wildcard', ['acme/*'], 'acme/anything', true],
    ['org wildcard including dot-repos', ['acme/*'], 'acme/.github', true],
    ['prefix wildcard', ['acme/web-*'], 'acme/web-app', true],
    ['prefix wildcard, other repo', ['acme/web-*'], 'acme/api', false],
    ['other org', ['acme/*'], 'evil/api', false],
    ['case-insensitive', ['Acme/API'], 'acme/api', true],
    ['* alone', ['*'], 'anyone/anything', true],
    ['a pattern never crosses /', ['acme*'], 'acme/api', false],
    ['an empty pattern matches nothing', [''], 'acme/api', false]
  ])('matches repositories (%s): %j against %s -> %s', (_label, repositories, repo, holds) => {
    const config = aConfig([aTrigger('t', { repositories, defaultAgent: 'helper' })])
    const decision = route(config, pullRequestEvent('opened', { repo }), BOT)
    expect(decision.trigger !== null).toBe(holds)
    if (!holds) expect(reasons(decision).t).toBe(`repository ${repo} matches none of [${repositories.join(', ')}]`)
  })

  it.each<[string[], string | null, EventContext]>([
    [['opened', 'synchronize'], null, pullRequestEvent('synchronize')],
    [['opened'], 'actions [opened] does not include closed', pullRequestEvent('closed')],
    [['opened'], 'push has no action; actions [opened] is set', pushEvent('refs/heads/main')],
    [[], null, pushEvent('refs/heads/main')]
  ])('with actions %j, declines with %j', (actions, reason, event) => {
    const decision = route(aConfig([aTrigger('t', { actions, defaultAgent: 'helper' })]), event, BOT)
    expect(decision.verdicts[0]?.matched).toBe(reason === null)
    if (reason !== null) expect(decision.verdicts[0]?.reason).toBe(reason)
  })

  it('skips a disabled Trigger with a verdict and lets the next one match', () => {
    const config = aConfig([aTrigger('off', { enabled: false, defaultAgent: 'a' }), aTrigger('on', { defaultAgent: 'b' })])
    const decision = route(config, pullRequestEvent('opened'), BOT)
    expect(decision.trigger).toBe('on')
    expect(reasons(decision).off).toBe('disabled (enabled: false)')
  })

  it('skips a non-GitHub Trigger with a verdict', () => {
    const config = aConfig([aTrigger('slack', { type: 'Slack', defaultAgent: 'a' })])
    const decision = route(config, pullRequestEvent('opened'), BOT)
    expect(decision).toMatchObject({ matched: false, trigger: null })
    expect(reasons(decision).slack).toBe('type Slack is not GitHub; ignored in a GitHub Action')
    expect(decision.skippedReason).toBe('no trigger handles pull_request.opened (slack: type Slack is not GitHub; ignored in a GitHub Action)')
  })

  it('says when no Trigger is configured', () => {
    expect(route(aConfig([]), pushEvent('refs/heads/main'), BOT).skippedReason).toBe('no triggers are configured')
  })

  it('routes an org-level payload without repository by GITHUB_REPOSITORY, or declines a repository filter without it', () => {
    const config = aConfig([aTrigger('org', { repositories: ['Octocoders/*'], events: ['organization'], defaultAgent: 'welcomer' })])
    const payload = loadFixture('organization.member_added.json')
    const withEnv = route(config, buildEventContext('organization', payload, { GITHUB_REPOSITORY: 'Octocoders/.github' }), BOT)
    expect(runs(withEnv)).toEqual(['default-agent - -> agent:welcomer'])
    const withoutEnv = route(config, buildEventContext('organization', payload), BOT)
    expect(reasons(withoutEnv).org).toBe('event has no repository; repositories [Octocoders/*] is set')
  })
})

describe('route: allowed_users with teams', () => {
  const config: Config = aConfig([
    aTrigger('sre', { allowedUsers: ['alice', 'team:myorg/sre'], commands: { '/restart': 'agent:restarter' } }),
    aTrigger('everyone', { commands: { '/restart': 'agent:polite-refusal' } })
  ])

  it('passes a listed login without a team check', () => {
    const decision = route(config, commentEvent('/restart', { sender: 'alice' }), BOT)
    expect(runs(decision)).toEqual(['command restart -> agent:restarter'])
    expect(decision.teamCheck).toBeUndefined()
  })

  it('lets an unlisted sender through pending a team check the gate must make', () => {
    const decision = route(config, commentEvent('/restart', { sender: 'dave' }), BOT)
    expect(decision.trigger).toBe('sre')
    expect(decision.teamCheck).toEqual({ login: 'dave', teams: ['myorg/sre'] })
    expect(reasons(decision).sre).toBe('handles the event (pending membership of team:myorg/sre): runs /restart -> agent:restarter')
  })

  it('declines once the gate says the sender is not in the team, so the next Trigger may take it', () => {
    const decision = route(config, commentEvent('/restart', { sender: 'dave' }), { ...BOT, teamMemberships: { 'myorg/sre': false } })
    expect(reasons(decision).sre).toBe('sender dave is not in allowed_users')
    expect(runs(decision)).toEqual(['command restart -> agent:polite-refusal'])
    expect(decision.teamCheck).toBeUndefined()
  })

  it('passes a team member once the gate has confirmed membership', () => {
    const decision = route(config, commentEvent('/restart', { sender: 'dave' }), { ...BOT, teamMemberships: { 'myorg/sre': true } })
    expect(decision.trigger).toBe('sre')
    expect(decision.teamCheck).toBeUndefined()
  })
})

describe('route: bot senders', () => {
  const config: Config = aConfig([
    aTrigger('deps', { allowedUsers: ['dependabot[bot]'], commands: { 'pull_request.opened': 'agent:dependency-reviewer' } }),
    aTrigger('everyone', { commands: { '/review': 'agent:reviewer', 'pull_request.opened': 'agent:reviewer' } })
  ])

  function asSender(event: EventContext, login: string, type: string): EventContext {
    return { ...event, sender: { login, id: 49699333, type } }
  }

  it('ignores a comment from an account of type Bot that no Trigger names', () => {
    const decision = route(config, asSender(commentEvent('/review'), 'some-app[bot]', 'Bot'), BOT)
    expect(decision.matched).toBe(false)
    expect(reasons(decision).everyone).toBe('sender some-app[bot] is a bot (account type Bot) not named in allowed_users')
  })

  it('ignores the action’s own account, github-actions[bot], so its comments never loop', () => {
    const decision = route(config, asSender(commentEvent('/review'), 'github-actions[bot]', 'Bot'), BOT)
    expect(decision.matched).toBe(false)
  })

  it('lets a bot act where allowed_users names it', () => {
    const decision = route(config, asSender(pullRequestEvent('opened'), 'dependabot[bot]', 'Bot'), BOT)
    expect(decision.trigger).toBe('deps')
    expect(runs(decision)).toEqual(['event-action pull_request.opened -> agent:dependency-reviewer'])
  })

  it('treats a User whose login ends in [bot] as a user: the suffix proves nothing', () => {
    const decision = route(config, asSender(commentEvent('/review'), 'mallory[bot]', 'User'), BOT)
    expect(decision.trigger).toBe('everyone')
    expect(runs(decision)).toEqual(['command review -> agent:reviewer'])
  })
})

describe('route: slash-commands named like GitHub events', () => {
  const config: Config = aConfig([aTrigger('bot', { commands: { '/status': 'agent:reporter', '/release': 'agent:releaser', push: 'agent:on-push' } })])

  it('runs /status written with its slash as a command, not as the status event key', () => {
    expect(runs(route(config, commentEvent('/status'), BOT))).toEqual(['command status -> agent:reporter'])
  })

  it('keeps a key written without a slash as the event key', () => {
    expect(runs(route(config, pushEvent('refs/heads/main'), BOT))).toEqual(['event push -> agent:on-push'])
  })
})
