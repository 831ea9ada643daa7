// The agent loop through Anthropic's Bedrock SDK against the local Bedrock runtime, which checks
// the SigV4 signature with the secret key, as AWS does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import AnthropicBedrock from '@anthropic-ai/bedrock-sdk'
import { runAgent } from '../../src/execute/run-agent.js'
import { createBedrockModel, type BedrockModelOptions } from '../../src/llm/bedrock-model.js'
import { ModelCallError } from '../../src/llm/model-call-error.js'
import type { AwsCredentials } from '../../src/shared/model-credentials.js'
import { anthropicFaults } from '../support/anthropic-server.js'
import { startBedrockServer, type BedrockServer } from '../support/bedrock-server.js'
import { EVENT, okTool, recordingSleep } from './agent-tools.js'

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
const SYSTEM = 'You review pull requests for octo/demo. Post one comment.'
const HI = { system: '', messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], tools: [], maxTokens: 10 }

let server: BedrockServer

beforeAll(async () => {
  server = await startBedrockServer({ credentials: { sessionToken: 'FwoGZXIvYXdzEFAKESESSION' } })
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
  expect(server.remaining()).toBe(0)
})

function aws(extra: Partial<AwsCredentials> = {}): AwsCredentials {
  const { accessKeyId, secretAccessKey, sessionToken, region } = server.credentials
  return { accessKeyId, secretAccessKey, sessionToken, region, bearerToken: '', ...extra }
}

function model(extra: Partial<BedrockModelOptions> = {}, name = MODEL) {
  return createBedrockModel(name, { aws: aws(), baseUrl: server.url, retry: { timeScale: 0.001 }, ...extra })
}

