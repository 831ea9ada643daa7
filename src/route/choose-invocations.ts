import type { CommandBinding, TriggerDef } from '../config/types.js'
import type { EventContext } from '../event/types.js'
import type { Invocation } from './types.js'
import { findBinding, normalizeKey, slashBindings } from './command-keys.js'
import { eventNamesOf } from './check-filters.js'
import { helpText } from './help-text.js'
import { parseCommands, type ParsedCommands } from './parse-commands.js'

export interface Choice {
  invocations: Invocation[]
  notes: string[]
  /** What happened, one clause: the verdict's reason and (when nothing runs) the skipped reason. */
  outcome: string
}

export interface ChoiceOptions {
  botName: string
  maxCommands: number
}

/** Events whose text is a comment: they reach default_agent only by mentioning the bot. */
const COMMENT_EVENTS = new Set(['issue_comment', 'pull_request_review_comment', 'pull_request_review', 'commit_comment', 'discussion_comment'])

/** The action on which each kind of text is read for commands. */
const COMMAND_ACTION = { issue_comment: 'created', review_comment: 'created', review: 'submitted', issue_body: 'opened', pr_body: 'opened' } as const

type TextMode = 'parse' | 'edited' | 'none'

function textMode(event: EventContext): TextMode {
  if (event.text === null) return 'none'
  if (event.action === COMMAND_ACTION[event.text.kind]) return 'parse'
  return event.action === 'edited' ? 'edited' : 'none'
}

function bindingInvocation(via: Invocation['via'], binding: CommandBinding, args: string): Invocation {
  return { via, key: binding.key, args, target: binding.target, params: binding.params }
}

function describe(invocation: Invocation, botName: string): string {
  const target = invocation.target ? `${invocation.target.kind}:${invocation.target.name}` : 'the help answer'
  const what =
    invocation.via === 'command' || invocation.via === 'help'
      ? `/${invocation.key ?? 'help'}`
      : invocation.via === 'mention'
        ? `@${botName} mention`
        : invocation.via === 'default-agent'
          ? 'default_agent'
          : (invocation.key ?? '')
  return `${what} -> ${target}`
}

/** Keyed commands in comment order, `/help` answered here unless the Trigger binds it. */
function commandInvocations(trigger: TriggerDef, parsed: ParsedCommands, botName: string, notes: string[]): Invocation[] {
  const bindings = new Map(slashBindings(trigger).map((b) => [b.key, b] as const))
  const seen = new Set<string>()
  const invocations: Invocation[] = []
  for (const command of parsed.commands) {
    if (command.key === null) continue
    const identity = `${normalizeKey(command.key)}\n${command.args}`
    if (seen.has(identity)) {
      notes.push(`duplicate command ignored: ${command.raw}`)
      continue
    }
    seen.add(identity)
    const binding = bindings.get(command.key)
    invocations.push(
      binding
        ? bindingInvocation('command', binding, command.args)
        : { via: 'help', key: 'help', args: command.args, target: null, params: {}, helpText: helpText(trigger, botName) }
    )
  }
  return invocations
}

function parse(trigger: TriggerDef, event: EventContext, options: ChoiceOptions): ParsedCommands {
  const keys = slashBindings(trigger).map((b) => b.key)
  if (!keys.some((k) => normalizeKey(k) === 'help')) keys.push('help')
  return parseCommands(event.text?.body ?? '', keys, options.botName, options.maxCommands)
}

function noteParsed(parsed: ParsedCommands, maxCommands: number, notes: string[]): void {
  if (parsed.unknown.length > 0) notes.push(`unknown commands ignored (they may be another bot's): ${parsed.unknown.join(', ')}`)
  if (parsed.truncated) notes.push(`more than ${maxCommands} commands: only the first ${maxCommands} are considered`)
}

/** Why a comment with nothing bound for it runs nothing. */
function commentOutcome(parsed: ParsedCommands | null, botName: string): string {
  if (parsed && parsed.unknown.length > 0) return `comment holds no command it knows (${parsed.unknown.join(', ')} ignored)`
  if (parsed?.mentioned) return `comment mentions @${botName} but the trigger has no default_agent`
  return `comment holds no command and does not mention @${botName}`
}

/**
 * What the chosen Trigger runs for the event: commands in the text (longest key by words), else the
 * `event.action` key, then the `event` key, then default_agent (for comments: only on a mention).
 * Edited and deleted comments run only an exact `event.edited`/`event.deleted` binding.
 */
export function chooseInvocations(trigger: TriggerDef, event: EventContext, options: ChoiceOptions): Choice {
  const notes: string[] = []
  const mode = textMode(event)
  const parsed = mode === 'none' ? null : parse(trigger, event, options)
  const run = (invocations: Invocation[]): Choice => ({
    invocations,
    notes,
    outcome: `runs ${invocations.map((i) => describe(i, options.botName)).join(', ')}`
  })
  const skip = (outcome: string): Choice => ({ invocations: [], notes, outcome })

  if (mode === 'parse' && parsed) {
    noteParsed(parsed, options.maxCommands, notes)
    const invocations = commandInvocations(trigger, parsed, options.botName, notes)
    if (invocations.length > 0) return run(invocations)
  }

  const names = eventNamesOf(event)
  const action = event.action?.toLowerCase() ?? null
  const isComment = COMMENT_EVENTS.has(names[0] ?? '')
  const actionBinding =
    action === null
      ? undefined
      : findBinding(
          trigger,
          names.map((n) => `${n}.${action}`)
        )
  if (mode === 'edited' && parsed && parsed.commands.length > 0 && !actionBinding) notes.push('edited comment: commands are not re-run')
  if (actionBinding) return run([bindingInvocation('event-action', actionBinding, '')])
  if (isComment && (action === 'edited' || action === 'deleted')) {
    return skip(`${event.name}.${action} is not bound (edited and deleted comments do not re-run commands)`)
  }

  const eventBinding = findBinding(trigger, names)
  if (eventBinding) return run([bindingInvocation('event', eventBinding, '')])

  const defaultAgent = trigger.defaultAgent
  if (!isComment) {
    if (defaultAgent) return run([{ via: 'default-agent', key: null, args: '', target: { kind: 'agent', name: defaultAgent }, params: {} }])
    const key = action === null ? event.name : `${event.name}.${action} or ${event.name}`
    return skip(`no binding for ${key} and no default_agent`)
  }
  if (defaultAgent && mode === 'parse' && parsed?.mentioned) {
    const args = parsed.commands.find((c) => c.key === null)?.args ?? ''
    return run([{ via: 'mention', key: null, args, target: { kind: 'agent', name: defaultAgent }, params: {} }])
  }
  return skip(commentOutcome(mode === 'parse' ? parsed : null, options.botName))
}
