import { describeDiagnostic } from '../config/describe-diagnostic.js'
import type { InvocationOutcome, RunRecord, WriteText } from './types.js'

/** Table cells must not break the table: pipes escaped, newlines folded. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Text others wrote (arguments, details, label names): shown as written, never as HTML. */
function plain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function eventLine(record: RunRecord): string {
  const { name, action, repository, number, sender } = record.event
  const what = action ? `${name}.${action}` : name
  const where = repository ? ` on ${repository}${number !== null ? `#${number}` : ''}` : ''
  const who = sender ? ` by @${sender}` : ''
  return `\`${what}\`${where}${who}`
}

function headline(record: RunRecord): string {
  const decision = record.decision
  if (record.error && !decision?.matched) return `**Failed:** ${record.error}`
  if (!decision) return '**Not routed**: the config could not be used.'
  if (!decision.matched) return `**No match**: ${decision.skippedReason ?? 'no Trigger took this event.'}`
  const targets = record.outcomes.map((o) => `\`${o.target}\``).join(', ')
  return `**Routed** by trigger \`${decision.trigger}\` to ${targets || 'nothing'}.`
}

function triggerTable(record: RunRecord): string[] {
  const verdicts = record.decision?.verdicts ?? []
  if (verdicts.length === 0) return []
  const rows = verdicts.map((v) => `| ${v.matched ? '✅' : '—'} | \`${cell(v.trigger)}\` | ${cell(v.file)}:${v.line} | ${cell(v.reason)} |`)
  return ['### Triggers considered', '', '| | trigger | file | why |', '|---|---|---|---|', ...rows, '']
}

function usageText(o: InvocationOutcome): string {
  if (!o.usage) return '—'
  const cost = o.costUsd === undefined || o.costUsd === null ? '' : ` ($${o.costUsd.toFixed(4)})`
  return `${o.usage.inputTokens} in / ${o.usage.outputTokens} out${cost}`
}

function outcomeTable(record: RunRecord): string[] {
  if (record.outcomes.length === 0) return []
  const rows = record.outcomes.map((o) => {
    const inv = o.invocation
    const command = inv.key === null ? `(${inv.via})` : `\`${cell(inv.via === 'command' || inv.via === 'mention' ? '/' + inv.key : inv.key)}\``
    const args = inv.args ? ` ${plain(cell(inv.args))}` : ''
    return `| ${command}${args} | \`${cell(o.target)}\` | ${o.status} | ${plain(cell(o.detail))} | ${usageText(o)} |`
  })
  return ['### What ran', '', '| command | target | status | detail | tokens |', '|---|---|---|---|---|', ...rows, '']
}

/** Every MCP tool call: which server and tool, how long, whether it worked (never what it returned). */
function mcpSection(record: RunRecord): string[] {
  const rows = record.outcomes.flatMap((o) =>
    (o.mcpCalls ?? []).map(
      (c) =>
        `| \`${cell(c.agent ?? o.target)}\` | \`${cell(c.server)}\` | \`${cell(c.tool)}\` | ${c.durationMs} ms | ${c.ok ? 'ok' : `error: ${plain(cell(c.error ?? 'failed'))}`} |`
    )
  )
  if (rows.length === 0) return []
  return ['### MCP calls', '', '| agent | server | tool | took | result |', '|---|---|---|---|---|', ...rows, '']
}

/** Longest command shown; the start says what it was. */
const MAX_COMMAND = 300

/** Every program an agent's tool ran or was refused, and every file it wrote, in order. */
function commandsSection(record: RunRecord): string[] {
  if (record.commands.length === 0) return []
  const rows = record.commands.map((c) => {
    const command = c.command.length > MAX_COMMAND ? `${c.command.slice(0, MAX_COMMAND)}…` : c.command
    const seconds = c.durationMs > 0 ? `${(c.durationMs / 1000).toFixed(2)} s` : '—'
    return `| \`${cell(c.agent)}\` | ${cell(c.tool)} | <code>${plain(cell(command))}</code> | ${c.exitCode ?? '—'} | ${seconds} | ${plain(cell(c.result))} |`
  })
  return ['### Commands run by agents’ tools', '', '| agent | tool | command | exit code | duration | result |', '|---|---|---|---|---|---|', ...rows, '']
}

function writesSection(record: RunRecord): string[] {
  if (record.writes.length === 0) return record.dryRun ? ['### Writes', '', 'None would have been made.', ''] : []
  const title = record.dryRun ? '### Writes it would have made (dry-run)' : '### Writes'
  const rows = record.writes.map((w) => {
    const link = w.url ? ` ([link](${w.url}))` : ''
    return `- ${w.planned ? '(planned) ' : ''}\`${w.operation}\`: ${plain(w.summary)}${link}`
  })
  return [title, '', ...rows, '', ...record.writes.flatMap((w) => (w.texts ?? []).flatMap(textBlock))]
}

/** Longest text shown per write: the summary has a size limit, and the start says what it is. */
const MAX_TEXT = 6000

/** A text the run would have posted, collapsed; inside <pre> and escaped, so it shows as written. */
function textBlock(text: WriteText): string[] {
  const shown = text.body.length > MAX_TEXT ? `${text.body.slice(0, MAX_TEXT)}\n… (${text.body.length - MAX_TEXT} more characters)` : text.body
  return [`<details><summary>${plain(cell(text.label))}</summary>`, '', `<pre>${plain(shown)}</pre>`, '', '</details>', '']
}

function instructionsSection(record: RunRecord): string[] {
  const shown = record.outcomes.filter((o) => o.instructions !== undefined)
  return shown.flatMap((o) => [
    `<details><summary>Instructions given to <code>${o.target}</code>${o.model ? ` (${o.model})` : ''}${o.tools?.length ? `, tools: ${o.tools.join(', ')}` : ''}</summary>`,
    '',
    '```text',
    (o.instructions ?? '').replace(/```/g, '`\u200b``'),
    '```',
    '</details>',
    ''
  ])
}

function diagnosticsSection(record: RunRecord): string[] {
  if (record.diagnostics.length === 0) return []
  const icon = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const
  const rows = record.diagnostics.map((d) => `- ${icon[d.severity]} ${d.file}:${d.line}${d.field ? ` \`${d.field}\`` : ''}: ${describeDiagnostic(d)}`)
  return ['### Config findings', '', ...rows, '']
}

/** The job summary: what was routed where and why, on every run, matched or not. */
export function buildSummary(record: RunRecord): string {
  const lines = [
    `## github-agent${record.dryRun ? ' (dry-run)' : ''}`,
    '',
    `${eventLine(record)}: ${headline(record)}`,
    '',
    `Config: ${record.configFiles.length} file(s) from ${record.configSource}. Conclusion: **${record.conclusion}**. Took ${Math.round(record.durationMs)} ms.`,
    '',
    ...(record.notes.length ? [...record.notes.map((n) => `- ${n}`), ''] : []),
    ...(record.decision?.notes.length ? [...record.decision.notes.map((n) => `- ${n}`), ''] : []),
    ...triggerTable(record),
    ...outcomeTable(record),
    ...mcpSection(record),
    ...commandsSection(record),
    ...writesSection(record),
    ...instructionsSection(record),
    ...diagnosticsSection(record)
  ]
  return lines.join('\n')
}
