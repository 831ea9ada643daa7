// The pending state of an approval request, kept in the request comment's hidden marker (the
// github/comment-marker format). Anyone with write access can edit that comment, so what is read
// back is checked: its place (the end of the comment, the only state block in it), its version, a
// seal keyed by the workflow's state-key over the whole state, and its shape.
import { z } from 'zod'
import type { TargetRef } from '../config/types.js'
import { PERMISSIONS, type Permission } from '../shared/permission.js'
import { commentMarker, hasMarker, markerBlock, readStateBlock } from '../github/comment-marker.js'
import { sealState, unsealState } from '../github/state-seal.js'
import type { FlowState } from '../flow/flow-types.js'
import type { Invocation } from '../route/types.js'

/** 2: sealed with the state-key (HMAC) and bound to its repository; 1 had a plain checksum anyone could recompute. */
export const APPROVAL_STATE_VERSION = 2

/** `pending` until answered; `stale`: refused because the PR head moved; `expired`: answered too late. */
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'stale' | 'expired'

/** The invocation a request holds back, as routed (params as the binding had them). */
export interface HeldInvocation {
  via: Invocation['via']
  key: string | null
  args: string
  target: TargetRef
  params: Record<string, unknown>
}

export interface ApprovalState {
  v: typeof APPROVAL_STATE_VERSION
  /** 8 hex characters; `/approve ID` names one request when several are pending. */
  id: string
  status: ApprovalStatus
  /** The Trigger that routed the command. */
  trigger: string | null
  invocation: HeldInvocation
  /** Login of who asked (the command's sender). */
  requester: string
  /** Logins and `team:org/slug`; empty: anyone with `requiredPermission` other than the requester. */
  approvers: string[]
  requiredPermission: Permission
  /** `owner/repo` the request was made in. */
  repository: string
  /** The issue or PR the request is on. */
  number: number
  /** PR head when asked; an approval holds only for this commit. Null outside PRs. */
  headSha: string | null
  requestedAt: string
  expiresAt: string | null
  /** Set when an Approval node paused a flow: where it continues and what the node asked. */
  flow: FlowState | null
  message: string | null
  /** Who answered, when, and what was said. */
  decision: { by: string; at: string; note: string } | null
}

/** Marker key of a request's comment: each request has its own, so an update finds exactly it. */
export function approvalMarkerKey(id: string): string {
  return `approval/${id}`
}

/** Marker keys of approval requests in a body (normally one), using the shared marker format. */
export function approvalKeysIn(body: string): string[] {
  const probe = commentMarker(approvalMarkerKey('ID0'))
  const [before = '', after = ''] = probe.split('ID0')
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`${escape(before)}([A-Za-z0-9]{1,32})${escape(after)}`, 'g')
  return [...body.matchAll(pattern)].map((m) => approvalMarkerKey(m[1] ?? ''))
}

const text = z.string().max(10_000)
const name = z.string().min(1).max(200)
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: 'an ISO date and time' })
const output = z.record(z.string(), z.unknown())

const flowStateSchema = z.strictObject({
  flow: name,
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, { error: 'a 16-character hex fingerprint' }),
  pausedAt: name,
  decided: z.array(z.strictObject({ id: name, status: z.enum(['completed', 'skipped']), output: output.nullable(), detail: text })).max(500)
})

const stateSchema = z.strictObject({
  v: z.literal(APPROVAL_STATE_VERSION),
  id: z.string().regex(/^[0-9a-f]{8}$/, { error: '8 hex characters' }),
  status: z.enum(['pending', 'approved', 'denied', 'stale', 'expired']),
  trigger: name.nullable(),
  invocation: z.strictObject({
    via: z.enum(['command', 'mention', 'event-action', 'event', 'default-agent', 'help']),
    key: name.nullable(),
    args: text,
    target: z.strictObject({ kind: z.enum(['agent', 'fleet', 'flow']), name }),
    params: output
  }),
  requester: name,
  approvers: z.array(name).max(100),
  requiredPermission: z.enum(PERMISSIONS),
  repository: z.string().regex(/^[^/\s]+\/[^/\s]+$/, { error: 'owner/repo' }),
  number: z.number().int().positive(),
  headSha: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/i, { error: 'a commit SHA' })
    .nullable(),
  requestedAt: isoTime,
  expiresAt: isoTime.nullable(),
  flow: flowStateSchema.nullable(),
  message: text.nullable(),
  decision: z.strictObject({ by: name, at: isoTime, note: text }).nullable()
})

