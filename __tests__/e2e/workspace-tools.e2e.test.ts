// AOF's built-in tools through the bundle: the per-team example's /test runs the PR's jest tests in
// the job and reports them as a check run; AOF's own k8s-ops agent runs kubectl and a shell (stub
// programs on PATH); a fork's code and a reader's command run nothing; validate names each tool
// that cannot run here.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGeminiServer, type GeminiServer } from '../support/gemini-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { nodeBinaries, repoRoot, runAction } from '../support/run-action.js'
import { exampleEvent, filesBelow, fixtureEvent, serveExampleConfig, type Payload } from '../support/scenario.js'

const JEST_REPO = join(repoRoot, '__fixtures__', 'jest-repo')
const OPS_REPO = 'Codertocat/Hello-World'
const HEAD = 'c'.repeat(40)

/** The text of every function response in a Gemini request, in order. */
function functionResponses(body: any): { name: string; text: string }[] {
  return (body.contents as any[]).flatMap((c) =>
    (c.parts as any[])
      .filter((p) => p.functionResponse)
      .map((p) => ({ name: p.functionResponse.name, text: String(p.functionResponse.response.output ?? p.functionResponse.response.error) }))
  )
}

/** What a model reading jest's output would annotate: each failing test's name, file and line. */
function failuresIn(output: string): { name: string; path: string; line: number; message: string }[] {
  const found: { name: string; path: string; line: number; message: string }[] = []
  const blocks = output.split(/\n\s*● /).slice(1)
  for (const block of blocks) {
    const name = (block.split('\n')[0] ?? '').trim()
    const at = /at \S+ \((src\/[^:()]+):(\d+):\d+\)/.exec(block)
    const message = block
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 3)
      .join('\n')
    if (at) found.push({ name, path: at[1] as string, line: Number(at[2]), message })
  }
  return found
}

/** Stub programs in a fresh directory: each logs its arguments and its environment, then prints `output`. */
function stubPrograms(outputs: Record<string, string>): { bin: string; log: string; envOf: (name: string) => string } {
  const bin = mkdtempSync(join(tmpdir(), 'stub-bin-'))
  const log = join(bin, 'calls.log')
  for (const [name, output] of Object.entries(outputs)) {
    const script = `#!/bin/sh\necho "${name} $*" >> '${log}'\nenv > '${join(bin, `${name}.env`)}'\nprintf '%s\\n' '${output}'\n`
    writeFileSync(join(bin, name), script)
    chmodSync(join(bin, name), 0o755)
  }
  return { bin, log, envOf: (name) => readFileSync(join(bin, `${name}.env`), 'utf8') }
}

const opsConfig = {
  '.github/aof/triggers/ops.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: ops}',
    'spec:',
    '  type: GitHub',
    '  config: {github_events: [issue_comment]}',
    '  commands:',
    '    /pods: {agent: k8s-ops}',
    '    /look: {agent: k8s-ops, params: {permission: read}}',
    ''
  ].join('\n'),
  '.github/aof/triggers/prt.yaml': [
    'apiVersion: aof.dev/v1',
    'kind: Trigger',
    'metadata: {name: prt}',
    'spec:',
    '  type: GitHub',
    '  config: {github_events: [pull_request_target]}',
    '  default_agent: k8s-ops',
    ''
  ].join('\n'),
  '.github/aof/agents/k8s-ops.yaml': readFileSync(join(repoRoot, '__fixtures__', 'aof-corpus', 'k8s-ops.yaml'), 'utf8')
}

