// What a tool call may run, decided before anything is spawned. Pure: the model's input and the
// agent's settings in, the program and arguments (or the refusal) out.
import { GIT_READ_ONLY } from '../config/agent-tools.js'

export type Checked<T> = ({ ok: true } & T) | { ok: false; reason: string }

/** Shell built-ins that do nothing beyond themselves; a command may use them whatever the allow-list. */
const HARMLESS_BUILTINS = ['cd', 'echo', 'pwd', 'true']

const MAX_ARGS = 256
const MAX_ARG_CHARS = 8_192
const MAX_COMMAND_CHARS = 8_192

/** A character outside quotes that is part of a word. Everything else either separates words or is refused. */
const WORD_CHAR = /[A-Za-z0-9_./:=,@%+\-*?[\]~^]/
/** Inside double quotes: no expansion, no escapes, nothing the shell would interpret. */
const DOUBLE_QUOTED_REFUSED = /[$`\\!]/

/** The words of each simple command of a `;`, `&&`, `||`, `|` list; null with the reason when the text holds anything else. */
export function splitShellCommand(command: string): Checked<{ commands: string[][] }> {
  if (command.length > MAX_COMMAND_CHARS) return { ok: false, reason: `the command is longer than ${MAX_COMMAND_CHARS} characters` }
  const commands: string[][] = [[]]
  let word: string | null = null
  const endWord = (): void => {
    if (word !== null) commands[commands.length - 1]?.push(word)
    word = null
  }
  const endCommand = (operator: string): Checked<object> => {
    endWord()
    if ((commands[commands.length - 1] ?? []).length === 0) return { ok: false, reason: `'${operator}' has no command before it` }
    commands.push([])
    return { ok: true }
  }
  for (let i = 0; i < command.length; i++) {
    const ch = command[i] as string
    if (ch === ' ' || ch === '\t') {
      endWord()
      continue
    }
    if (ch === "'" || ch === '"') {
      const close = command.indexOf(ch, i + 1)
      if (close < 0) return { ok: false, reason: `an unclosed ${ch} quote` }
      const inner = command.slice(i + 1, close)
      if (ch === '"' && DOUBLE_QUOTED_REFUSED.test(inner)) return { ok: false, reason: 'a $, `, \\ or ! inside double quotes (use single quotes)' }
      word = (word ?? '') + inner
      i = close
      continue
    }
    const two = command.slice(i, i + 2)
    if (two === '&&' || two === '||') {
      const ended = endCommand(two)
      if (!ended.ok) return ended
      i++
      continue
    }
    if (ch === ';' || ch === '|') {
      const ended = endCommand(ch)
      if (!ended.ok) return ended
      continue
    }
    // `2>&1` alone: stderr is captured either way, but it is what a command line usually says.
    if (word === null && command.startsWith('2>&1', i) && /^(\s|;|\||&&|$)/.test(command.slice(i + 4))) {
      i += 3
      continue
    }
    if (!WORD_CHAR.test(ch)) {
      return {
        ok: false,
        reason: `the character ${JSON.stringify(ch)} (redirections, substitutions, variables, subshells and background jobs cannot be checked)`
      }
    }
    word = (word ?? '') + ch
  }
  endWord()
  const last = commands[commands.length - 1] ?? []
  if (last.length === 0) {
    if (commands.length === 1) return { ok: false, reason: 'the command is empty' }
    return { ok: false, reason: 'the command ends with an operator' }
  }
  return { ok: true, commands }
}

/**
 * A `shell` call: with an allow-list, each simple command of the text must start with a listed
 * program named plainly (no path, no variable assignment), and the text may hold nothing the
 * check cannot read; without one, any command runs (the run is trusted, and the tool is the shell).
 */
