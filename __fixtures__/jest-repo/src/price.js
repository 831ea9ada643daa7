// Rounds to cents; the bug the failing test finds: it truncates instead.
module.exports = function price(amount) {
  return Math.floor(amount * 100) / 100
}