/** Most a marker may hold: GitHub's comment limit is 65,536 characters, and the body needs room. */
export const MAX_MARKER_CHARS = 40_000
const CUT_STEPS = [4000, 1000, 200]
const CUT_NOTE = '… (cut to fit the approval request)'

/** A state that cannot be written (too large) or read back (missing, edited, malformed, old). */
export class ApprovalStateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ApprovalStateError'
  }
}

function cutStrings(value: unknown, max: number): unknown {
  if (typeof value === 'string') return value.length > max ? value.slice(0, max) + CUT_NOTE : value
  if (Array.isArray(value)) return value.map((v) => cutStrings(v, max))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutStrings(v, max)]))
  return value
}

export interface EncodedApproval {
  key: string
  /** What to pass as the marker state (`publisher.upsertComment(number, key, body, payload)`). */
  payload: Record<string, unknown>
  /** The state as stored: node outputs may have been cut to fit. */
  state: ApprovalState
  /** Set when outputs were cut. */
  note: string | null
}

/**
 * The marker payload for a state: the state plus its seal from `stateKey`. Long texts in a paused
 * flow's outputs are cut step by step until the marker fits; a state that still does not fit is refused.
 */
export function encodeApprovalState(state: ApprovalState, stateKey: string): EncodedApproval {
  const key = approvalMarkerKey(state.id)
  if (!stateKey) throw new ApprovalStateError('an approval request needs the state-key input to seal its state')
  const fit = (s: ApprovalState) => {
    const payload = sealState(key, s as unknown as Record<string, unknown>, stateKey)
    return { payload, size: markerBlock(key, payload).length }
  }
  let current = state
  let encoded = fit(current)
  let note: string | null = null
  for (const max of CUT_STEPS) {
    if (encoded.size <= MAX_MARKER_CHARS || !current.flow) break
    current = { ...current, flow: { ...current.flow, decided: cutStrings(current.flow.decided, max) as FlowState['decided'] } }
    encoded = fit(current)
    note = `Outputs of earlier flow nodes were cut to ${max} characters each to fit the approval request.`
  }
  if (encoded.size > MAX_MARKER_CHARS) {
    throw new ApprovalStateError(
      `the approval request's state needs ${encoded.size} characters, more than the ${MAX_MARKER_CHARS} a comment marker may hold; shorten the command's params`
    )
  }
  return { key, payload: encoded.payload, state: current, note }
}

export type DecodedApproval = { ok: true; state: ApprovalState } | { ok: false; reason: string }

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[')
}

/**
 * Reads and checks the state under `key` in a comment body (one the caller knows the action wrote):
 * at its fixed place, of this version, sealed with `stateKey`, and well formed.
 */
export function decodeApprovalState(body: string, key: string, stateKey: string): DecodedApproval {
  const refuse = (why: string): DecodedApproval => ({ ok: false, reason: `approval request ${key.replace(/^approval\//, '')}: ${why}` })
  if (!hasMarker(body, key)) return refuse('the comment has no approval marker')
  if (!stateKey) return refuse('approvals need the state-key input to check the request; ask again once it is set')
  const block = readStateBlock(body, key)
  if (!block.ok) return refuse(`${block.reason}; it cannot be acted on, ask again`)
  const version = (block.state as { v?: unknown } | null)?.v
  if (version !== APPROVAL_STATE_VERSION) {
    const why = version === 1 ? ' (an earlier github-agent wrote it without a state-key seal)' : ''
    return refuse(
      `its hidden state has version ${JSON.stringify(version ?? null)}${why}, and this github-agent reads version ${APPROVAL_STATE_VERSION}; ask again`
    )
  }
  const unsealed = unsealState(key, block.state, stateKey)
  if (!unsealed.ok) return refuse(`${unsealed.reason}; refusing it, ask again`)
  const rest = unsealed.state
  const parsed = stateSchema.safeParse(rest)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issuePath(issue.path)}: ` : ''
    return refuse(`its hidden state is not valid (${where}${issue?.message ?? 'unknown problem'}); refusing it, ask again`)
  }
  return { ok: true, state: parsed.data as ApprovalState }
}
