import { addressedReply } from '../../src/review/addressed-reply.js'
import { NEW_HEAD } from './builders.js'

describe('addressedReply', () => {
  it('names the commit and leaves resolving to people when the action does not resolve', () => {
    expect(addressedReply(NEW_HEAD, false)).toBe(
      'The lines of this finding changed in `bbbbbbb` and the review no longer flags them, so it looks addressed. Resolve this thread if you agree.'
    )
  })

  it('says how to undo it when the action resolves the thread', () => {
    expect(addressedReply(NEW_HEAD, true)).toContain('Resolving this thread; unresolve it if the problem is still there.')
  })
})
