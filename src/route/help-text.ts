import type { TriggerDef } from '../config/types.js'
import { slashBindings } from './command-keys.js'

/** Table cells are one line and must not close the cell or a code span early. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

/** The `/help` answer: the commands this Trigger accepts, as a markdown table. */
export function helpText(trigger: TriggerDef, botName: string): string {
  const bindings = slashBindings(trigger)
  const lines = [`**Commands** (trigger ${code(trigger.name)})`, '']
  if (bindings.length === 0) {
    lines.push('This trigger defines no commands.')
  } else {
    lines.push('| Command | Runs | Description |', '| --- | --- | --- |')
    for (const b of bindings) {
      const key = b.key.trim().replace(/^\//, '')
      lines.push(`| ${code(`/${cell(key)}`)} | ${b.target.kind} ${code(cell(b.target.name))} | ${cell(b.description)} |`)
    }
    lines.push('', `${code(`@${botName} <command>`)} works the same as ${code('/<command>')}. Commands inside code blocks or quotes are ignored.`)
  }
  if (trigger.defaultAgent) {
    lines.push('', `Mentioning ${code(`@${botName}`)} without a command asks agent ${code(trigger.defaultAgent)}.`)
  }
  return lines.join('\n')
}
