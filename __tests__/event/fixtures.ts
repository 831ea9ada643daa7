import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export type Payload = Record<string, any>

/** A saved payload from __fixtures__/events, parsed afresh so tests may change it. */
export function loadFixture(name: string): Payload {
  return JSON.parse(readFileSync(new URL(`../../__fixtures__/events/${name}`, import.meta.url), 'utf8')) as Payload
}

export interface WebhookDefinition {
  name: string
  actions: string[]
  examples: Payload[]
}

/** Every api.github.com example payload of @octokit/webhooks-examples. */
export function webhookExamples(): WebhookDefinition[] {
  return createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[]
}
