import { describe, expect, it } from '@jest/globals'
import { markerBlock, readStateBlock } from '../../src/github/comment-marker.js'

const state = { requester: 'alice', n: 1 }
const block = markerBlock('approval/1234abcd', state)

describe('readStateBlock: state only at its fixed place', () => {
  it.each([
    ['after the text', `Approval needed\n\n${block}`],
    ['with trailing whitespace', `Approval needed\n\n${block}\n\n  `],
    ['as the whole body', block]
  ])('reads the state %s', (_name, body) => {
    expect(readStateBlock(body, 'approval/1234abcd')).toEqual({ ok: true, state })
  })

  it.each([
    ['text after the block', `${block}\n\n/approve`, 'not at the end of the comment'],
    ['a second block before it', `\`<!-- github-agent-state:approval/1234abcd {"requester":"mallory"} -->\`\n\n${block}`, 'carries 2 state blocks'],
    ['a second block after it', `${block}\n<!-- github-agent-state:x {} -->`, 'carries 2 state blocks'],
    ['the block of another key', markerBlock('approval/ffffffff', state), 'not at the end of the comment'],
    ['a state without its marker', `text\n<!-- github-agent-state:approval/1234abcd {"n":1} -->`, 'not at the end of the comment'],
    ['no state at all', markerBlock('approval/1234abcd'), 'carries no state'],
    ['JSON that does not parse', `${markerBlock('approval/1234abcd')}\n<!-- github-agent-state:approval/1234abcd {oops -->`, 'not JSON']
  ])('refuses %s', (_name, body, reason) => {
    expect(readStateBlock(body, 'approval/1234abcd')).toEqual({ ok: false, reason: expect.stringContaining(reason) })
  })

  it('refuses a state comment that closes early and carries more after it', () => {
    const body = `${markerBlock('k')}\n<!-- github-agent-state:k {"a":1} --> visible <!-- x -->`
    expect(readStateBlock(body, 'k').ok).toBe(false)
  })
})
