// The routed invocations, in order: refused ones recorded (and answered where the Trigger asks),
// `/help` answered, everything else run as its target.
import { runTarget } from '../execute/run-target.js'
import type { InvocationOutcome, RunRecord } from '../report/types.js'
import type { Config, Diagnostic, TargetRef } from '../config/types.js'
import type { Decision, Invocation } from '../route/types.js'
import type { RunContext } from './run-context.js'
import { createTargetShell } from './target-shell.js'

async function runInvocation(
  ctx: RunContext,
  commentKey: string,
  invocation: Invocation,
  refusal: string | undefined,
  record: RunRecord
): Promise<InvocationOutcome> {
  const { settings, event } = ctx
  const skipped = invocation.target ? skippedTarget(ctx.config, invocation.target) : null
  if (skipped && invocation.target && !refusal) return failSkipped(invocation, invocation.target, skipped)
  if (refusal)
    return { invocation, target: invocation.target ? `${invocation.target.kind}:${invocation.target.name}` : 'help', status: 'refused', detail: refusal }
  if (invocation.via === 'help') {
    if (ctx.publisher && event.number !== null && invocation.helpText) {
      await ctx.publisher.upsertComment(event.number, `${commentKey}/help`, invocation.helpText)
    }
    return { invocation, target: 'help', status: settings.dryRun ? 'dry-run' : 'ran', detail: 'answered with the commands this repository accepts' }
  }
  const { outcome, outputs } = await runTarget(createTargetShell(ctx, commentKey), invocation)
  Object.assign(record.extraOutputs, outputs)
  return outcome
}

function skippedTarget(config: Config, target: TargetRef): Diagnostic[] | null {
  const byName = config.skipped[target.kind]
  return Object.hasOwn(byName, target.name) ? (byName[target.name] ?? null) : null
}

/**
 * The event routed to something that did not load: this run fails with the reasons, which become
 * errors again (annotations on their files and lines), where every other run only warns of them.
 */
function failSkipped(invocation: Invocation, target: TargetRef, reasons: Diagnostic[]): InvocationOutcome {
  for (const reason of reasons) reason.severity = 'error'
  const first = reasons[0]
  const why = first ? `: ${first.message} (${first.file}:${first.line})${reasons.length > 1 ? `, and ${reasons.length - 1} more problem(s)` : ''}` : ''
  return { invocation, target: `${target.kind}:${target.name}`, status: 'failed', detail: `${target.kind} '${target.name}' did not load${why}` }
}

/**
 * A refused command is silent on the thread unless its Trigger says `reply_on_refusal: true`:
 * strangers should not be able to make the bot write, even to say no.
 */
async function replyToRefusals(ctx: RunContext, trigger: string | null, refused: Map<Invocation, string>): Promise<void> {
  const binding = ctx.config.triggers.find((t) => t.name === trigger)
  if (refused.size === 0 || !binding?.replyOnRefusal || !ctx.publisher || ctx.event.number === null) return
  const lines = [...refused].map(([invocation, reason]) => `- \`/${invocation.key ?? ''}\` was not run: ${reason}.`)
  await ctx.publisher.upsertComment(ctx.event.number, `${binding.name}/refused`, lines.join('\n'))
}

export async function runInvocations(ctx: RunContext, decision: Decision, refused: Map<Invocation, string>, record: RunRecord): Promise<void> {
  const commentKey = decision.trigger ?? 'github-agent'
  for (const invocation of decision.invocations) {
    record.outcomes.push(await runInvocation(ctx, commentKey, invocation, refused.get(invocation), record))
  }
  await replyToRefusals(ctx, decision.trigger, refused)
}
