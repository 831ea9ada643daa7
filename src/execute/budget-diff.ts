// The PR's diff as the model first sees it: whole files, most relevant first, until a token
// budget is spent; the rest listed by name so the agent can read them with its tools. Every path
// and patch is sanitised here, the one place a diff for a prompt is made (single agents, fleets
// and incremental reviews alike). Pure.
import type { ChangedFile } from '../github/types.js'
import { formatCount } from '../report/format-count.js'
import { sanitizeCode } from '../text/sanitize-untrusted.js'

export interface BudgetedDiff {
  files: { path: string; status: string; additions: number; deletions: number; patch: string }[]
  /** Files whose patch did not fit, or that have none (binary, too large for GitHub). */
  omitted: { path: string; status: string; reason: string }[]
  note: string | null
}

// About 3.5 characters a token for code; the loop's own budget check estimates more cautiously.
const CHARS_PER_TOKEN = 3.5

const LOW_VALUE = [
  /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|go\.sum|poetry\.lock)$/,
  /(^|\/)dist\//,
  /\.min\.(js|css)$/,
  /\.snap$/,
  /(^|\/)vendor\//
]

/** Lower is reviewed first: source before tests before generated and lock files. */
function rank(file: ChangedFile): number {
  if (LOW_VALUE.some((p) => p.test(file.filename))) return 3
  if (/(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[a-z]+$/.test(file.filename)) return 1
  if (/\.(md|txt|rst)$/i.test(file.filename)) return 2
  return 0
}

export function budgetDiff(files: ChangedFile[], maxTokens: number): BudgetedDiff {
  const ordered = files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
    .map(({ file }) => file)
  let remaining = maxTokens * CHARS_PER_TOKEN
  const kept: BudgetedDiff['files'] = []
  const omitted: BudgetedDiff['omitted'] = []
  for (const file of ordered) {
    const path = sanitizeCode(file.filename)
    const patch = file.patch === undefined ? undefined : sanitizeCode(file.patch)
    if (patch === undefined) {
      omitted.push({ path, status: file.status, reason: 'no patch (binary or too large for GitHub to show)' })
    } else if (patch.length > remaining) {
      omitted.push({ path, status: file.status, reason: 'left out to fit the diff budget' })
    } else {
      remaining -= patch.length
      kept.push({ path, status: file.status, additions: file.additions, deletions: file.deletions, patch })
    }
  }
  const budgeted = omitted.filter((o) => o.reason.startsWith('left out')).length
  const note =
    omitted.length === 0
      ? null
      : `${omitted.length} of ${files.length} changed files are not shown here${budgeted ? ` (${budgeted} to keep the diff within about ${formatCount(maxTokens)} tokens)` : ''}; ` +
        'read them with github_get_pull_request_files or github_get_file if they matter.'
  return { files: kept, omitted, note }
}