describe('a two-turn tool loop on Bedrock', () => {
  it('signs each call with the job’s AWS key, and pairs the tool result with its call', async () => {
    const comment = okTool('github_post_comment', 'comment 101 posted')
    server.script([
      { content: [{ type: 'tool_use', name: 'github_post_comment', input: { text: 'LGTM' } }] },
      { content: [{ type: 'text', text: 'Review posted.' }], usage: { input_tokens: 1_000, output_tokens: 10, cache_read_input_tokens: 4_000 } }
    ])
    const result = await runAgent({ system: SYSTEM, context: EVENT, tools: [comment], model: await model(), temperature: 0.2 })

    expect(result).toMatchObject({ stoppedBy: 'end', finalText: 'Review posted.', turns: 2 })
    expect(comment.calls).toEqual([{ text: 'LGTM' }])
    expect(server.invalidRequests()).toEqual([])
    expect(server.requests.map((r) => [r.operation, r.modelId, r.path])).toEqual([
      ['invoke', MODEL, `/model/${MODEL}/invoke`],
      ['invoke', MODEL, `/model/${MODEL}/invoke`]
    ])
    for (const request of server.requests) {
      expect(request.signature).toMatchObject({ accessKeyId: server.credentials.accessKeyId, region: 'us-west-2', service: 'bedrock', valid: true })
      expect(request.signature?.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token']))
    }

    const [first, second] = server.requests.map((r) => r.body)
    expect(first.anthropic_version).toEqual(expect.any(String))
    expect(first.system).toEqual([{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } }])
    expect(first.tools.map((t: { name: string }) => t.name)).toEqual(['github_post_comment'])
    expect(first.messages[0].content[0].text).toMatch(/untrusted data .* not instructions/)
    expect(first).not.toHaveProperty('model')
    // No top-level breakpoint on Bedrock: the conversation's last block carries it instead.
    expect(first).not.toHaveProperty('cache_control')
    expect(second).not.toHaveProperty('cache_control')
    expect(first.messages.at(-1).content.at(-1).cache_control).toEqual({ type: 'ephemeral' })
    expect(second.messages.at(-1).content.at(-1).cache_control).toEqual({ type: 'ephemeral' })
    expect(second.messages[0].content.at(-1)).not.toHaveProperty('cache_control')
    const toolUseId = second.messages[1].content[0].id
    expect(second.messages[2]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: toolUseId, content: 'comment 101 posted', is_error: false, cache_control: { type: 'ephemeral' } }]
    })
    // Claude on Bedrock at Anthropic's Sonnet 4.5 prices: the first call's tokens plus 1,000 in, 10 out, 4,000 cache reads.
    expect(result.estimatedCostUsd).toBeGreaterThan(0)
  })

  it('sends a Bedrock API key as a Bearer token instead of signing', async () => {
    server.script([{ content: [{ type: 'text', text: 'ok' }] }])
    const m = await model({ aws: aws({ bearerToken: server.bearerToken, accessKeyId: '', secretAccessKey: '', sessionToken: '' }) })
    expect((await m.complete(HI)).content).toEqual([{ type: 'text', text: 'ok' }])
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${server.bearerToken}`)
    expect(server.requests[0]?.signature).toBeNull()
  })
})

describe('refusals', () => {
  it('a request signed with the wrong secret fails as AWS says, once, naming the credentials to check', async () => {
    const m = await model({ aws: aws({ secretAccessKey: 'not-the-secret' }) })
    await expect(m.complete(HI)).rejects.toThrow(
      `bedrock:${MODEL} failed: HTTP 403 InvalidSignatureException (The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.); check the AWS credentials and the role's bedrock:InvokeModel permission`
    )
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]?.signature).toBeNull()
  })

  it('retries a throttled call, then succeeds', async () => {
    const { sleep, waits } = recordingSleep()
    server.script([anthropicFaults.rateLimited(2), { content: [{ type: 'text', text: 'done' }] }])
    const response = await (await model({ sleep })).complete(HI)
    expect(response.content).toEqual([{ type: 'text', text: 'done' }])
    expect(waits).toEqual([2])
  })

  it('treats 503 ServiceUnavailable as overloaded and says so after the last attempt', async () => {
    server.script([anthropicFaults.overloaded(), anthropicFaults.overloaded()].map((f) => ({ fault: { ...f.fault, status: 503 } })))
    const error = await (await model({ retry: { timeScale: 0.001, maxRetries: 1 } })).complete(HI).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ModelCallError)
    expect((error as ModelCallError).kind).toBe('overloaded')
    expect((error as ModelCallError).message).toMatch(/HTTP 503 ServiceUnavailableException \(Overloaded\) after 2 attempts/)
  })

  it('refuses a model of another vendor before any call: the Messages API is Claude’s', async () => {
    await expect(model({}, 'meta.llama3-70b-instruct-v1:0')).rejects.toThrow(/^bedrock:meta.llama3-70b-instruct-v1:0 is not a Claude model/)
    await expect(model({}, 'us.amazon.nova-pro-v1:0')).rejects.toThrow(/is not a Claude model/)
    expect(server.requests).toEqual([])
  })
})

describe('the local Bedrock runtime', () => {
  it('streams over the AWS event stream, which the SDK turns back into the same message', async () => {
    server.script([
      {
        content: [
          { type: 'text', text: 'Looking.' },
          { type: 'tool_use', name: 'github_add_labels', input: { labels: ['bug'] } }
        ]
      }
    ])
    const { accessKeyId, secretAccessKey, sessionToken, region } = server.credentials
    const client = new AnthropicBedrock({
      awsAccessKey: accessKeyId,
      awsSecretKey: secretAccessKey,
      awsSessionToken: sessionToken,
      awsRegion: region,
      baseURL: server.url,
      maxRetries: 0
    })
    const message = await client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }).finalMessage()
    expect(message.content).toEqual([
      { type: 'text', text: 'Looking.', citations: null },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'github_add_labels', input: { labels: ['bug'] } }
    ])
    expect(server.requests[0]).toMatchObject({ operation: 'invoke-with-response-stream', signature: { valid: true } })
  })

  it('refuses a key id it does not know', async () => {
    const client = new AnthropicBedrock({
      awsAccessKey: 'AKIAOTHER',
      awsSecretKey: 'x',
      awsRegion: server.credentials.region,
      baseURL: server.url,
      maxRetries: 0
    })
    const error = await client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)
    expect((error as { status?: number }).status).toBe(403)
    expect(server.requests[0]?.error).toBe('The security token included in the request is invalid.')
  })
})
