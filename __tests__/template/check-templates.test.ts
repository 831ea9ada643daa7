import type { AgentDef } from '../../src/config/types.js'
import { checkTemplates } from '../../src/template/check-templates.js'
import { aConfig, aFleet, aFlow, anAgent, aTrigger } from '../route/builders.js'

function agents(...list: AgentDef[]): Record<string, AgentDef> {
  return Object.fromEntries(list.map((a) => [a.name, a]))
}

describe('checkTemplates', () => {
  it("accepts the reference's code-reviewer instructions on a pull_request Trigger", () => {
    const reviewer = anAgent(
      'code-reviewer',
      'Review PR #{{ metadata.pr_number }} in {{ metadata.repo_full_name }}.\nBase {{ metadata.pr_base_ref }}, head {{ metadata.pr_head_sha }}, +{{ metadata.pr_additions }} -{{ metadata.pr_deletions }} in {{ metadata.pr_changed_files }} files.'
    )
    const config = aConfig([aTrigger('pr-review', { events: ['pull_request'], defaultAgent: 'code-reviewer' })], { agents: agents(reviewer) })
    expect(checkTemplates(config)).toEqual([])
  })

  it('warns at the agent for a name that exists for no event, suggesting the closest', () => {
    const config = aConfig([], { agents: agents(anAgent('a', 'PR {{ metadata.pr_numbr }}')) })
    expect(checkTemplates(config)).toEqual([
      {
        severity: 'warning',
        message: 'agent a: {{ metadata.pr_numbr }} names no metadata variable (did you mean pr_number?); it renders empty',
        file: '.github/aof/agents/a.yaml',
        line: 3,
        field: 'spec.instructions'
      }
    ])
  })

  it('warns for a PR variable in an agent only issues reach', () => {
    const config = aConfig([aTrigger('issue-triage', { events: ['issues'], defaultAgent: 'triager' })], {
      agents: agents(anAgent('triager', 'Issue #{{ metadata.issue_number }}, PR {{ metadata.pr_number }}'))
    })
    expect(checkTemplates(config).map((d) => d.message)).toEqual([
      'agent triager: {{ metadata.pr_number }} is never set for the events that reach it (trigger issue-triage: issues); it renders empty'
    ])
  })

  it('accepts a name that any one of the routes can set', () => {
    const config = aConfig(
      [aTrigger('issues', { events: ['issues'], defaultAgent: 'helper' }), aTrigger('pushes', { events: ['push'], defaultAgent: 'helper' })],
      { agents: agents(anAgent('helper', '{{ metadata.ref }} {{ metadata.issue_number }}')) }
    )
    expect(checkTemplates(config)).toEqual([])
  })

  it("uses the event of an event key, not the Trigger's whole event list", () => {
    const config = aConfig([aTrigger('t', { events: ['pull_request', 'push'], commands: { push: 'agent:builder' } })], {
      agents: agents(anAgent('builder', 'Build {{ metadata.after_sha }} of PR {{ metadata.pr_number }}'))
    })
    expect(checkTemplates(config).map((d) => d.message)).toEqual([
      'agent builder: {{ metadata.pr_number }} is never set for the events that reach it (trigger t: push); it renders empty'
    ])
  })

  it('lets a slash-command reach comment variables on a Trigger with no event list', () => {
    const config = aConfig([aTrigger('t', { commands: { '/explain': 'agent:explainer' } })], {
      agents: agents(anAgent('explainer', '{{ metadata.comment_body }} {{ command.args }} {{ params.depth }}'))
    })
    expect(checkTemplates(config)).toEqual([])
  })

  it('checks fleet members and flow agents against the Triggers routing to the fleet or flow', () => {
    const member = anAgent('sec', 'Commit {{ metadata.after_sha }}')
    const flowAgent = anAgent('deployer', 'Deploy {{ metadata.ref }}')
    const config = aConfig([aTrigger('t', { events: ['pull_request'], commands: { 'pull_request.opened': 'fleet:review', '/deploy': 'flow:deploy' } })], {
      agents: agents(flowAgent),
      fleets: { review: aFleet('review', [member]) },
      flows: { deploy: aFlow('deploy', ['deployer']) }
    })
    expect(checkTemplates(config).map((d) => d.message)).toEqual([
      'agent deployer: {{ metadata.ref }} is never set for the events that reach it (trigger t: pull_request); it renders empty',
      'agent sec: {{ metadata.after_sha }} is never set for the events that reach it (trigger t: pull_request); it renders empty'
    ])
  })

  it('warns about command names other than args and name', () => {
    const config = aConfig([], { agents: agents(anAgent('a', '{{ command.user }}')) })
    expect(checkTemplates(config).map((d) => d.message)).toEqual([
      'agent a: {{ command.user }} is not a template variable (only command.args and command.name exist)'
    ])
  })

  it('warns once per placeholder even when it repeats', () => {
    const config = aConfig([], { agents: agents(anAgent('a', '{{ metadata.nope }} {{ metadata.nope }}')) })
    expect(checkTemplates(config)).toHaveLength(1)
  })
})
