// A local Amazon Bedrock runtime for Claude, for tests: `POST /model/{modelId}/invoke` (JSON) and
// `/model/{modelId}/invoke-with-response-stream` (AWS event stream), the URL shapes
// @anthropic-ai/bedrock-sdk sends, answered from a per-test script (the Anthropic server's turns)
// and recorded. It checks the SigV4 signature the way AWS does, recomputed here from the request
// and the secret key (independently of the SDK's signer), or a Bedrock API key (Bearer), and the
// body the way Bedrock does for Anthropic models (anthropic_version in the body, no model or
// stream field, no top-level cache_control, at most 4 cache breakpoints, the Messages API's tool
// pairing), with Bedrock's error shape: `{message}` and the x-amzn-errortype header. Point the SDK
// at it with baseURL: server.url.
import { createHash, createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32 } from 'node:zlib'
import { answer, ApiRefusal, checkToolPairing, countBreakpoints, messageEvents, type AnthropicStep } from './anthropic-server.js'

export interface BedrockCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  region: string
}

export interface BedrockServerOptions {
  credentials?: Partial<BedrockCredentials>
  /** A Bedrock API key accepted as `Authorization: Bearer`. */
  bearerToken?: string
}

export interface RecordedSignature {
  accessKeyId: string
  date: string
  region: string
  service: string
  signedHeaders: string[]
  /** The signature recomputed with the server's secret matched the one sent. */
  valid: boolean
}

export interface RecordedBedrockRequest {
  method: string
  /** As sent (the model id percent-encoded). */
  path: string
  modelId: string | null
  operation: 'invoke' | 'invoke-with-response-stream' | null
  headers: Record<string, string>
  body: any
  signature: RecordedSignature | null
  status: number
  error?: string
}

export interface BedrockServer {
  url: string
  credentials: BedrockCredentials
  bearerToken: string
  requests: RecordedBedrockRequest[]
  script(steps: AnthropicStep[]): void
  remaining(): number
  invalidRequests(): RecordedBedrockRequest[]
  close(): Promise<void>
}

class BedrockRefusal extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

const PATH = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream)$/
// InvokeModel's body for Anthropic models: the Messages API fields, the version in the body.
const ALLOWED_FIELDS = new Set([
  'anthropic_version',
  'anthropic_beta',
  'max_tokens',
  'messages',
  'system',
  'tools',
  'tool_choice',
  'stop_sequences',
  'thinking',
  'metadata',
  'output_config',
  'temperature',
  'top_p',
  'top_k'
])

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
/** RFC 3986 escaping, as SigV4 wants it. */
const escape = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** AWS Signature Version 4 as the service checks it; the path is encoded again, as for every service but S3. */
function checkSignature(req: IncomingMessage, url: URL, body: Buffer, credentials: BedrockCredentials): RecordedSignature {
  const auth = req.headers.authorization ?? ''
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth)
  if (!match) throw new BedrockRefusal(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
  const [, accessKeyId, date, region, service, signedList, signature] = match as unknown as string[]
  const signedHeaders = (signedList as string).split(';')
  const recorded: RecordedSignature = {
    accessKeyId: accessKeyId as string,
    date: date as string,
    region: region as string,
    service: service as string,
    signedHeaders,
    valid: false
  }
  if (accessKeyId !== credentials.accessKeyId)
    throw new BedrockRefusal(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
  if (region !== credentials.region || service !== 'bedrock')
    throw new BedrockRefusal(403, 'InvalidSignatureException', `Credential should be scoped to a valid region. `)
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  for (const required of ['host', 'x-amz-date', ...(credentials.sessionToken ? ['x-amz-security-token'] : [])]) {
    if (!signedHeaders.includes(required)) throw new BedrockRefusal(403, 'InvalidSignatureException', `'${required}' must be a signed header.`)
  }
  if (credentials.sessionToken && req.headers['x-amz-security-token'] !== credentials.sessionToken) {
    throw new BedrockRefusal(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
  }
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`
    )
    .join('')
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [escape(k), escape(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const rawPath = (req.url ?? '/').split('?')[0] as string
  const canonicalPath = escape(rawPath).replace(/%2F/g, '/')
  const canonicalRequest = [req.method, canonicalPath, query, canonicalHeaders, signedHeaders.join(';'), sha256(body)].join('\n')
  const scope = `${date}/${region}/${service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date as string), region as string), service as string), 'aws4_request')
  recorded.valid = createHmac('sha256', key).update(stringToSign).digest('hex') === signature
  if (!recorded.valid) {
    throw new BedrockRefusal(
      403,
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
    )
  }
  return recorded
}

function checkBody(body: any): void {
  if (typeof body !== 'object' || body === null)
    throw new BedrockRefusal(400, 'ValidationException', 'Malformed input request, please reformat your input and try again.')
  if (body.anthropic_version === undefined) {
    throw new BedrockRefusal(
      400,
      'ValidationException',
      'Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.'
    )
  }
  for (const field of ['max_tokens', 'messages']) {
    if (body[field] === undefined)
      throw new BedrockRefusal(
        400,
        'ValidationException',
        `Malformed input request: #: required key [${field}] not found, please reformat your input and try again.`
      )
  }
  for (const field of Object.keys(body)) {
    if (!ALLOWED_FIELDS.has(field))
      throw new BedrockRefusal(
        400,
        'ValidationException',
        `Malformed input request: #: extraneous key [${field}] is not permitted, please reformat your input and try again.`
      )
  }
  const breakpoints = countBreakpoints(body)
  if (breakpoints > 4) throw new BedrockRefusal(400, 'ValidationException', `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`)
  try {
    checkToolPairing(Array.isArray(body.messages) ? body.messages : [])
  } catch (error) {
    if (error instanceof ApiRefusal) throw new BedrockRefusal(400, 'ValidationException', error.message)
    throw error
  }
}

