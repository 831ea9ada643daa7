const price = require('./price')

test('keeps whole cents', () => {
  expect(price(12.5)).toBe(12.5)
})

test('rounds to the nearest cent', () => {
  expect(price(0.129)).toBe(0.13)
})
