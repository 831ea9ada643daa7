// Searching this repository's code, and reading the end of a CI job's log. The search is held to
// the run's repository: the port adds `repo:`, and no qualifier of the model's may widen it.
import { sanitizeCode } from '../../text/sanitize-untrusted.js'
import type { Tool } from '../../shared/tool.js'
import type { GitHubPort } from '../github-port.js'
import { readInteger, readString, runTool, ToolInputError } from './tool-input.js'
import { keepEnd, untrustedJson } from './untrusted-result.js'

/** Qualifiers that only narrow a search inside one repository. */
const NARROWING = ['path', 'language', 'extension', 'filename', 'in', 'size']
/** GitHub refuses longer queries. */
const MAX_QUERY = 200
const DEFAULT_HITS = 10
const MAX_HITS = 30
const FRAGMENT_LIMIT = 1_000

/**
 * The model's search words, checked: quotes balanced (an open quote would swallow the `repo:`
 * qualifier and search all of GitHub), and every `name:` outside quotes one that only narrows.
 * `repo:`, `org:`, `user:` and the rest are refused, never dropped: the model learns why.
 */
export function checkCodeQuery(query: string): string {
  const q = query.trim()
  if (q === '') throw new ToolInputError("'query' must not be empty")
  if (q.length > MAX_QUERY) throw new ToolInputError(`'query' is ${q.length} characters; at most ${MAX_QUERY}`)
  if (/[\r\n]/.test(q)) throw new ToolInputError("'query' must be one line")
  if ((q.match(/"/g) ?? []).length % 2 === 1) throw new ToolInputError("'query' has an unclosed double quote")
  const outsideQuotes = q.replace(/"[^"]*"/g, ' ')
  for (const match of outsideQuotes.matchAll(/([A-Za-z_]+):/g)) {
    const name = (match[1] as string).toLowerCase()
    if (!NARROWING.includes(name))
      throw new ToolInputError(
        `'${name}:' is not allowed: the search is always in this repository only; narrow it with ${NARROWING.map((n) => `${n}:`).join(', ')} (quote text that contains a colon)`
      )
  }
  return q
}

export function searchCodeTool(port: GitHubPort): Tool {
  return {
    name: 'github_search_code',
    readOnly: true,
    description:
      "Search this repository's code (GitHub code search, default branch): the files that match, with the matching fragments. " +
      `Words, "quoted phrases", and the qualifiers ${NARROWING.map((n) => `${n}:`).join(' ')}; the search never leaves this repository.`,
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to search for, e.g. `parseConfig language:typescript path:src`.' },
        limit: { type: 'integer', description: `Files to return (default ${DEFAULT_HITS}, at most ${MAX_HITS}).` }
      },
      required: ['query']
    },
    run: (input) =>
      runTool(async () => {
        const query = checkCodeQuery(readString(input, 'query', true))
        const limit = Math.min(readInteger(input, 'limit') ?? DEFAULT_HITS, MAX_HITS)
        const found = await port.searchCode(query, limit)
        return untrustedJson({
          repository: port.repository,
          query,
          total_files: found.total,
          ...(found.total > found.hits.length ? { note: `the first ${found.hits.length} of ${found.total} files` } : {}),
          files: found.hits.map((hit) => ({
            path: sanitizeCode(hit.path),
            fragments: hit.fragments.map((f) => {
              const text = sanitizeCode(f)
              return text.length > FRAGMENT_LIMIT ? `${text.slice(0, FRAGMENT_LIMIT)} [… ${text.length - FRAGMENT_LIMIT} characters cut]` : text
            })
          }))
        })
      })
  }
}

const DEFAULT_LOG_CHARS = 20_000
const MAX_LOG_CHARS = 60_000
const TIMESTAMP = /^\d{4}-\d\d-\d\dT[\d:.]+Z /gm

export function getJobLogTool(port: GitHubPort): Tool {
  return {
    name: 'github_get_job_log',
    readOnly: true,
    description:
      "Read the end of a GitHub Actions job's log (where a failure is reported), timestamps dropped. " +
      'Job ids come from github_get_workflow_run_jobs or the event. Only the end is downloaded.',
    inputSchema: {
      type: 'object',
      properties: {
        job_id: { type: 'integer', description: 'The job (from github_get_workflow_run_jobs).' },
        max_chars: { type: 'integer', description: `Characters of the log's end to return (default ${DEFAULT_LOG_CHARS}, at most ${MAX_LOG_CHARS}).` }
      },
      required: ['job_id']
    },
    run: (input) =>
      runTool(async () => {
        const jobId = readInteger(input, 'job_id')
        if (jobId === undefined) throw new ToolInputError("'job_id' is required (a whole number)")
        const chars = Math.min(readInteger(input, 'max_chars') ?? DEFAULT_LOG_CHARS, MAX_LOG_CHARS)
        // Read three times what is shown: the timestamps dropped can take half of each line.
        const raw = await port.getJobLogTail(jobId, chars * 3)
        const clean = sanitizeCode(raw.replace(/\r\n?/g, '\n')).replace(TIMESTAMP, '').replace(/\n+$/, '')
        const tail = keepEnd(clean, chars)
        const whole = raw.length < chars * 3 && tail.cut === 0
        return untrustedJson({
          job_id: jobId,
          note: whole ? 'the whole log' : `the last ${tail.text.length} characters of the log; earlier lines were not read`,
          log_tail: tail.text
        })
      })
  }
}