/** One AWS event-stream message: prelude (lengths and their CRC), string headers, payload, CRC of it all. */
function eventMessage(headers: Record<string, string>, payload: Buffer): Buffer {
  const encoded = Buffer.concat(
    Object.entries(headers).map(([name, value]) => {
      const n = Buffer.from(name)
      const v = Buffer.from(value)
      const head = Buffer.alloc(1 + n.length + 1 + 2)
      head.writeUInt8(n.length, 0)
      n.copy(head, 1)
      head.writeUInt8(7, 1 + n.length)
      head.writeUInt16BE(v.length, 2 + n.length)
      return Buffer.concat([head, v])
    })
  )
  const total = 12 + encoded.length + payload.length + 4
  const prelude = Buffer.alloc(8)
  prelude.writeUInt32BE(total, 0)
  prelude.writeUInt32BE(encoded.length, 4)
  const preludeCrc = Buffer.alloc(4)
  preludeCrc.writeUInt32BE(crc32(prelude), 0)
  const body = Buffer.concat([prelude, preludeCrc, encoded, payload])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body), 0)
  return Buffer.concat([body, crc])
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

export async function startBedrockServer(options: BedrockServerOptions = {}): Promise<BedrockServer> {
  const credentials: BedrockCredentials = {
    accessKeyId: 'AKIAFAKEBEDROCK00001',
    secretAccessKey: 'fake/secret/key/for/bedrock/tests/0000000',
    sessionToken: '',
    region: 'us-west-2',
    ...options.credentials
  }
  const bearerToken = options.bearerToken ?? 'ABSKfakeBedrockApiKey'
  const steps: AnthropicStep[] = []
  const requests: RecordedBedrockRequest[] = []
  let serial = 0
  let toolSerial = 0
  const nextToolId = () => `toolu_bdrk_${String(++toolSerial).padStart(4, '0')}`

  const sendError = (
    res: ServerResponse,
    record: RecordedBedrockRequest,
    status: number,
    type: string,
    message: string,
    headers: Record<string, string> = {}
  ) => {
    record.status = status
    record.error = message
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': `fake-${serial}`,
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      ...headers
    })
    res.end(JSON.stringify({ message }))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    serial++
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    let body: any
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'))
    } catch {
      body = undefined
    }
    const match = PATH.exec(url.pathname)
    const record: RecordedBedrockRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] as string,
      modelId: match ? decodeURIComponent(match[1] as string) : null,
      operation: match ? (match[2] as RecordedBedrockRequest['operation']) : null,
      headers: headerRecord(req.headers),
      body,
      signature: null,
      status: 0
    }
    requests.push(record)
    if (req.method !== 'POST' || !match) return sendError(res, record, 404, 'UnknownOperationException', 'Not Found')
    try {
      if (req.headers.authorization === `Bearer ${bearerToken}`) record.signature = null
      else if (req.headers.authorization?.startsWith('Bearer '))
        throw new BedrockRefusal(403, 'AccessDeniedException', 'Invalid API Key format: Must start with pre-defined prefix')
      else record.signature = checkSignature(req, url, raw, credentials)
      checkBody(body)
    } catch (error) {
      if (error instanceof BedrockRefusal) return sendError(res, record, error.status, error.type, error.message)
      throw error
    }
    const step = steps.shift()
    if (!step) return sendError(res, record, 500, 'InternalServerException', 'fake Bedrock server: no scripted turn left for this request')
    if ('fault' in step) {
      const type = step.fault.status === 429 ? 'ThrottlingException' : step.fault.status === 503 ? 'ServiceUnavailableException' : 'InternalServerException'
      const message = step.fault.status === 429 ? 'Too many requests, please wait before trying again.' : step.fault.message
      return sendError(res, record, step.fault.status, type, message, step.fault.headers)
    }
    const { message } = answer(step, { ...body, model: record.modelId }, serial, nextToolId)
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs))
    if (res.destroyed) return
    record.status = 200
    if (record.operation === 'invoke-with-response-stream') {
      res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': `fake-${serial}` })
      for (const [, data] of messageEvents(message)) {
        const payload = Buffer.from(JSON.stringify({ bytes: Buffer.from(JSON.stringify(data)).toString('base64') }))
        res.write(eventMessage({ ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' }, payload))
      }
      res.end()
      return
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-amzn-requestid': `fake-${serial}`,
      'x-amzn-bedrock-input-token-count': String(message.usage.input_tokens),
      'x-amzn-bedrock-output-token-count': String(message.usage.output_tokens)
    })
    res.end(JSON.stringify(message))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `fake server crashed: ${String(error)}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    credentials,
    bearerToken,
    requests,
    script: (more) => void steps.push(...more),
    remaining: () => steps.length,
    invalidRequests: () => requests.filter((r) => r.status >= 400 && r.status < 500 && r.status !== 429),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}
