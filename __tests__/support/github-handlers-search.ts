// Code search, as GitHub runs it over the default branch: words and "phrases" must all appear,
// `path:`, `filename:`, `extension:` and `language:` narrow, and every `repo:` qualifier widens (GitHub
// ORs them), so a query that escaped its repository shows here as hits from another one.
import { invalidRequest, text, type Handler } from './github-handler-types.js'
import { gitBlobSha, repoShape } from './github-shapes.js'
import { normaliseRef, type WorldRepo } from './github-world.js'

const LANGUAGES: Record<string, string[]> = { typescript: ['ts', 'tsx'], javascript: ['js', 'mjs', 'cjs'], markdown: ['md'], yaml: ['yml', 'yaml'] }

interface ParsedQuery {
  repos: string[]
  terms: string[]
  filters: Array<(path: string) => boolean>
}

function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { repos: [], terms: [], filters: [] }
  for (const match of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (match[1] !== undefined) {
      parsed.terms.push(match[1].toLowerCase())
      continue
    }
    const token = match[2] as string
    const qualifier = /^([a-z]+):(.+)$/i.exec(token)
    const [name, value] = qualifier ? [(qualifier[1] as string).toLowerCase(), qualifier[2] as string] : [null, token]
    if (name === 'repo') parsed.repos.push(value.toLowerCase())
    else if (name === 'path') parsed.filters.push((p) => p.startsWith(value.replace(/^\/+/, '')))
    else if (name === 'filename') parsed.filters.push((p) => (p.split('/').pop() ?? '') === value)
    else if (name === 'extension') parsed.filters.push((p) => p.endsWith(`.${value}`))
    else if (name === 'language') parsed.filters.push((p) => (LANGUAGES[value.toLowerCase()] ?? [value]).some((ext) => p.endsWith(`.${ext}`)))
    else if (name === null) parsed.terms.push(token.toLowerCase())
  }
  return parsed
}

/** The lines around the first match, as GitHub's text-match fragments show them. */
function fragmentOf(body: string, term: string): string {
  const lines = body.split('\n')
  const at = lines.findIndex((line) => line.toLowerCase().includes(term))
  return at < 0 ? '' : lines.slice(Math.max(0, at - 1), at + 2).join('\n')
}

const searchCode: Handler = (ctx) => {
  const q = text(ctx.params.q)
  if (!q) throw invalidRequest('q is missing')
  const parsed = parseQuery(q)
  if (parsed.repos.length === 0) throw invalidRequest('a code search needs a repo:, org: or user: qualifier here')
  const repos = parsed.repos.map((name) => ctx.world.repo(name)).filter((r): r is WorldRepo => r !== undefined)
  const items = repos.flatMap((repo) => {
    const files = repo.files.get(normaliseRef(repo.default_branch)) ?? new Map<string, string>()
    return [...files.entries()]
      .filter(
        ([path, body]) => parsed.filters.every((f) => f(path)) && parsed.terms.every((t) => body.toLowerCase().includes(t) || path.toLowerCase().includes(t))
      )
      .map(([path, body]) => {
        const sha = gitBlobSha(Buffer.from(body, 'utf8'))
        const api = `${ctx.urls.api}/repos/${repo.full_name}`
        const fragment = parsed.terms[0] ? fragmentOf(body, parsed.terms[0]) : ''
        return {
          name: path.split('/').pop() ?? path,
          path,
          sha,
          url: `${api}/contents/${path}?ref=${sha}`,
          git_url: `${api}/git/blobs/${sha}`,
          html_url: `${ctx.urls.web}/${repo.full_name}/blob/${sha}/${path}`,
          repository: repoShape(repo, ctx.urls, ctx.world.now()),
          score: 1,
          ...(/text-match/.test(ctx.accept) && fragment
            ? { text_matches: [{ object_url: `${api}/contents/${path}`, object_type: 'FileContent', property: 'content', fragment, matches: [] }] }
            : {})
        }
      })
  })
  const perPage = typeof ctx.params.per_page === 'number' ? ctx.params.per_page : 30
  return { status: 200, body: { total_count: items.length, incomplete_results: false, items: items.slice(0, perPage) } }
}

export const searchHandlers: Record<string, Handler> = { 'search/code': searchCode }
