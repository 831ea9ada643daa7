import { describe, expect, it } from '@jest/globals'
import { loadConfig } from '../../src/config/load-config.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { createMemorySource } from './memory-source.js'

const trigger = (i: number) => `apiVersion: aof.dev/v1
kind: Trigger
metadata:
  name: team-${i}
  labels:
    team: t${i % 10}
spec:
  type: GitHub
  config:
    webhook_secret: \${GITHUB_WEBHOOK_SECRET}
    github_events: [pull_request, issue_comment]
    repositories: ["myorg/repo-${i}", "myorg/web-*"]
    branches: [main, "release/*"]
  commands:
    /review:
      agent: reviewer
      description: Review
    pull_request.opened:
      agent: reviewer
  default_agent: reviewer
`

function buildFiles(): Record<string, string> {
  const files: Record<string, string> = { 'aof/agents/reviewer.yaml': 'kind: Agent\nmetadata: {name: reviewer}\nspec: {instructions: Review.}\n' }
  for (let i = 0; i < 1000; i++) files[`aof/triggers/t${String(i).padStart(4, '0')}.yaml`] = trigger(i)
  return files
}

// How long this takes is measured by `npm run bench` (bench/), not asserted here: timing asserts
// flake on a busy machine. What must hold on any machine is that each file is read once.
describe('loading many trigger files', () => {
  it('loads 1,000 trigger files in path order, reading each file exactly once', async () => {
    const files = buildFiles()
    const source = createMemorySource(files)
    const config = await loadConfig(source, 'aof', {}, checkFlow)
    expect(config.triggers).toHaveLength(1000)
    expect(config.triggers[0]?.name).toBe('team-0')
    expect(config.triggers[999]?.name).toBe('team-999')
    expect(config.diagnostics.filter((d) => d.severity !== 'notice')).toEqual([])
    expect(source.reads).toHaveLength(1001)
    expect(new Set(source.reads).size).toBe(1001)
  })
})