export function checkShellCommand(command: unknown, allowed: readonly string[] | null): Checked<{ command: string; programs: string[] }> {
  if (typeof command !== 'string' || command.trim() === '') return { ok: false, reason: 'command must be a non-empty string' }
  if (command.includes('\0')) return { ok: false, reason: 'the command holds a NUL character' }
  if (allowed === null) return { ok: true, command, programs: [] }
  const split = splitShellCommand(command)
  if (!split.ok) return { ok: false, reason: `refused: ${split.reason}; this tool runs only commands of plain words joined by ;, &&, || or |` }
  const programs = split.commands.map((words) => words[0] as string)
  for (const program of programs) {
    if (!allowed.includes(program) && !HARMLESS_BUILTINS.includes(program)) {
      return { ok: false, reason: `refused: '${program}' is not in this tool's allowed_commands (${allowed.join(', ')})` }
    }
  }
  return { ok: true, command, programs }
}

/** The model's argument list: strings only, bounded. */
export function checkArgs(args: unknown): Checked<{ args: string[] }> {
  if (!Array.isArray(args) || args.length === 0) return { ok: false, reason: 'args must be a non-empty list of strings, e.g. ["get", "pods"]' }
  if (args.length > MAX_ARGS) return { ok: false, reason: `at most ${MAX_ARGS} arguments` }
  for (const arg of args) {
    if (typeof arg !== 'string') return { ok: false, reason: 'every argument must be a string' }
    if (arg.includes('\0')) return { ok: false, reason: 'an argument holds a NUL character' }
    if (arg.length > MAX_ARG_CHARS) return { ok: false, reason: `an argument is longer than ${MAX_ARG_CHARS} characters` }
  }
  return { ok: true, args: args as string[] }
}

/** A CLI tool's call: with an allow-list, the first argument is the subcommand and must be listed. */
export function checkCliArgs(program: string, args: unknown, allowed: readonly string[] | null): Checked<{ args: string[] }> {
  const checked = checkArgs(args)
  if (!checked.ok || allowed === null) return checked
  const sub = checked.args[0] as string
  if (!allowed.includes(sub)) {
    return {
      ok: false,
      reason: `refused: ${program} ${sub} is not allowed; the first argument must be one of this tool's allowed_commands (${allowed.join(', ')})`
    }
  }
  return checked
}

/** Options that make a reading git command run a program or write a file. */
const GIT_REFUSED_OPTION =
  /^(-c|-C|-O.*|--open-files-in-pager.*|--output.*|--ext-diff|--textconv|--exec.*|--upload-pack.*|--receive-pack.*|--config-env.*|--git-dir.*|--work-tree.*)$/

/** Prepended to every git call: no pager, no fsmonitor program; a reading call runs no hook either. */
export function gitPrefix(writes: boolean): string[] {
  return ['--no-pager', '-c', 'core.fsmonitor=false', ...(writes ? [] : ['-c', 'core.hooksPath=/dev/null'])]
}

/**
 * A `git` call: the subcommand first, one of `allowed` (default: the read-only ones). A reading
 * subcommand may not carry an option that runs a program or writes a file.
 */
export function checkGitArgs(args: unknown, allowed: readonly string[] | null): Checked<{ args: string[]; writes: boolean }> {
  const checked = checkArgs(args)
  if (!checked.ok) return checked
  const list = allowed ?? GIT_READ_ONLY
  const sub = checked.args[0] as string
  if (!list.includes(sub)) {
    return {
      ok: false,
      reason: `refused: git ${sub} is not allowed; the first argument must be one of ${list.join(', ')}${allowed === null ? " (the read-only subcommands; the agent's YAML may allow more with allowed_commands)" : ''}`
    }
  }
  const writes = !(GIT_READ_ONLY as readonly string[]).includes(sub)
  if (!writes) {
    const bad = checked.args.slice(1).find((a) => GIT_REFUSED_OPTION.test(a.split('=')[0] as string) || GIT_REFUSED_OPTION.test(a))
    if (bad !== undefined) return { ok: false, reason: `refused: the option ${bad} can run a program or write a file` }
  }
  return { ok: true, args: checked.args, writes }
}

/** A command line as a person would type it, for the summary and the model. */
export function displayCommand(program: string, args: readonly string[]): string {
  const quote = (a: string): string => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)
  return [program, ...args.map(quote)].join(' ')
}
