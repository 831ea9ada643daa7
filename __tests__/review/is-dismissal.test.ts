import { isDismissal } from '../../src/review/is-dismissal.js'

describe('isDismissal', () => {
  it.each([
    "Won't fix, this path is only used in tests.",
    'won’t fix',
    'wontfix',
    'Wont-fix for now',
    'This is by design.',
    'Not a bug: the caller checks it.',
    'false positive',
    '/dismiss',
    'Dismissed.'
  ])('reads %p as a person letting the finding go', (reply) => {
    expect(isDismissal(reply)).toBe(true)
  })

  it.each([
    'Good catch, fixed in the next commit.',
    'Can you explain why this is a problem?',
    'I will fix the dismissal logic later.',
    'I wont merge this before the fix.',
    '> If this is by design, say so.\nThanks, fixing it now.'
  ])('does not read %p as a dismissal', (reply) => {
    expect(isDismissal(reply)).toBe(false)
  })
})
