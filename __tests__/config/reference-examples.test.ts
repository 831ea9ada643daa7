import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { errors, load } from './memory-source.js'

const FIXTURES = path.resolve(import.meta.dirname, '../../__fixtures__/config')

const read = (relative: string) => readFileSync(path.join(FIXTURES, relative), 'utf8')
const yamlIn = (dir: string) =>
  readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`)

/** Every agent, fleet and flow the examples name (valid/'s plus the ConfigMap trigger's fleet). */
const LIBRARY = [...yamlIn('valid/agents'), ...yamlIn('valid/fleets'), ...yamlIn('valid/flows'), 'reference/library.yaml']

/** The reference page's examples, indentation restored: each loads on its own next to the library. */
const EXAMPLES: [string, (config: Awaited<ReturnType<typeof load>>) => void][] = [
  ['valid/daemon.yaml', (c) => expect(c.botName).toBe('aofbot')],
  ['valid/triggers/github-pr.yaml', (c) => expect(c.triggers[0]?.branches).toEqual(['main', 'develop', 'release/*'])],
  ['valid/triggers/github-frontend.yaml', (c) => expect(c.triggers[0]?.commands).toHaveLength(4)],
  ['valid/triggers/github-backend.yaml', (c) => expect(c.triggers[0]?.allowedUsers).toEqual(['alice', 'bob', 'charlie'])],
  ['valid/triggers/github-infra.yaml', (c) => expect(c.triggers[0]?.repositories).toContain('myorg/terraform-*')],
  ['valid/triggers/pr-review.yaml', (c) => expect(c.triggers[0]?.defaultAgent).toBe('code-reviewer')],
  ['valid/triggers/issue-triage.yaml', (c) => expect(c.triggers[0]?.events).toEqual(['issues'])],
  ['valid/triggers/production-deploy.yaml', (c) => expect(c.triggers[0]?.commands[0]?.target).toEqual({ kind: 'flow', name: 'deploy-flow' })],
  [
    'valid/agents/code-reviewer.yaml',
    (c) => expect(c.agents['code-reviewer']?.tools.map((t) => t.name)).toEqual(['github_post_comment', 'github_post_review'])
  ],
  ['valid/agents/issue-triager.yaml', (c) => expect(c.agents['issue-triager']?.model).toBe('google:gemini-2.5-flash')],
  ['reference/org-repos.yaml', (c) => expect(c.triggers.map((t) => t.repositories)).toEqual([['org1/*'], ['org2/*']])],
  ['reference/configmap-trigger.yaml', (c) => expect(c.triggers[0]?.repositories).toEqual(['myorg/web-*'])],
  ['reference/configmap.yaml', (c) => expect(c.triggers).toEqual([])],
  ['reference/kubernetes.yaml', (c) => expect(c.triggers).toEqual([])]
]

describe('reference examples', () => {
  it.each(EXAMPLES)('%s loads with zero errors', async (example, check) => {
    const files: Record<string, string> = {}
    for (const entry of LIBRARY) {
      if (entry !== example) files[`aof/${entry.replace(/^(valid|reference)\//, '')}`] = read(entry)
    }
    files[`aof/${path.basename(example)}`] = read(example)
    const config = await load(files, {})
    expect(errors(config)).toEqual([])
    check(config)
  })
})
