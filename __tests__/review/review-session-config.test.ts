// The agent's `review:` settings are checked when the config loads, so a mistake is reported at
// its file, line and field before any review runs.
import { errors, load, warnings, where } from '../config/memory-source.js'

function agent(reviewLines: string): Record<string, string> {
  return { 'aof/a.yaml': `kind: Agent\nmetadata: {name: a}\nspec:\n  tools: [github_post_review]\n  review:\n${reviewLines}\n` }
}

describe('review settings in the agent YAML', () => {
  it('keeps valid settings in the agent for the review session', async () => {
    const config = await load(agent('    mode: full\n    max_reviews_per_day: 3'))
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.extra.review).toEqual({ mode: 'full', max_reviews_per_day: 3 })
  })

  it.each<[string, string, string, string]>([
    ['an unknown mode', '    mode: fast', 'error aof/a.yaml:6 spec.review.mode', 'spec.review.mode must be incremental or full (found the text "fast")'],
    [
      'a cap of zero',
      '    mode: incremental\n    max_reviews_per_day: 0',
      'error aof/a.yaml:7 spec.review.max_reviews_per_day',
      'spec.review.max_reviews_per_day must be a whole number of at least 1, e.g. 10 (found the number 0)'
    ]
  ])('reports %s at its file, line and field', async (_what, lines, location, message) => {
    const config = await load(agent(lines))
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([[location, message]])
  })

  it('reports review written as a word at its line', async () => {
    const config = await load({ 'aof/a.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  review: incremental\n' })
    expect(errors(config).map(where)).toEqual(['error aof/a.yaml:4 spec.review'])
  })

  it('warns about an unknown review setting and ignores it', async () => {
    const config = await load(agent('    mode: full\n    max_per_day: 3'))
    expect(errors(config)).toEqual([])
    expect(
      warnings(config)
        .filter((d) => d.field?.startsWith('spec.review'))
        .map(where)
    ).toEqual(['warning aof/a.yaml:7 spec.review.max_per_day'])
    expect(config.agents.a?.extra.review).toEqual({ mode: 'full' })
  })
})
