// The README's quick start, copied as a newcomer would, runs through the bundle.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { startAnthropicServer, type AnthropicServer } from '../support/anthropic-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { repoRoot, runAction } from '../support/run-action.js'
import { fixtureEvent } from '../support/scenario.js'

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

/** The fenced block right after `<!-- quickstart:NAME -->`. */
function block(name: string): string {
  const match = new RegExp(`<!-- quickstart:${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(readme)
  if (!match?.[1]) throw new Error(`README has no quickstart:${name} block`)
  return match[1]
}

describe('the README quick start', () => {
  let github: GitHubServer
  let anthropic: AnthropicServer
  const REPO = 'Codertocat/Hello-World'
  const HEAD = 'f'.repeat(40)

  beforeAll(async () => {
    github = await startGitHubServer()
    anthropic = await startAnthropicServer()
    github.world.addRepo(REPO, { default_branch: 'master' })
    github.world.setFile(REPO, 'master', '.github/aof/review.yaml', block('config'))
    github.world.addPull(REPO, {
      number: 2,
      head: { ref: 'x', sha: HEAD },
      base: { ref: 'master' },
      files: [{ filename: 'a.ts', patch: '@@ -1 +1,2 @@\n a\n+b' }]
    })
  })
  afterAll(async () => {
    await Promise.all([github.close(), anthropic.close()])
  })

  it('has a workflow that uses this action with inputs action.yml declares and the permissions it needs', () => {
    const workflow = parse(block('workflow')) as {
      permissions: Record<string, string>
      jobs: { agent: { steps: { uses: string; with: Record<string, string> }[] } }
    }
    const inputs = Object.keys((parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs)
    const step = workflow.jobs.agent.steps[0]
    expect(step?.uses).toBe('aof/github-agent@v1')
    expect(Object.keys(step?.with ?? {}).every((k) => inputs.includes(k))).toBe(true)
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write', checks: 'write' })
  })

  it('reviews a newly opened PR with the README config, read from the default branch', async () => {
    anthropic.script([
      {
        content: [
          { type: 'tool_use', name: 'github_post_review', input: { event: 'COMMENT', body: 'One note.', comments: [{ path: 'a.ts', line: 2, body: 'b?' }] } }
        ]
      },
      { content: [{ type: 'text', text: 'Done.' }] }
    ])
    const payload = fixtureEvent('pull_request.opened.json')
    payload.pull_request.head.sha = HEAD
    const result = await runAction({
      eventName: 'pull_request',
      payload,
      apiUrl: github.url,
      inputs: { 'anthropic-api-key': anthropic.apiKey },
      env: { ANTHROPIC_BASE_URL: anthropic.url }
    })

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', trigger: 'pr-review', target: 'agent:code-reviewer', conclusion: 'success' })
    expect(github.countOf('pulls/create-review')).toBe(1)
    expect(github.world.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(result.annotations.filter((a) => a.level !== 'notice')).toEqual([])
  })
})
