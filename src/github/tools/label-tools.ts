import type { Tool } from '../../shared/tool.js'
import { removalRefusal } from '../plan-labels.js'
import type { Publisher } from '../publisher.js'
import { describeOutcome } from './describe-outcome.js'
import { requireNumber, type AgentWritePolicy, type GitHubToolContext } from './tool-context.js'
import { ok, readString, readStringList, runTool } from './tool-input.js'

function labelHint(policy: AgentWritePolicy, removing: boolean): string {
  if (policy.allowedLabels && policy.allowedLabels.length > 0) return ` Allowed labels: ${policy.allowedLabels.join(', ')}.`
  if (removing) return ' This agent has no allowed_labels, so removing is refused.'
  if (policy.labelTriggers?.length) return ' This agent has no allowed_labels, and the config reacts to labels, so adding is refused.'
  return policy.createLabels ? '' : ' Only labels that already exist in the repository (see github_list_labels) are applied.'
}

export function addLabelsTool(ctx: GitHubToolContext, publisher: Publisher, policy: AgentWritePolicy): Tool {
  return {
    name: 'github_add_labels',
    description: `Add labels to the issue or pull request this run is about.${labelHint(policy, false)}`,
    inputSchema: {
      type: 'object',
      properties: { labels: { type: 'array', items: { type: 'string' }, description: 'Label names.' } },
      required: ['labels']
    },
    run: (input) =>
      runTool(async () => {
        const number = requireNumber(ctx)
        const outcome = await publisher.addLabels(number, readStringList(input, 'labels'), policy)
        const what = outcome.added.length > 0 ? `labels ${outcome.added.join(', ')} on #${number}` : `labels on #${number}`
        const text = describeOutcome(what, outcome, publisher.dryRun)
        // Every label refused: an error the model can react to, not a quiet success.
        return outcome.added.length === 0 && outcome.dropped.length > 0 ? { content: text, isError: true } : ok(text)
      })
  }
}

export function removeLabelTool(ctx: GitHubToolContext, publisher: Publisher, policy: AgentWritePolicy): Tool {
  return {
    name: 'github_remove_label',
    description: `Remove one label from the issue or pull request this run is about.${labelHint(policy, true)}`,
    inputSchema: {
      type: 'object',
      properties: { label: { type: 'string', description: 'Label name.' } },
      required: ['label']
    },
    run: (input) =>
      runTool(async () => {
        const number = requireNumber(ctx)
        const label = readString(input, 'label', true)
        const outcome = await publisher.removeLabel(number, label, policy)
        const text = describeOutcome(`label '${label}' removed from #${number}`, outcome, publisher.dryRun)
        return removalRefusal(label, policy) ? { content: text, isError: true } : ok(text)
      })
  }
}
