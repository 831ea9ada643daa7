import { buildEventContext } from '../../src/event/build-event-context.js'
import { route } from '../../src/route/route.js'
import { metadataNamesFor } from '../../src/template/template-variables.js'
import { aConfig, aTrigger } from '../route/builders.js'
import { webhookExamples } from './fixtures.js'

const catchAll = aConfig([
  aTrigger('catch-all', { commands: { '/review': 'agent:reviewer', 'pull_request.opened': 'agent:reviewer' }, defaultAgent: 'helper' })
])

const cases = webhookExamples().flatMap((definition) =>
  definition.examples.map((payload, index) => ({
    label: `${definition.name} #${index} (${String(payload.action ?? 'no action')})`,
    name: definition.name,
    payload
  }))
)

function isMetadataValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

describe('every @octokit/webhooks-examples payload', () => {
  it('covers hundreds of real payloads', () => {
    expect(cases.length).toBeGreaterThan(300)
  })

  it.each(cases)('$label builds a context of valid metadata and routes without throwing', ({ name, payload }) => {
    const event = buildEventContext(name, payload, { GITHUB_REPOSITORY: 'fallback/repo' })
    const allowed = metadataNamesFor([name])
    for (const [key, value] of Object.entries(event.metadata)) {
      expect({ key, known: allowed.has(key), valid: isMetadataValue(value) }).toEqual({ key, known: true, valid: true })
    }
    const decision = route(catchAll, event, { botName: 'aofbot' })
    expect(decision.verdicts).toHaveLength(1)
    if (event.sender?.type === 'Bot') {
      // Bots act only where allowed_users names them.
      expect(decision.trigger).toBeNull()
      expect(decision.verdicts[0]?.reason).toBe(`sender ${event.sender.login} is a bot (account type Bot) not named in allowed_users`)
    } else {
      expect(decision.trigger).toBe('catch-all')
    }
  })

  const pullRequests = cases.filter((c) => c.payload.pull_request)
  it.each(pullRequests)('$label keeps metadata.pr_head_sha equal to pull_request.head.sha', ({ name, payload }) => {
    const event = buildEventContext(name, payload)
    expect(event.metadata.pr_head_sha).toBe(payload.pull_request.head.sha)
    expect(event.headSha).toBe(payload.pull_request.head.sha)
    expect(event.branch).toBe(payload.pull_request.base.ref)
  })
})
