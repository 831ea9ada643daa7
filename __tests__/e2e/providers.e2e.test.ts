// Every provider AOF's `model: provider:model` names runs through the bundle: OpenAI, Azure OpenAI,
// Groq, Ollama and a gateway through the real openai SDK against the local Chat Completions API,
// Bedrock through Anthropic's Bedrock SDK against the local Bedrock runtime, which checks the
// SigV4 signature. Each runs the PR reviewer with one tool call and posts its review.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startBedrockServer, type BedrockServer } from '../support/bedrock-server.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server.js'
import { nodeBinaries, runAction, type RunResult } from '../support/run-action.js'
import { exampleEvent } from '../support/scenario.js'

const REPO = 'Codertocat/Hello-World'
const PATCH = '@@ -1,3 +1,5 @@\n # Hello-World\n+const password = "hunter2"\n+eval(userInput)\n line three\n line four'
const BEDROCK_MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'

function reviewer(model: string): Record<string, string> {
  return {
    '.github/aof/trigger.yaml':
      'apiVersion: aof.dev/v1\nkind: Trigger\nmetadata: {name: pr-review}\nspec:\n  type: GitHub\n  config: {github_events: [pull_request]}\n  default_agent: code-reviewer\n',
    '.github/aof/agent.yaml': [
      'apiVersion: aof.dev/v1',
      'kind: Agent',
      'metadata: {name: code-reviewer}',
      'spec:',
      `  model: "${model}"`,
      "  instructions: 'Review PR #{{ metadata.pr_number }} in {{ metadata.repo_full_name }}.'",
      '  temperature: 0.2',
      '  max_iterations: 4',
      '  tools: [github_post_review, github_post_comment]',
      ''
    ].join('\n')
  }
}

const review = { event: 'COMMENT', body: 'A password in source.', comments: [{ path: 'README.md', line: 2, body: 'Hard-coded password.' }] }

/** The log without the `::add-mask::` commands, which are how the runner learns what to hide. */
function unmasked(log: string): string {
  return log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}

