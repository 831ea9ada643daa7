// What an operation handler of the test server receives and returns, plus the few answers
// (404, 422) every handler gives in GitHub's words.
import type { SubsetOperation } from './github-openapi.js'
import type { Urls } from './github-shapes.js'
import { WorldRuleError, type GitHubWorld, type WorldIssue, type WorldRepo, type WorldUser } from './github-world.js'

export interface HandlerContext {
  world: GitHubWorld
  operation: SubsetOperation
  /** Path and query parameters, typed by the schema, defaults applied. */
  params: Record<string, unknown>
  /** The parsed JSON body ({} when none was sent). */
  body: Record<string, unknown>
  /** Who the token belongs to. */
  identity: WorldUser
  urls: Urls
  /** The request's Accept header (media types like `application/vnd.github.v3.diff`). */
  accept: string
}

export type HandlerResult =
  | { status: number; body?: unknown; headers?: Record<string, string>; text?: string }
  /** A list GitHub pages with `per_page`/`page` and a Link header. */
  | { status: number; list: unknown[]; maxPerPage?: number }

export type Handler = (ctx: HandlerContext) => HandlerResult

export function notFound(message = 'Not Found'): WorldRuleError {
  return new WorldRuleError(404, { message })
}

export function unprocessable(errors: unknown[], message = 'Unprocessable Entity'): WorldRuleError {
  return new WorldRuleError(422, { message, errors })
}

/** GitHub's 422 for a request its schema rejects; the server records these as invalid requests. */
export function invalidRequest(detail: string): WorldRuleError {
  return new WorldRuleError(422, { message: `Invalid request.\n\n${detail}` })
}

export const MAX_BODY_CHARS = 65536

/** GitHub's answer to a body over 65,536 characters (counted as characters, not bytes). */
export function assertBodyLength(body: string, resource: string): void {
  if ([...body].length > MAX_BODY_CHARS) {
    throw new WorldRuleError(422, {
      message: 'Validation Failed',
      errors: [{ resource, code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${MAX_BODY_CHARS} characters)` }]
    })
  }
}

export function repoOf(ctx: HandlerContext): WorldRepo {
  const repo = ctx.world.repo(`${String(ctx.params.owner)}/${String(ctx.params.repo)}`)
  if (!repo) throw notFound()
  return repo
}

export function issueOf(ctx: HandlerContext, key: 'issue_number' | 'pull_number' = 'issue_number'): WorldIssue {
  const repo = repoOf(ctx)
  const issue = ctx.world.issue(repo.full_name, Number(ctx.params[key]))
  if (!issue) throw notFound()
  return issue
}

export function pullOf(ctx: HandlerContext): WorldIssue & { pull: NonNullable<WorldIssue['pull']> } {
  const issue = issueOf(ctx, 'pull_number')
  if (!issue.pull) throw notFound()
  return issue as WorldIssue & { pull: NonNullable<WorldIssue['pull']> }
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
