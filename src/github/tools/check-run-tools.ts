import type { Tool } from '../../shared/tool.js'
import type { Publisher } from '../publisher.js'
import type { CheckAnnotation, CheckConclusion, CheckRunOutput, CheckStatus } from '../types.js'
import { describeOutcome } from './describe-outcome.js'
import { requireHeadSha, type GitHubToolContext } from './tool-context.js'
import { ok, readEnum, readInteger, readObjectList, readString, runTool, ToolInputError } from './tool-input.js'
import { errorMessage } from '../../shared/errors.js'

const STATUSES = ['queued', 'in_progress', 'completed'] as const
const CONCLUSIONS = ['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required'] as const
const LEVELS = ['notice', 'warning', 'failure'] as const

const OUTPUT_PROPERTIES = {
  status: { type: 'string', enum: [...STATUSES] },
  conclusion: { type: 'string', enum: [...CONCLUSIONS], description: 'Required when status is completed.' },
  title: { type: 'string', description: 'Output title.' },
  summary: { type: 'string', description: 'Output summary, Markdown.' },
  text: { type: 'string', description: 'Output details, Markdown.' },
  annotations: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        start_line: { type: 'integer' },
        end_line: { type: 'integer' },
        annotation_level: { type: 'string', enum: [...LEVELS] },
        message: { type: 'string' },
        title: { type: 'string' }
      },
      required: ['path', 'start_line', 'annotation_level', 'message']
    }
  }
}

function readAnnotation(raw: Record<string, unknown>, i: number): CheckAnnotation {
  try {
    const start = readInteger(raw, 'start_line')
    if (start === undefined) throw new ToolInputError("'start_line' is required")
    const annotation: CheckAnnotation = {
      path: readString(raw, 'path', true),
      start_line: start,
      end_line: readInteger(raw, 'end_line') ?? start,
      annotation_level: readEnum(raw, 'annotation_level', LEVELS) ?? 'notice',
      message: readString(raw, 'message', true)
    }
    const title = readString(raw, 'title')
    if (title) annotation.title = title
    return annotation
  } catch (error) {
    throw new ToolInputError(`annotations[${i}]: ${errorMessage(error)}`)
  }
}

function readOutput(input: Record<string, unknown>, fallbackTitle: string): CheckRunOutput | undefined {
  const title = readString(input, 'title')
  const summary = readString(input, 'summary')
  const text = readString(input, 'text')
  const annotations = readObjectList(input, 'annotations').map(readAnnotation)
  if (title === undefined && summary === undefined && text === undefined && annotations.length === 0) return undefined
  // GitHub needs title and summary in every output object.
  const output: CheckRunOutput = { title: title ?? fallbackTitle, summary: summary ?? title ?? fallbackTitle }
  if (text !== undefined) output.text = text
  if (annotations.length > 0) output.annotations = annotations
  return output
}

function readState(input: Record<string, unknown>): { status?: CheckStatus; conclusion?: CheckConclusion } {
  const status = readEnum(input, 'status', STATUSES)
  const conclusion = readEnum(input, 'conclusion', CONCLUSIONS)
  if (status === 'completed' && conclusion === undefined) throw new ToolInputError("'conclusion' is required when status is completed")
  return { ...(status ? { status } : {}), ...(conclusion ? { conclusion } : {}) }
}

/**
 * Both tools share the check runs created in this run: the model can only update those, never a
 * check run some other workflow owns on the same commit.
 */
export function checkRunTools(ctx: GitHubToolContext, publisher: Publisher): { create: Tool; update: Tool } {
  const created = new Map<string, number | null>()
  const byId = new Map<number, string>()

  const create: Tool = {
    name: 'github_create_check_run',
    description: 'Create a check run on the commit under review (shows in the pull request checks).',
    inputSchema: {
      type: 'object',
      properties: { name: { type: 'string', description: 'Check run name.' }, ...OUTPUT_PROPERTIES },
      required: ['name', 'status']
    },
    run: (input) =>
      runTool(async () => {
        const headSha = requireHeadSha(ctx)
        const name = readString(input, 'name', true)
        const state = readState(input)
        const outcome = await publisher.createCheckRun({
          name,
          headSha,
          status: state.status ?? 'in_progress',
          ...state,
          ...optional('output', readOutput(input, name))
        })
        created.set(name, outcome.id)
        if (outcome.id !== null) byId.set(outcome.id, name)
        const id = outcome.id === null ? '' : ` check_run_id ${outcome.id}`
        return ok(describeOutcome(`check run '${name}'${id}`, outcome, publisher.dryRun))
      })
  }

  const update: Tool = {
    name: 'github_update_check_run',
    description: 'Update a check run this agent created in this run, by check_run_id or name (e.g. to complete it with a conclusion).',
    inputSchema: {
      type: 'object',
      properties: {
        check_run_id: { type: 'integer', description: 'Id returned by github_create_check_run.' },
        name: { type: 'string', description: 'Name given to github_create_check_run.' },
        ...OUTPUT_PROPERTIES
      }
    },
    run: (input) =>
      runTool(async () => {
        const id = readInteger(input, 'check_run_id')
        const name = readString(input, 'name')
        let target: { name: string; id: number | null } | undefined
        if (id !== undefined && byId.has(id)) target = { name: byId.get(id) as string, id }
        else if (id === undefined && name !== undefined && created.has(name)) target = { name, id: created.get(name) ?? null }
        if (!target) {
          const known = [...created.keys()].map((n) => `'${n}'`).join(', ') || 'none yet'
          throw new ToolInputError(`Only check runs created in this run can be updated (${known}); give check_run_id or name of one`)
        }
        const outcome = await publisher.updateCheckRun(target.id, { ...readState(input), ...optional('output', readOutput(input, target.name)) })
        return ok(describeOutcome(`check run '${target.name}' updated`, outcome, publisher.dryRun))
      })
  }
  return { create, update }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}
