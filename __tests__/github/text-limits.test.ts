import { COMMENT_BODY_LIMIT, limitText, TRUNCATION_NOTE } from '../../src/github/text-limits.js'

describe('limitText', () => {
  it('leaves a text within the limit unchanged', () => {
    const text = 'x'.repeat(COMMENT_BODY_LIMIT)
    expect(limitText(text, COMMENT_BODY_LIMIT)).toBe(text)
  })

  it('cuts a longer text to the limit and ends it with a visible note', () => {
    const cut = limitText('y'.repeat(COMMENT_BODY_LIMIT + 500), COMMENT_BODY_LIMIT)
    expect(cut.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
    expect(cut.endsWith(`\n\n${TRUNCATION_NOTE}`)).toBe(true)
    expect(cut.startsWith('yyyy')).toBe(true)
  })

  it('closes a code block left open by the cut so the note is not shown as code', () => {
    const text = `intro\n\`\`\`ts\n${'const a = 1\n'.repeat(100)}\`\`\`\n`
    const cut = limitText(text, 200)
    expect(cut.length).toBeLessThanOrEqual(200)
    expect(cut.endsWith(`\n\`\`\`\n\n${TRUNCATION_NOTE}`)).toBe(true)
  })

  it('does not add a fence when the cut falls outside code', () => {
    const cut = limitText(`\`\`\`\ncode\n\`\`\`\n${'prose '.repeat(100)}`, 100)
    expect(cut).not.toMatch(/```\n\n…/)
  })

  it('never splits an emoji (a surrogate pair) in half', () => {
    const cut = limitText('😀'.repeat(100), 51)
    expect(cut.replace(`\n\n${TRUNCATION_NOTE}`, '')).toMatch(/^(😀)+$/u)
  })
})
