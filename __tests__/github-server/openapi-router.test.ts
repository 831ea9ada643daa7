import { OpenApiRouter, type OpenApiSubset, type SubsetOperation } from '../support/github-openapi.js'

function op(operationId: string, method: string, path: string, extra: Partial<SubsetOperation> = {}): SubsetOperation {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '')
  return {
    operationId,
    method,
    path,
    documentationUrl: 'https://docs.github.com/rest',
    parameters: names.map((name) => ({ in: 'path' as const, name, required: true, schema: { type: 'string' } })),
    requestBody: null,
    responses: ['200'],
    ...extra
  }
}

const subset: OpenApiSubset = {
  source: { file: 'test', openapi: '3.0.3', package: 'test', specVersion: null, version: '0' },
  operations: [
    op('items/get', 'GET', '/items/{id}'),
    op('items/special', 'GET', '/items/special'),
    op('compare', 'GET', '/compare/{base}...{head}'),
    op('contents', 'GET', '/contents/{path}', {
      parameters: [{ in: 'path', name: 'path', required: true, schema: { type: 'string' }, 'x-multi-segment': true }]
    }),
    op('dispatch', 'POST', '/workflows/{workflow_id}', {
      parameters: [{ in: 'path', name: 'workflow_id', required: true, schema: { oneOf: [{ type: 'integer' }, { type: 'string' }] } }],
      requestBody: {
        required: true,
        schema: { type: 'object', required: ['ref'], properties: { ref: { type: 'string' }, inputs: { type: 'object' } } }
      }
    })
  ]
}

const router = new OpenApiRouter(subset)

describe('OpenApiRouter.match', () => {
  it.each([
    ['GET', '/items/special', 'items/special', {}],
    ['GET', '/items/42', 'items/get', { id: '42' }],
    ['GET', '/compare/main...feature%2Fx', 'compare', { base: 'main', head: 'feature/x' }],
    ['GET', '/contents/src%2Fdeep%2Ffile.ts', 'contents', { path: 'src/deep/file.ts' }],
    ['GET', '/contents/src/deep/file.ts', 'contents', { path: 'src/deep/file.ts' }]
  ])('routes %s %s to %s', (method, path, operationId, params) => {
    const match = router.match(method, path)
    expect(match?.operation.operationId).toBe(operationId)
    expect(match?.rawParams).toEqual(params)
  })

  it.each([
    ['POST', '/items/42'],
    ['GET', '/items/42/more'],
    ['GET', '/nothing']
  ])('finds no operation for %s %s', (method, path) => {
    expect(router.match(method, path)).toBeUndefined()
  })
})

describe('OpenApiRouter.validate', () => {
  const dispatch = (path: string, body: unknown) => {
    const match = router.match('POST', path)
    if (!match) throw new Error('no match')
    return router.validate(match, new URLSearchParams(), body)
  }

  it('reads an all-digit id of an integer-or-string parameter as an integer', () => {
    expect(dispatch('/workflows/42', { ref: 'main' })).toEqual({ params: { workflow_id: 42 }, error: null })
    expect(dispatch('/workflows/ci.yml', { ref: 'main' })).toEqual({ params: { workflow_id: 'ci.yml' }, error: null })
  })

  it.each([
    [{}, `"ref" wasn't supplied.`],
    [{ ref: 5 }, `For 'properties/ref', 5 is not a string.`],
    [{ ref: null }, `For 'properties/ref', nil is not a string.`],
    [{ ref: 'main', inputs: [] }, `For 'properties/inputs', [] is not an object.`]
  ])('words the error for body %j like GitHub', (body, error) => {
    expect(dispatch('/workflows/ci.yml', body).error).toBe(error)
  })

  it('validates a missing body as an empty object', () => {
    expect(dispatch('/workflows/ci.yml', undefined).error).toBe(`"ref" wasn't supplied.`)
  })
})
