// GitHub's page-based pagination: `per_page` (max 100) and `page`, with a Link header whose
// URLs are built on the request's own base, so Octokit's paginate follows them back here.

export interface Page {
  items: unknown[]
  /** The Link header value, or undefined when everything fits on one page. */
  link: string | undefined
}

export const MAX_PER_PAGE = 100

export function paginate(items: unknown[], requestUrl: URL, perPageParam: unknown, pageParam: unknown, maxPerPage = MAX_PER_PAGE): Page {
  const perPage = clamp(Number(perPageParam) || 30, 1, maxPerPage)
  const page = Math.max(1, Number(pageParam) || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  if (last === 1) return { items: slice, link: undefined }
  const at = (n: number): string => {
    const url = new URL(requestUrl.href)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(n))
    return url.href
  }
  const links: string[] = []
  if (page > 1) links.push(`<${at(Math.min(page - 1, last))}>; rel="prev"`)
  if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`)
  if (page > 1) links.push(`<${at(1)}>; rel="first"`)
  return { items: slice, link: links.join(', ') }
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.floor(n)))
}
