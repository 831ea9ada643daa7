import { neutralizeMentions } from '../../src/github/neutralize-mentions.js'

const Z = '\u200b'

describe('neutralizeMentions', () => {
  it.each([
    ['a user mention', 'thanks @octocat!', `thanks @${Z}octocat!`],
    ['a mention at the start of the text', '@alice look', `@${Z}alice look`],
    ['a team mention', 'cc @acme/security', `cc @${Z}acme/security`],
    ['a mention in bold or parentheses', '**@bob** (@carol)', `**@${Z}bob** (@${Z}carol)`],
    ['a login with hyphens', 'ping @some-user-1', `ping @${Z}some-user-1`],
    ['the bot itself', '@aofbot review', `@${Z}aofbot review`],
    ['every mention on several lines', '@a\n@b', `@${Z}a\n@${Z}b`]
  ])('neutralises %s', (_name, input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected)
  })

  it.each([
    ['an e-mail address', 'mail me at dev@example.com'],
    ['a URL with @', 'see https://medium.com/@writer/post'],
    ['an inline code span', 'run `npm i @types/node` first'],
    ['a double-backtick code span', 'use ``x = `@decorator` `` here'],
    ['a fenced code block', '```python\n@dataclass\nclass A: ...\n```'],
    ['a tilde fence', '~~~\n@Override\n~~~'],
    ['a lone @', 'meet @ noon'],
    ['an already neutralised mention', `@${Z}octocat`]
  ])('leaves %s alone', (_name, input) => {
    expect(neutralizeMentions(input)).toBe(input)
  })

  it('neutralises prose after a code block and leaves the block itself alone', () => {
    const input = '```\n@keep\n```\nthen @ping'
    expect(neutralizeMentions(input)).toBe(`\`\`\`\n@keep\n\`\`\`\nthen @${Z}ping`)
  })

  it('treats an unmatched backtick as text and still neutralises after it', () => {
    expect(neutralizeMentions('a ` b @carol')).toBe(`a \` b @${Z}carol`)
  })

  it('treats an unclosed fence as code to the end, as GitHub renders it', () => {
    expect(neutralizeMentions('```\n@inside')).toBe('```\n@inside')
  })

  it('is idempotent', () => {
    const once = neutralizeMentions('hi @dave and @eve')
    expect(neutralizeMentions(once)).toBe(once)
  })
})
