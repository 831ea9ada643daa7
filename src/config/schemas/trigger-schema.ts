import { z } from 'zod'
import { envelope, flag, metadata, name, text, textList } from './common.js'

/** The repository roles a command may require, weakest first (as GitHub names them). */
export const COMMAND_PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const

/**
 * `params` is free-form (it reaches templates as {{ params.NAME }}), except `permission`, which the
 * gate reads: a typo there must not quietly mean the default.
 */
const params = z
  .object(
    {
      permission: z.enum(COMMAND_PERMISSIONS, { error: 'one of read, triage, write, maintain or admin (a repository role, in lower case)' }).optional()
    },
    { error: 'a mapping of parameters, e.g. {require_approval: true, approvers: [alice]}' }
  )
  .catchall(z.unknown())

const binding = z.object(
  {
    agent: name('the name of an agent, e.g. code-reviewer').optional(),
    fleet: name('the name of a fleet, e.g. review-fleet').optional(),
    flow: name('the name of a flow, e.g. deploy-flow').optional(),
    description: text('a short text shown by /help, e.g. "Review the pull request"').optional(),
    params: params.optional()
  },
  { error: 'a mapping naming one of agent, fleet or flow, e.g. {agent: code-reviewer, description: "Review the PR"}' }
)

const commands = z.record(z.string(), binding, {
  error: 'a mapping from command to target, e.g. {/review: {agent: code-reviewer}, pull_request.opened: {fleet: review-fleet}}'
})

const defaultAgent = name('the name of an agent, e.g. github-assistant')

const branchList = textList('a list of branch names or globs, e.g. [main, "release/*"]', 'a branch name or glob, e.g. main')

const branches = z.union([branchList, z.object({ target: branchList })], {
  error: 'a list of branch names or globs, e.g. [main, "release/*"], or {target: [main]}'
})

const repositoryList = textList('a list of owner/repo patterns, e.g. ["myorg/api", "myorg/web-*"]', 'an owner/repo pattern, e.g. myorg/api')

const config = z.object(
  {
    github_events: textList('a list of event names, e.g. [pull_request, issue_comment]', 'an event name, e.g. pull_request').optional(),
    actions: textList('a list of payload actions, e.g. [opened, synchronize]', 'an action name, e.g. opened').optional(),
    repositories: repositoryList.optional(),
    allowed_repos: repositoryList.optional(),
    branches: branches.optional(),
    allowed_users: textList('a list of GitHub logins, e.g. [alice, "dependabot[bot]"]', 'a GitHub login, e.g. alice').optional(),
    webhook_secret: z.unknown().optional(),
    reply_on_refusal: flag().optional(),
    commands: commands.optional(),
    default_agent: defaultAgent.optional(),
    defaultAgent: defaultAgent.optional()
  },
  { error: 'a mapping of GitHub filters, e.g. {github_events: [pull_request], repositories: ["myorg/*"]}' }
)

export const triggerSchema = z.object({
  ...envelope,
  metadata,
  spec: z.object(
    {
      type: name('a trigger type, e.g. GitHub'),
      enabled: flag().optional(),
      config: config.optional(),
      commands: commands.optional(),
      default_agent: defaultAgent.optional(),
      defaultAgent: defaultAgent.optional()
    },
    { error: 'a mapping with type and config, e.g. {type: GitHub, config: {github_events: [pull_request]}}' }
  )
})

export type TriggerDocument = z.infer<typeof triggerSchema>
export type CommandBindingDocument = z.infer<typeof binding>
