import { parseCommands } from '../../src/route/parse-commands.js'

const KEYS = ['review', 'deploy', 'deploy staging', 'deploy production', 'test', 'help']

function keysOf(text: string, max = 5): (string | null)[] {
  return parseCommands(text, KEYS, 'aofbot', max).commands.map((c) => c.key)
}

describe('parseCommands', () => {
  it.each([
    ['/review', 'review', ''],
    ['/review security focus', 'review', 'security focus'],
    ['   /review  ', 'review', ''],
    ['/REVIEW please', 'review', 'please'],
    ['/deploy production', 'deploy production', ''],
    ['/deploy   production now', 'deploy production', 'now'],
    ['/deploy staging eu-west-1', 'deploy staging', 'eu-west-1'],
    ['/deploy canary', 'deploy', 'canary'],
    ['/deploy', 'deploy', ''],
    ['@aofbot review', 'review', ''],
    ['@AofBot review the tests', 'review', 'the tests'],
    ['@aofbot /review', 'review', ''],
    ['@aofbot, deploy staging', 'deploy staging', '']
  ])('reads %j as key %j with args %j', (text, key, args) => {
    expect(parseCommands(text, KEYS, 'aofbot', 5).commands).toEqual([expect.objectContaining({ key, args, line: 1 })])
  })

  it('does not match /deployx to /deploy and reports it as unknown', () => {
    const parsed = parseCommands('/deployx now', KEYS, 'aofbot', 5)
    expect(parsed.commands).toEqual([])
    expect(parsed.unknown).toEqual(['/deployx'])
  })

  it('collects unknown slash words once each, without failing', () => {
    const parsed = parseCommands('/foo\n/lgtm\n/foo again\n/review', KEYS, 'aofbot', 5)
    expect(parsed.unknown).toEqual(['/foo', '/lgtm'])
    expect(parsed.commands.map((c) => c.key)).toEqual(['review'])
  })

  it('reads several commands in order with their line numbers, across \\r\\n line ends', () => {
    const parsed = parseCommands('Thanks!\r\n/review\r\nand then\r\n/deploy staging\r\n', KEYS, 'aofbot', 5)
    expect(parsed.commands).toEqual([
      { key: 'review', args: '', line: 2, raw: '/review' },
      { key: 'deploy staging', args: '', line: 4, raw: '/deploy staging' }
    ])
  })

  it.each([
    ['a ``` fence', 'Try this:\n```\n/deploy production\n```\n/review'],
    ['a ~~~ fence', '~~~sh\n/deploy production\n~~~\n/review'],
    ['a longer fence closed only by a long enough one', '````\n```\n/deploy production\n```\n````\n/review'],
    ['indented code', 'Example:\n\n    /deploy production\n/review'],
    ['a tab-indented line', '\t/deploy production\n/review'],
    ['a quote', '> /deploy production\n\n/review'],
    ['a nested quote', '> > /deploy production\n\n/review'],
    ['the lazy continuation of a quote', '> Can you deploy?\n/deploy production\n\n/review'],
    ['an HTML comment', '<!--\n/deploy production\n-->\n/review'],
    ['a one-line HTML comment', '<!-- /deploy production -->\n/review'],
    ['an HTML comment that starts right after a quote', '> note\n<!--\n\n/deploy production\n-->\n/review'],
    ['an HTML comment opened in the middle of a line', 'LGTM <!--\n/deploy production\n-->\n/review'],
    ['an HTML comment after a backslash-escaped backtick', 'see \\`<!--`\n/deploy production\n-->\n/review'],
    ['an HTML comment after raw HTML, whose backticks are not code', '<a title="`"><!--`\n/deploy production\n-->\n/review'],
    ['an HTML comment after a link whose destination holds a backtick', '[x](`a) <!--`\n/deploy production\n-->\n/review']
  ])('ignores commands inside %s', (_label, text) => {
    expect(keysOf(text)).toEqual(['review'])
  })

  it('runs no command that a comment after an indented fence may hide (the fence may end with its list item)', () => {
    expect(keysOf('- a\n  ```\nx\n<!--\n/deploy production\n-->\n/review')).not.toContain('deploy production')
  })

  it('runs no command that a comment after raw HTML hides, though a later fence looks like code', () => {
    expect(keysOf('<div>\n```\n<!--\n```\n/deploy production\n-->\n/review')).not.toContain('deploy production')
  })

  it('reads no command after an unclosed HTML comment, wherever it opens', () => {
    expect(keysOf('LGTM <!--\n/deploy production\n/review')).toEqual([])
    expect(keysOf('<!--\n/deploy production')).toEqual([])
  })

  it.each([
    ['an inline code span', 'Write `<!--` to open a comment.\n/review'],
    ['a longer code span', 'Write ``a`<!--`` to open a comment.\n/review'],
    ['a fence', '```html\n<!--\n```\n/review'],
    ['a code span after a closed comment on an earlier line', 'ok\n/review <!-- note -->']
  ])('reads a command after a `<!--` that GitHub shows literally, in %s', (_label, text) => {
    expect(keysOf(text)).toEqual(['review'])
  })

  it('reads a command right after a fence that followed a quote', () => {
    expect(keysOf('> note\n```\n/deploy production\n```\n/review')).toEqual(['review'])
  })

  it('treats an unclosed fence as code to the end of the text', () => {
    expect(keysOf('```\n/deploy production')).toEqual([])
  })

  it('ignores commands that do not start the line', () => {
    expect(keysOf('please /review this\n- /deploy production')).toEqual([])
  })

  it('gives a bare @bot mention with no known key as key null with the rest of the line as args', () => {
    const parsed = parseCommands('@aofbot what does this change break?', KEYS, 'aofbot', 5)
    expect(parsed.commands).toEqual([{ key: null, args: 'what does this change break?', line: 1, raw: '@aofbot what does this change break?' }])
    expect(parsed.mentioned).toBe(true)
  })

  it.each([
    ['an inline mention', 'hey @aofbot can you look?', true],
    ['a mention inside inline code', 'type `@aofbot review` to start', false],
    ['a mention after an unpaired backtick', 'a ` b ``c`` @aofbot', true],
    ['a mention inside a double-backtick span', 'see ``a ` @aofbot`` here', false],
    ['a mention inside a fence', '```\n@aofbot review\n```', false],
    ['a mention inside a quote', '> thanks @aofbot', false],
    ['another bot whose name starts the same', '@aofbotx review', false],
    ['an e-mail address', 'mail me at me@aofbot', false],
    ['no mention', '/review', false]
  ])('reports %s as mentioned=%s', (_label, text, mentioned) => {
    expect(parseCommands(text, KEYS, 'aofbot', 5).mentioned).toBe(mentioned)
  })

  it('does not read @otherbot commands as ours', () => {
    expect(keysOf('@dependabot rebase')).toEqual([])
  })

  it('caps commands at max and says it truncated', () => {
    const parsed = parseCommands('/review\n/test\n/deploy\n/review', KEYS, 'aofbot', 2)
    expect(parsed.commands.map((c) => c.key)).toEqual(['review', 'test'])
    expect(parsed.truncated).toBe(true)
  })

  it('does not report truncation when the count equals max', () => {
    expect(parseCommands('/review\n/test', KEYS, 'aofbot', 2).truncated).toBe(false)
  })

  it('matches keys written with a leading slash or odd spacing', () => {
    expect(parseCommands('/deploy production', ['/deploy', ' deploy  production '], 'aofbot', 5).commands[0]?.key).toBe(' deploy  production ')
  })

  it('ignores slash lines that are not words, such as paths and comments', () => {
    const parsed = parseCommands('// not a command\n/ spaced', KEYS, 'aofbot', 5)
    expect(parsed).toEqual({ commands: [], unknown: [], truncated: false, mentioned: false })
  })

  it('accepts a bot name with regex characters literally', () => {
    expect(parseCommands('@a.b+ review', KEYS, 'a.b+', 5).commands[0]?.key).toBe('review')
    expect(parseCommands('@axb review', KEYS, 'a.b', 5).commands).toEqual([])
  })
})

describe('parseCommands on long hostile lines', () => {
  it('reads a 64 KB line of backticks in one pass (a paired-run count, not a backtracking regex)', () => {
    // No clock here (the old regex took about 1.3 s on this line): the behaviour on it is what is held.
    expect(parseCommands(`x ${'`'.repeat(64_000)} @aofbot`, ['review'], 'aofbot', 5).mentioned).toBe(true)
  })
})
