// The data an agent is given about its event: metadata, the command, what the event says (its
// subject and thread, from event-brief.ts), and for PRs the diff.
// Sanitised here as prose, because all of it can be written by strangers; the diff comes already
// sanitised as code from budgetDiff, with its lines kept where they were. Pure.
import type { EventContext, MetadataValue } from '../event/types.js'
import type { DiffSide } from '../github/types.js'
import type { Invocation } from '../route/types.js'
import type { BudgetedDiff } from './budget-diff.js'
import type { EventBrief } from './event-brief.js'
import { sanitizeDeep } from '../text/sanitize-untrusted.js'

// What a converging review tells the agent is part of the agent's data, so its shape is defined
// here, where the agent's data is; src/review fills it in.
export interface PromptFinding {
  path: string
  line: number
  start_line?: number
  side: DiffSide
  summary: string
}

/** Goes into the agent's event data as `review`. */
export interface ReviewPromptData {
  kind: 'incremental' | 'full'
  /** Incremental: the last reviewed commit; the diff holds only what changed after it. */
  since_commit: string | null
  /** Posted earlier and still open, at their current lines. */
  open_findings: (PromptFinding & { lines_changed_since_last_review: boolean })[]
  /** A person resolved these or answered "won't fix": never raise them again. */
  dismissed_findings: PromptFinding[]
}

export interface AgentContext {
  event: string
  repository: string | null
  metadata: Record<string, MetadataValue>
  command: { name: string | null; args: string; params: Record<string, unknown> } | null
  /** What a person handling the event would read, sanitised and within its budget. */
  subject?: EventBrief
  diff?: BudgetedDiff
  /** A converging review (src/review): what was reviewed before and the earlier findings. */
  review?: ReviewPromptData
}

// The subject carries these texts within its budget; a second, unbudgeted copy in the metadata
// would undo the budget. Templates still read them from the event's metadata.
const TEXT_VARIABLES = ['comment_body', 'review_body']

function withoutTexts(metadata: Record<string, MetadataValue>): Record<string, MetadataValue> {
  return Object.fromEntries(Object.entries(metadata).filter(([name]) => !TEXT_VARIABLES.includes(name)))
}

export function buildAgentContext(
  event: EventContext,
  invocation: Invocation,
  metadata: Record<string, MetadataValue>,
  diff: BudgetedDiff | null,
  brief: EventBrief | null = null,
  review?: ReviewPromptData
): AgentContext {
  const command =
    invocation.via === 'command' || invocation.via === 'mention' ? { name: invocation.key, args: invocation.args, params: invocation.params } : null
  return {
    event: sanitizeDeep(event.action ? `${event.name}.${event.action}` : event.name),
    repository: sanitizeDeep(event.repository),
    metadata: sanitizeDeep(brief ? withoutTexts(metadata) : metadata),
    command: sanitizeDeep(command),
    ...(brief ? { subject: brief } : {}),
    ...(diff ? { diff } : {}),
    ...(review ? { review: sanitizeDeep(review) } : {})
  }
}
