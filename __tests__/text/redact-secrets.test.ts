import { redactSecrets } from '../../src/text/redact-secrets.js'

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret with ***', () => {
    const text = 'token ghs_abcdef123456 and key sk-ant-XYZ987 and again ghs_abcdef123456'
    expect(redactSecrets(text, ['ghs_abcdef123456', 'sk-ant-XYZ987'])).toBe('token *** and key *** and again ***')
  })

  it('redacts a longer secret before a shorter one it contains', () => {
    expect(redactSecrets('value: abcd-efgh-ijkl', ['abcd', 'abcd-efgh-ijkl'])).toBe('value: ***')
  })

  it('redacts each line of a multi-line secret on its own', () => {
    const pem = '-----BEGIN KEY-----\nMIIBOgIBAAJBAK\n-----END KEY-----'
    expect(redactSecrets('leaked MIIBOgIBAAJBAK here', [pem])).toBe('leaked *** here')
  })

  it.each([[''], ['ab'], ['xyz']])('ignores a secret too short to redact safely (%j)', (secret) => {
    expect(redactSecrets('a b c xyz', [secret])).toBe('a b c xyz')
  })

  it('treats regex characters in a secret literally', () => {
    expect(redactSecrets('p4$$.w*rd+ and p4$$Xw*rd+', ['p4$$.w*rd+'])).toBe('*** and p4$$Xw*rd+')
  })
})
