// The style the code was already written in (no semicolons, single quotes, no trailing commas),
// so formatting the tree changes line breaks, not habits. printWidth 160: the widest the existing
// code mostly keeps to (lines above it are the exceptions being fixed); 140 would rewrap about
// twice as many lines (~4,300 inserted against ~2,400) for no gain in a side-by-side diff.
export default {
  semi: false,
  singleQuote: true,
  trailingComma: 'none',
  printWidth: 160
}
