/**
 * 12345 → "12,345". Intl's first use costs ~20 ms of ICU start-up in a process that lives for one
 * event; this is the same text for whole numbers.
 */
export function formatCount(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split('.')
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}
