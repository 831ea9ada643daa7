import { commentMarker, hasMarker, markerBlock, readMarkerState } from '../../src/github/comment-marker.js'

describe('comment markers', () => {
  it('writes the hidden marker for a key', () => {
    expect(commentMarker('pr-review/reviewer')).toBe('<!-- github-agent:pr-review/reviewer -->')
  })

  it('keeps a key from closing the HTML comment', () => {
    expect(commentMarker('a --> b')).toBe('<!-- github-agent:a_-__b -->')
  })

  it('finds the marker in a body and not a marker of another key', () => {
    const body = `hello\n\n${markerBlock('triage')}`
    expect(hasMarker(body, 'triage')).toBe(true)
    expect(hasMarker(body, 'triage2')).toBe(false)
  })

  it('round-trips state stored after the marker', () => {
    const state = { requester: 'alice', sha: 'abc123', approvers: ['bob'], n: -1 }
    expect(readMarkerState(`text\n${markerBlock('approval', state)}`, 'approval')).toEqual(state)
  })

  it('keeps state text that looks like a comment end from closing the comment', () => {
    const state = { note: 'evil --> <script>' }
    const block = markerBlock('k', state)
    expect(block.match(/-->/g)).toHaveLength(2)
    expect(readMarkerState(block, 'k')).toEqual(state)
  })

  it('reads no state when there is none or it is not JSON', () => {
    expect(readMarkerState(markerBlock('k'), 'k')).toBeUndefined()
    expect(readMarkerState('<!-- github-agent-state:k {oops -->', 'k')).toBeUndefined()
  })
})
