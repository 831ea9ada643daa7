// Test helper: the per-team example (the reference's backend and infra Triggers) loaded as main.ts
// loads it, and its saved comment events routed, with the PR details main.ts would read.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../../src/config/load-config.js'
import type { Config } from '../../src/config/types.js'
import { createWorkspaceSource } from '../../src/config/workspace-source.js'
import { buildEventContext } from '../../src/event/build-event-context.js'
import type { EventContext } from '../../src/event/types.js'
import { withPullRequest } from '../../src/event/with-pull-request.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { pullInfo } from '../support/pull-info.js'
import { route } from '../../src/route/route.js'
import type { Invocation } from '../../src/route/types.js'

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/per-team')

export const HEAD_SHA = 'a'.repeat(40)

let config: Promise<Config> | null = null

export function perTeamConfig(): Promise<Config> {
  config ??= loadConfig(createWorkspaceSource(EXAMPLE), '.github/aof', {}, checkFlow)
  return config
}

/** `issue_comment.created.api-server-deploy-production.json` and its siblings, on a PR based on main. */
export function perTeamEvent(file: string): EventContext {
  const payload = JSON.parse(readFileSync(path.join(EXAMPLE, 'events', file), 'utf8')) as {
    issue: { number: number; title: string; state: string; html_url: string; user: { login: string } }
  }
  const event = buildEventContext('issue_comment', payload)
  const { issue } = payload
  return withPullRequest(
    event,
    pullInfo({
      number: issue.number,
      title: issue.title,
      baseRef: 'main',
      headSha: HEAD_SHA,
      htmlUrl: issue.html_url,
      author: issue.user.login,
      repository: event.repository
    })
  )
}

export async function routePerTeam(file: string): Promise<{ config: Config; event: EventContext; trigger: string | null; invocation: Invocation }> {
  const loaded = await perTeamConfig()
  const event = perTeamEvent(file)
  const decision = route(loaded, event, { botName: 'aofbot' })
  const invocation = decision.invocations[0]
  if (!invocation) throw new Error(`${file} routed to nothing: ${decision.skippedReason ?? ''}`)
  return { config: loaded, event, trigger: decision.trigger, invocation }
}