describe.each(nodeBinaries())('providers through dist/index.js on $label', ({ path: node }) => {
  let github: GitHubServer
  let openai: OpenAiServer
  let azure: OpenAiServer
  let ollama: OpenAiServer
  let gateway: OpenAiServer
  let groq: OpenAiServer
  let bedrock: BedrockServer

  beforeAll(async () => {
    ;[github, openai, azure, ollama, gateway, groq, bedrock] = await Promise.all([
      startGitHubServer(),
      startOpenAiServer({ apiKey: 'sk-test-openai-0123456789' }),
      startOpenAiServer({ flavor: 'azure', apiKey: 'azure-test-key-0123456789' }),
      startOpenAiServer({ apiKey: null }),
      startOpenAiServer({ prefix: '/gw/openai/v1', apiKey: 'gw-test-key-0123456789' }),
      startOpenAiServer({ prefix: '/openai/v1', apiKey: 'gsk_test_groq_0123456789' }),
      startBedrockServer({ credentials: { sessionToken: 'FwoGZXIvYXdzEFAKESESSIONTOKEN0123456789' } })
    ])
    github.world.addRepo(REPO, { default_branch: 'master' })
  })
  afterAll(async () => {
    await Promise.all([github, openai, azure, ollama, gateway, groq, bedrock].map((s) => s.close()))
  })
  beforeEach(() => {
    github.reset()
    for (const server of [openai, azure, ollama, gateway, groq, bedrock]) {
      expect(server.remaining()).toBe(0)
      server.requests.length = 0
    }
  })

  let nextPull = 40
  function freshPr() {
    const number = nextPull++
    const head = number.toString(16).padStart(40, 'd')
    github.world.addPull(REPO, {
      number,
      head: { ref: `changes-${number}`, sha: head },
      base: { ref: 'master' },
      files: [{ filename: 'README.md', status: 'modified', patch: PATCH }]
    })
    const payload = exampleEvent('auto-review', 'pull_request.opened.json')
    payload.number = number
    payload.pull_request.number = number
    payload.pull_request.head.sha = head
    return { payload, head }
  }

  async function review_(model: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
    const { payload, head } = freshPr()
    const result = await runAction({
      node,
      eventName: 'pull_request',
      payload,
      apiUrl: github.url,
      inputs: { 'config-ref': 'workspace', ...inputs },
      workspaceFiles: reviewer(model),
      env: { GITHUB_AGENT_TIME_SCALE: '0.001', ...env }
    })
    return { result, number: payload.number as number, head }
  }

  function expectReviewed(result: RunResult, head: string): void {
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ matched: 'true', target: 'agent:code-reviewer', conclusion: 'success' })
    expect(Number(result.outputs['input-tokens'])).toBeGreaterThan(0)
    const reviews = github.requests.filter((r) => r.operationId === 'pulls/create-review')
    expect(reviews).toHaveLength(1)
    expect(reviews[0]?.body).toMatchObject({ commit_id: head, event: 'COMMENT', comments: [expect.objectContaining({ line: 2 })] })
    expect(github.invalidRequests).toEqual([])
  }

  /** What a Chat Completions model saw first: the instructions as system, the event with the diff as user, the two tools. */
  function expectFirstChat(server: OpenAiServer, number: number): void {
    const first = server.requests[0]?.body
    expect(first.messages[0]).toEqual({ role: 'system', content: expect.stringContaining(`Review PR #${number} in Codertocat/Hello-World.`) })
    expect(first.messages[1].role).toBe('user')
    expect(first.messages[1].content).toContain('eval(userInput)')
    expect(first.tools.map((t: { function: { name: string } }) => t.function.name).sort()).toEqual(['github_post_comment', 'github_post_review'])
    // The tool result went back paired with the call.
    const second = server.requests[1]?.body
    const call = second.messages.find((m: { role: string }) => m.role === 'assistant').tool_calls[0]
    expect(second.messages.find((m: { role: string }) => m.role === 'tool')).toMatchObject({ tool_call_id: call.id })
    expect(server.invalidRequests()).toEqual([])
  }

  const toolTurn = { toolCalls: [{ name: 'github_post_review', arguments: review }] }

  it('openai: the key from the input, masked; a priced model reports its cost', async () => {
    openai.script([toolTurn, { content: 'Reviewed.' }])
    // OPENAI_BASE_URL here stands for OpenAI's own API (the local one); the input openai-base-url is what gateways set.
    const { result, number, head } = await review_('openai:gpt-4.1', { 'openai-api-key': openai.apiKey }, { OPENAI_BASE_URL: openai.url })
    expectReviewed(result, head)
    expectFirstChat(openai, number)
    expect(openai.requests[0]?.headers.authorization).toBe(`Bearer ${openai.apiKey}`)
    expect(openai.requests[0]?.body.temperature).toBe(0.2)
    expect(Number(result.outputs['cost-usd'])).toBeGreaterThan(0)
    expect(result.stdout).toContain(`::add-mask::${openai.apiKey}`)
    expect(unmasked(result.stdout + result.stderr)).not.toContain(openai.apiKey)
    expect(result.summary).not.toContain(openai.apiKey)
  })

  it('azure: the deployment in the path, the api-version and api-key Azure wants; no price for a deployment', async () => {
    azure.script([toolTurn, { content: 'Reviewed.' }])
    const { result, number, head } = await review_('azure:review-gpt41', {}, { AZURE_OPENAI_API_KEY: azure.apiKey, AZURE_OPENAI_ENDPOINT: azure.url })
    expectReviewed(result, head)
    expectFirstChat(azure, number)
    expect(azure.requests.map((r) => [r.path, r.query['api-version'], r.headers['api-key']])).toEqual([
      ['/openai/deployments/review-gpt41/chat/completions', '2024-10-21', azure.apiKey],
      ['/openai/deployments/review-gpt41/chat/completions', '2024-10-21', azure.apiKey]
    ])
    expect(result.outputs['cost-usd']).toBe('')
    expect(unmasked(result.stdout + result.stderr)).not.toContain(azure.apiKey)
  })

  it('groq: the Groq key from GROQ_API_KEY, at the OpenAI-compatible path', async () => {
    groq.script([toolTurn, { content: 'Reviewed.' }])
    const { result, number, head } = await review_('groq:llama-3.3-70b-versatile', {}, { GROQ_API_KEY: groq.apiKey, GROQ_BASE_URL: groq.url })
    expectReviewed(result, head)
    expectFirstChat(groq, number)
    expect(groq.requests[0]).toMatchObject({ path: '/openai/v1/chat/completions', model: 'llama-3.3-70b-versatile' })
    expect(groq.requests[0]?.headers.authorization).toBe(`Bearer ${groq.apiKey}`)
    expect(unmasked(result.stdout + result.stderr)).not.toContain(groq.apiKey)
  })

  it('ollama: no key, the host in Ollama’s own host:port spelling', async () => {
    ollama.script([toolTurn, { content: 'Reviewed.' }])
    const host = ollama.origin.replace('http://', '')
    const { result, number, head } = await review_('ollama:qwen3:32b', {}, { OLLAMA_HOST: host })
    expectReviewed(result, head)
    expectFirstChat(ollama, number)
    expect(ollama.requests[0]).toMatchObject({ path: '/v1/chat/completions', model: 'qwen3:32b' })
  })

  it('a gateway: openai-base-url sends openai: models through it, with its key', async () => {
    gateway.script([toolTurn, { content: 'Reviewed.' }])
    const { result, number, head } = await review_('openai:gpt-4o', { 'openai-base-url': gateway.url, 'openai-api-key': gateway.apiKey })
    expectReviewed(result, head)
    expectFirstChat(gateway, number)
    expect(gateway.requests[0]?.path).toBe('/gw/openai/v1/chat/completions')
    expect(gateway.requests[0]?.headers.authorization).toBe(`Bearer ${gateway.apiKey}`)
  })

  it('bedrock: signed with the job’s AWS credentials (as configure-aws-credentials leaves them), all masked', async () => {
    bedrock.script([{ content: [{ type: 'tool_use', name: 'github_post_review', input: review }] }, { content: [{ type: 'text', text: 'Reviewed.' }] }])
    const { accessKeyId, secretAccessKey, sessionToken, region } = bedrock.credentials
    const { result, number, head } = await review_(
      `bedrock:${BEDROCK_MODEL}`,
      {},
      {
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: secretAccessKey,
        AWS_SESSION_TOKEN: sessionToken,
        AWS_REGION: region,
        ANTHROPIC_BEDROCK_BASE_URL: bedrock.url
      }
    )
    expectReviewed(result, head)
    expect(bedrock.invalidRequests()).toEqual([])
    expect(bedrock.requests.map((r) => [r.operation, r.modelId, r.signature?.accessKeyId, r.signature?.valid])).toEqual([
      ['invoke', BEDROCK_MODEL, accessKeyId, true],
      ['invoke', BEDROCK_MODEL, accessKeyId, true]
    ])
    const first = bedrock.requests[0]?.body
    expect(JSON.stringify(first.system)).toContain(`Review PR #${number} in Codertocat/Hello-World.`)
    expect(first.tools.map((t: { name: string }) => t.name).sort()).toEqual(['github_post_comment', 'github_post_review'])
    expect(JSON.stringify(first.messages[0])).toContain('eval(userInput)')
    expect(Number(result.outputs['cost-usd'])).toBeGreaterThan(0)
    for (const secret of [secretAccessKey, sessionToken, accessKeyId]) {
      expect(result.stdout).toContain(`::add-mask::${secret}`)
      expect(unmasked(result.stdout + result.stderr)).not.toContain(secret)
    }
  })

  it('a missing key stops the agent before any call, naming the input and the variable to set', async () => {
    const { result } = await review_('groq:llama-3.3-70b-versatile', {}, { GROQ_BASE_URL: groq.url })
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    expect(groq.requests).toEqual([])
    expect(result.summary + result.stdout).toContain('groq:llama-3.3-70b-versatile needs an API key: set the groq-api-key input or the GROQ_API_KEY secret')
    expect(github.countOf('pulls/create-review')).toBe(0)
  })

  it('an unknown provider names the providers there are', async () => {
    const { result } = await review_('mistral:mistral-large-latest', { 'openai-api-key': 'unused' })
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    expect(result.summary + result.stdout).toContain(
      "unknown provider 'mistral'; the providers are anthropic (claude), google (gemini), openai (gpt), azure, groq, ollama, bedrock (aws)"
    )
    expect(github.countOf('pulls/create-review')).toBe(0)
  })
})