describe.each(nodeBinaries())('agents’ built-in tools through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let gemini: GeminiServer

  beforeAll(async () => {
    github = await startGitHubServer()
    gemini = await startGeminiServer()
  })
  afterAll(async () => {
    await Promise.all([github.close(), gemini.close()])
  })
  beforeEach(() => github.reset())

  it('/test runs the PR’s jest tests and puts a check run annotation on the failing test’s line', async () => {
    const payload = exampleEvent('per-team', 'issue_comment.created.web-app-test.json')
    const repo = String(payload.repository.full_name)
    const branch = String(payload.repository.default_branch)
    github.world.addRepo(repo, { default_branch: branch })
    serveExampleConfig(github, repo, branch, 'per-team')
    github.world.addPull(repo, { number: Number(payload.issue.number), head: { ref: 'price-fix', sha: HEAD }, base: { ref: branch } })
    github.world.setPermission(repo, String(payload.sender.login), 'write')
    const before = gemini.requests.length
    let shellResult = ''
    gemini.script([
      { parts: [{ functionCall: { name: 'shell', args: { command: 'npx jest --ci' } } }] },
      (body) => {
        shellResult = functionResponses(body).find((r) => r.name === 'shell')?.text ?? ''
        const failures = failuresIn(shellResult)
        return {
          parts: [
            {
              functionCall: {
                name: 'github_create_check_run',
                args: {
                  name: 'jest',
                  status: 'completed',
                  conclusion: failures.length ? 'failure' : 'success',
                  title: `${failures.length} failing test(s)`,
                  summary: 'npx jest --ci',
                  annotations: failures.map((f) => ({
                    path: f.path,
                    start_line: f.line,
                    end_line: f.line,
                    annotation_level: 'failure',
                    title: f.name,
                    message: f.message
                  }))
                }
              }
            },
            {
              functionCall: {
                name: 'github_post_comment',
                args: { body: `Tests: 2 passed, ${failures.length} failed: ${failures.map((f) => f.name).join(', ')}` }
              }
            }
          ]
        }
      },
      { parts: [{ text: 'Ran the tests.' }] }
    ])

    const result = await runAction({
      node,
      eventName: 'issue_comment',
      payload,
      apiUrl: github.url,
      repository: repo,
      inputs: { 'google-api-key': gemini.apiKey },
      workspaceFiles: filesBelow(JEST_REPO),
      // Offline: the checkout's dependencies are this repository's own (jest among them).
      prepareWorkspace: (workspace) => symlinkSync(join(repoRoot, 'node_modules'), join(workspace, 'node_modules')),
      env: { GOOGLE_GEMINI_BASE_URL: gemini.url, GITHUB_AGENT_TIME_SCALE: '0.001' }
    })

    expect(result.outputs.target).toBe('agent:jest-runner')
    const first = gemini.requests[before]?.body
    const declared = (first.tools[0].functionDeclarations as any[]).map((d) => d.name)
    expect(declared).toEqual(['github_create_check_run', 'github_post_comment', 'shell'])
    const shellSpec = (first.tools[0].functionDeclarations as any[]).find((d) => d.name === 'shell')
    expect(shellSpec.description).toContain('Only these programs may be run: npx, npm')
    // The first tool result the model sees is jest's real failure.
    expect(shellResult).toMatch(/^\$ npx jest --ci\nexit code 1 after [\d.]+ s\n/)
    expect(shellResult).toContain('FAIL src/price.test.js')
    expect(shellResult).toContain('● rounds to the nearest cent')
    expect(shellResult).toContain('Expected: 0.13')
    expect(shellResult).toContain('PASS src/sum.test.js')
    expect(shellResult).not.toContain('\u001b[')

    const failingLine =
      readFileSync(join(JEST_REPO, 'src', 'price.test.js'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('toBe(0.13)')) + 1
    const check = github.world.checkRuns.find((c) => c.name === 'jest')
    expect(check?.head_sha).toBe(HEAD)
    expect(check?.conclusion).toBe('failure')
    expect(check?.output.annotations).toEqual([
      expect.objectContaining({
        path: 'src/price.test.js',
        start_line: failingLine,
        end_line: failingLine,
        annotation_level: 'failure',
        title: 'rounds to the nearest cent'
      })
    ])
    expect(github.world.comments.some((c) => c.body.includes('2 passed, 1 failed: rounds to the nearest cent'))).toBe(true)

    expect(result.summary).toContain('### Commands run by agents’ tools')
    expect(result.summary).toMatch(/\| `agent:jest-runner` \| shell \| <code>npx jest --ci<\/code> \| 1 \| \d+\.\d\d s \| exit code 1 \|/)
    expect(result.summary).toContain('tools: shell, github_create_check_run, github_post_comment')
    expect(github.invalidRequests).toEqual([])
    expect(gemini.invalidRequests()).toEqual([])
  })

  describe('AOF’s own k8s-ops agent (shell, kubectl, helm, docker)', () => {
    beforeAll(() => {
      github.world.addRepo(OPS_REPO, { default_branch: 'master' })
      github.world.addPull(OPS_REPO, { number: 7, head: { ref: 'feature', sha: HEAD }, base: { ref: 'master' } })
    })

    function comment(body: string, login: string): Payload {
      const payload = fixtureEvent('issue_comment.created.on-pull-request.derived.json')
      payload.issue.number = 7
      payload.comment.body = body
      payload.comment.user = { ...payload.comment.user, login }
      payload.sender = { ...payload.sender, login }
      return payload
    }

    async function run(eventName: string, payload: Payload, stubs: ReturnType<typeof stubPrograms>) {
      return runAction({
        node,
        eventName,
        payload,
        apiUrl: github.url,
        repository: OPS_REPO,
        inputs: { 'google-api-key': gemini.apiKey, 'config-ref': 'workspace' },
        workspaceFiles: opsConfig,
        env: {
          PATH: `${stubs.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
          GOOGLE_GEMINI_BASE_URL: gemini.url,
          GITHUB_AGENT_TIME_SCALE: '0.001',
          GITHUB_TOKEN: 'ghs_e2eTestToken000000000000000000000000',
          ANTHROPIC_API_KEY: 'sk-ant-api03-NOTFORTOOLS',
          ACTIONS_RUNTIME_TOKEN: 'runtime-token-NOTFORTOOLS',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token-NOTFORTOOLS',
          ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/NOTFORTOOLS'
        }
      })
    }

    it('runs kubectl with an argument list and a shell command, in a scrubbed environment, and lists both in the summary', async () => {
      github.world.setPermission(OPS_REPO, 'writer-wes', 'write')
      const stubs = stubPrograms({ kubectl: 'NAME READY STATUS|web-1 1/1 Running', helm: 'helm stub', docker: 'docker stub' })
      const before = gemini.requests.length
      const results: string[] = []
      gemini.script([
        { parts: [{ functionCall: { name: 'kubectl', args: { args: ['get', 'pods', '-n', 'prod; rm -rf /'] } } }] },
        (body) => {
          results.push(functionResponses(body).at(-1)?.text ?? '')
          return { parts: [{ functionCall: { name: 'shell', args: { command: 'kubectl get pods -n prod | tr "|" "\\n" | grep web' } } }] }
        },
        (body) => {
          results.push(functionResponses(body).at(-1)?.text ?? '')
          return { parts: [{ text: 'web-1 is Running.' }] }
        }
      ])
      const result = await run('issue_comment', comment('/pods', 'writer-wes'), stubs)

      expect(result.outputs.target).toBe('agent:k8s-ops')
      const declared = (gemini.requests[before]?.body.tools[0].functionDeclarations as any[]).map((d) => d.name)
      expect(declared).toEqual(['kubectl', 'helm', 'docker', 'shell'])
      // The argument list reached kubectl as written: no shell read the `;`.
      expect(readFileSync(stubs.log, 'utf8').split('\n').filter(Boolean)).toEqual(['kubectl get pods -n prod; rm -rf /', 'kubectl get pods -n prod'])
      expect(results[0]).toMatch(/^\$ kubectl get pods -n 'prod; rm -rf \/'\nexit code 0 after [\d.]+ s\nNAME READY STATUS\|web-1 1\/1 Running\n$/)
      expect(results[1]).toContain('web-1 1/1 Running')
      const env = stubs.envOf('kubectl')
      for (const leaked of ['GITHUB_TOKEN', 'INPUT_', 'ANTHROPIC', 'GOOGLE_', 'ACTIONS_', 'NOTFORTOOLS', 'ghs_e2e', gemini.apiKey])
        expect(env).not.toContain(leaked)
      expect(env).toContain(`PATH=${stubs.bin}:`)
      expect(env).toMatch(/^GITHUB_WORKSPACE=/m)
      expect(result.summary).toMatch(/\| `agent:k8s-ops` \| kubectl \| <code>kubectl get pods -n 'prod; rm -rf \/'<\/code> \| 0 \| [\d.]+ s \| exit code 0 \|/)
      expect(result.summary).toMatch(/\| `agent:k8s-ops` \| shell \| <code>kubectl get pods -n prod \\\| tr "\\\|" "\\n" \\\| grep web<\/code> \| 0 \|/)
      expect(gemini.invalidRequests()).toEqual([])
    })

    it('runs nothing for a fork’s pull_request_target, and says why', async () => {
      const stubs = stubPrograms({ kubectl: 'x', helm: 'x', docker: 'x' })
      const payload = fixtureEvent('pull_request.opened.json')
      payload.repository.full_name = OPS_REPO
      payload.pull_request.number = 7
      payload.pull_request.base.repo.full_name = OPS_REPO
      payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'mallory/Hello-World' }
      const before = gemini.requests.length
      const result = await run('pull_request_target', payload, stubs)
      expect(result.outputs.target).toBe('agent:k8s-ops')
      expect(gemini.requests.length).toBe(before)
      expect(existsSync(stubs.log)).toBe(false)
      expect(result.summary).toContain(
        "| refused | agent:k8s-ops runs no code: the pull request's head is a fork, and the workspace may hold its code (its tools kubectl, helm, docker, shell run code in the job; see docs/security.md)"
      )
    })

    it('runs nothing for a reader whose command the Trigger opens to readers, and says why', async () => {
      github.world.setPermission(OPS_REPO, 'reader-rita', 'read')
      const stubs = stubPrograms({ kubectl: 'x', helm: 'x', docker: 'x' })
      const before = gemini.requests.length
      const result = await run('issue_comment', comment('/look', 'reader-rita'), stubs)
      expect(gemini.requests.length).toBe(before)
      expect(existsSync(stubs.log)).toBe(false)
      expect(result.summary).toContain('agent:k8s-ops runs no code: @reader-rita has read permission, and running code in the job needs write')
    })
  })

  it('validate names each tool that cannot run here: unknown, or its program missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-tools-'))
    mkdirSync(join(dir, 'aof'))
    writeFileSync(
      join(dir, 'aof', 'agents.yaml'),
      [
        'apiVersion: aof.dev/v1',
        'kind: Agent',
        'metadata: {name: ops}',
        'spec:',
        '  tools:',
        '    - prometheus_query',
        '    - kubectl',
        '    - read_file',
        ''
      ].join('\n')
    )
    const emptyPath = mkdtempSync(join(tmpdir(), 'empty-path-'))
    const validate = (...flags: string[]) =>
      spawnSync(node, [join(repoRoot, 'dist', 'cli', 'index.js'), 'validate', 'aof', ...flags], { cwd: dir, env: { PATH: emptyPath }, encoding: 'utf8' })
    // As AOF loads: the agent is skipped with a warning at each tool, and validate succeeds.
    const run = validate()
    expect(run.status).toBe(0)
    expect(run.stdout).toContain("aof/agents.yaml:6:7: warning: tool 'prometheus_query' is unknown here")
    expect(run.stdout).toContain("aof/agents.yaml:7:7: warning: tool 'kubectl' needs the program 'kubectl', which is not on PATH here")
    expect(run.stdout).toContain("agent 'ops' is skipped")
    // --strict: the same findings are errors. read_file needs no program: it is no error.
    const strict = validate('--strict')
    expect(strict.status).toBe(1)
    expect(strict.stdout).toContain("aof/agents.yaml:6:7: error: tool 'prometheus_query' is unknown here")
    expect(strict.stdout).toContain("aof/agents.yaml:7:7: error: tool 'kubectl' needs the program 'kubectl', which is not on PATH here")
    expect(strict.stdout).toContain('0 agent(s), 0 fleet(s), 0 flow(s), 1 skipped: 2 error(s)')
  })
})
