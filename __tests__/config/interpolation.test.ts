// `${VAR}` exactly where AOF expands it (its flow executor's expand_variables), and nowhere else.
import { describe, expect, it } from '@jest/globals'
import type { Config } from '../../src/config/types.js'
import { errors, load, warnings, where } from './memory-source.js'

const ENV = { ORG: 'myorg', ENVIRONMENT: 'prod', GITHUB_TOKEN: 'ghs_realTokenValue', BOT: 'mybot', Org: 'mixed', X1: 'digits' }

const agent = (field: string, text: string) => `kind: Agent\nmetadata: {name: a}\nspec:\n  model: google:gemini-2.5-flash\n  ${field}: "${text}"\n`
const flowNode = (config: string) => `kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - id: n\n      type: Response\n      config: {${config}}\n`
const agentNode = (config: string) =>
  `kind: Agent\nmetadata: {name: a}\nspec: {model: google:gemini-2.5-flash}\n---\nkind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - id: n\n      type: Agent\n      config: {agent: a, ${config}}\n`

/** Warnings at a field (not the one that says no Trigger is defined). */
const atFields = (config: Config) => warnings(config).filter((d) => d.field !== undefined)

type Case = [kind: string, field: string, yaml: string, read: (c: Config) => unknown, expected: string]

const cases: Case[] = [
  ['Agent', 'spec.instructions', agent('instructions', 'Work for ${ORG}.'), (c) => c.agents.a?.instructions, 'Work for ${ORG}.'],
  ['Agent', 'spec.system_prompt', agent('system_prompt', 'gh with ${GITHUB_TOKEN}'), (c) => c.agents.a?.instructions, 'gh with ${GITHUB_TOKEN}'],
  [
    'flat Agent',
    'system_prompt',
    'name: a\nmodel: google:gemini-2.5-flash\nsystem_prompt: "${ORG} ${GITHUB_TOKEN}"\n',
    (c) => c.agents.a?.instructions,
    '${ORG} ${GITHUB_TOKEN}'
  ],
  [
    'AgentFleet',
    'spec.agents[0].spec.instructions',
    'kind: AgentFleet\nmetadata: {name: f}\nspec:\n  agents:\n    - name: m\n      spec: {model: google:gemini-2.5-flash, instructions: "For ${ORG}"}\n',
    (c) => c.fleets.f?.members[0]?.agent.instructions,
    'For ${ORG}'
  ],
  [
    'Trigger',
    'spec.config.repositories',
    'kind: Trigger\nmetadata: {name: t}\nspec:\n  type: GitHub\n  config: {repositories: ["${ORG}/api"]}\n',
    (c) => c.triggers[0]?.repositories[0],
    '${ORG}/api'
  ],
  [
    'DaemonConfig',
    'spec.platforms.github.bot_name',
    'kind: DaemonConfig\nmetadata: {name: d}\nspec:\n  platforms:\n    github: {bot_name: "${BOT}"}\n',
    (c) => c.botName,
    '${BOT}'
  ],
  [
    'AgentFlow',
    'spec.nodes[0].config.inline.instructions',
    'kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - id: n\n      type: Agent\n      config: {inline: {name: i, model: google:gemini-2.5-flash, instructions: "${ORG} ${GITHUB_TOKEN}"}}\n',
    (c) => (c.flows.f?.nodes[0]?.config.inline as { instructions: string }).instructions,
    '${ORG} ${GITHUB_TOKEN}'
  ],
  ['AgentFlow', 'spec.nodes[0].config.message', flowNode('message: "to ${ENVIRONMENT}"'), (c) => c.flows.f?.nodes[0]?.config.message, 'to prod'],
  ['AgentFlow', 'spec.nodes[0].config.input', agentNode('input: "deploy ${ENVIRONMENT}"'), (c) => c.flows.f?.nodes[0]?.config.input, 'deploy prod'],
  [
    'AgentFlow',
    'spec.nodes[0].config.condition',
    "kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - id: n\n      type: Conditional\n      config: {condition: \"'${ENVIRONMENT}' == 'prod'\"}\n",
    (c) => c.flows.f?.nodes[0]?.config.condition,
    "'prod' == 'prod'"
  ],
  [
    'AgentFlow',
    'spec.connections[0].when',
    "kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - {id: n, type: Response, config: {message: hi}}\n  connections:\n    - {from: start, to: n, when: \"'${ENVIRONMENT}' == 'prod'\"}\n",
    (c) => c.flows.f?.connections[0]?.when,
    "'prod' == 'prod'"
  ],
  [
    'AgentFlow',
    'spec.nodes[0].config.other (a field AOF does not expand)',
    flowNode('message: hi, title: "${ENVIRONMENT}"'),
    (c) => c.flows.f?.nodes[0]?.config.title,
    '${ENVIRONMENT}'
  ],
  ['AgentFlow', 'input with a mixed-case name', agentNode('input: "${Org}"'), (c) => c.flows.f?.nodes[0]?.config.input, '${Org}'],
  ['AgentFlow', 'input with a digit in the name', agentNode('input: "${X1}"'), (c) => c.flows.f?.nodes[0]?.config.input, '${X1}'],
  ['AgentFlow', 'input with a flow variable', agentNode('input: "${event} ${n.output}"'), (c) => c.flows.f?.nodes[0]?.config.input, '${event} ${n.output}']
]

