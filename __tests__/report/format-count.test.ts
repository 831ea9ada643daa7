import { describe, expect, it } from '@jest/globals'
import { formatCount } from '../../src/report/format-count.js'

describe('formatCount', () => {
  it.each([0, 7, 999, 1000, 12345, 1234567, -4321, 24000, 1.5])('writes %p as en-US does', (value) => {
    expect(formatCount(value)).toBe(value.toLocaleString('en-US'))
  })
})