describe('${VAR} expansion, field by kind, as AOF does it', () => {
  it.each(cases)('%s %s', async (_kind, _field, yaml, read, expected) => {
    // In an agents directory, where AOF's flat agent form is read too.
    const config = await load({ 'aof/agents/x.yaml': yaml }, ENV)
    expect(errors(config)).toEqual([])
    expect(read(config)).toBe(expected)
  })

  it('never puts a secret-named variable into text for a model, even where AOF would expand it', async () => {
    const config = await load({ 'aof/x.yaml': agentNode('input: "use ${GITHUB_TOKEN}"') }, ENV)
    expect(config.flows.f?.nodes[0]?.config.input).toBe('use ${GITHUB_TOKEN}')
    expect(JSON.stringify(config)).not.toContain('ghs_realTokenValue')
    expect(atFields(config).map((d) => [where(d), d.message])).toEqual([
      [
        'warning aof/x.yaml:11 spec.nodes[0].config.input',
        'spec.nodes[0].config.input uses ${GITHUB_TOKEN}, which looks like a secret, so it stays as written: this text goes to a model or to GitHub, and a secret never does'
      ]
    ])
  })

  it('fills a secret-named variable where it stays on the runner (a condition), as AOF does', async () => {
    const yaml =
      "kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - id: n\n      type: Conditional\n      config: {condition: \"'${GITHUB_TOKEN}' != ''\"}\n"
    const config = await load({ 'aof/x.yaml': yaml }, ENV)
    expect(config.flows.f?.nodes[0]?.config.condition).toBe("'ghs_realTokenValue' != ''")
  })

  it('keeps an unset variable as written, as AOF does, with a warning at the field', async () => {
    const config = await load({ 'aof/x.yaml': agentNode('input: "to ${REGION}"') })
    expect(errors(config)).toEqual([])
    expect(config.flows.f?.nodes[0]?.config.input).toBe('to ${REGION}')
    expect(atFields(config).map(where)).toEqual(['warning aof/x.yaml:11 spec.nodes[0].config.input'])
  })

  it('demands nothing of fields it never expands: spec.context, agent prompts, webhook secrets', async () => {
    const config = await load({
      'aof/x.yaml': [
        'kind: AgentFlow',
        'metadata: {name: f}',
        'spec:',
        '  context: {env: {KUBECONFIG: "${KUBECONFIG}"}, namespace: "${NAMESPACE}"}',
        '  nodes:',
        '    - {id: n, type: Response, config: {message: hi}}',
        '---',
        'kind: Agent',
        'metadata: {name: a}',
        'spec: {model: google:gemini-2.5-flash, system_prompt: "server ${ARGOCD_SERVER}"}',
        '---',
        'kind: Trigger',
        'metadata: {name: t}',
        'spec: {type: GitHub, config: {webhook_secret: "${GITHUB_WEBHOOK_SECRET}"}, default_agent: a}',
        ''
      ].join('\n')
    })
    expect(errors(config)).toEqual([])
    expect(warnings(config).filter((d) => d.message.includes('${'))).toEqual([])
    expect(config.agents.a?.instructions).toBe('server ${ARGOCD_SERVER}')
  })

  it('does not expand keys', async () => {
    const config = await load(
      {
        'aof/t.yaml':
          'kind: Trigger\nmetadata: {name: t}\nspec:\n  type: GitHub\n  commands:\n    /${CMD}: {agent: a}\n---\nkind: Agent\nmetadata: {name: a}\nspec: {}\n'
      },
      { CMD: 'x' }
    )
    expect(config.triggers[0]?.commands[0]?.key).toBe('${CMD}')
  })
})
