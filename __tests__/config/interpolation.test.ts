import { describe, expect, it } from '@jest/globals'
import { errors, load, warnings, where } from './memory-source.js'

describe('${VAR} interpolation', () => {
  it('replaces variables in every string value from env, before validation', async () => {
    const config = await load(
      {
        'aof/t.yaml': `kind: Trigger
metadata: {name: t}
spec:
  type: GitHub
  config:
    repositories: ["\${ORG}/api", "\${ORG}/web-*"]
    allowed_users:
      - \${LEAD}
  default_agent: a
---
kind: Agent
metadata: {name: a}
spec:
  model: \${MODEL}
  instructions: Work for \${ORG}.
`
      },
      { ORG: 'myorg', LEAD: 'alice', MODEL: 'google:gemini-2.5-flash' }
    )
    expect(config.diagnostics).toEqual([])
    expect(config.triggers[0]).toMatchObject({ repositories: ['myorg/api', 'myorg/web-*'], allowedUsers: ['alice'] })
    expect(config.agents.a).toMatchObject({ model: 'google:gemini-2.5-flash', instructions: 'Work for myorg.' })
  })

  it('fails on an unset variable in a field the action uses, naming file, line and variable', async () => {
    const config = await load({ 'aof/a.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  instructions: |\n    Deploy with $HOME and ${DEPLOY_KEY}.\n' })
    expect(errors(config).map((d) => [where(d), d.message])).toEqual([
      [
        'error aof/a.yaml:4 spec.instructions',
        "spec.instructions uses ${DEPLOY_KEY}, but DEPLOY_KEY is not set; set it in the workflow step's env:, or write $${DEPLOY_KEY} for a literal ${DEPLOY_KEY}"
      ]
    ])
  })

  it('treats an empty value as set', async () => {
    const config = await load({ 'aof/a.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  instructions: "[${EMPTY}]"\n' }, { EMPTY: '' })
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.instructions).toBe('[]')
  })

  it('turns $${VAR} into a literal ${VAR} without looking it up', async () => {
    const config = await load(
      { 'aof/a.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  instructions: "echo $${PR_NUMBER} ${X}"\n' },
      { X: 'x', PR_NUMBER: '9' }
    )
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.instructions).toBe('echo ${PR_NUMBER} x')
  })

  it('leaves ${...} that is not a variable name alone', async () => {
    const config = await load({ 'aof/a.yaml': 'kind: Agent\nmetadata: {name: a}\nspec:\n  instructions: "token ${{ github.token }} and ${node.output}"\n' })
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.instructions).toBe('token ${{ github.token }} and ${node.output}')
  })

  it('does not interpolate keys', async () => {
    const config = await load(
      {
        'aof/t.yaml':
          'kind: Trigger\nmetadata: {name: t}\nspec:\n  type: GitHub\n  commands:\n    /${CMD}: {agent: a}\n---\nkind: Agent\nmetadata: {name: a}\nspec: {}\n'
      },
      { CMD: 'x' }
    )
    expect(config.triggers[0]?.commands[0]?.key).toBe('${CMD}')
  })

  it('says nothing about an unset variable in an unknown field beyond the unknown-field warning', async () => {
    const config = await load({ 'aof/t.yaml': 'kind: Trigger\nmetadata: {name: t}\nspec:\n  type: GitHub\n  config:\n    bot_token: ${SLACK_BOT_TOKEN}\n' })
    expect(errors(config)).toEqual([])
    expect(
      warnings(config)
        .filter((d) => d.field)
        .map(where)
    ).toEqual(['warning aof/t.yaml:6 spec.config.bot_token'])
  })

  it('in flows reads only UPPER_CASE names from env, leaving ${event} and ${node.output} to the flow', async () => {
    const config = await load(
      {
        'aof/f.yaml':
          'kind: AgentFlow\nmetadata: {name: f}\nspec:\n  nodes:\n    - id: r\n      type: Response\n      config:\n        message: "${event} ${trigger} ${ENVIRONMENT}"\n'
      },
      { ENVIRONMENT: 'prod', event: 'no' }
    )
    expect(errors(config)).toEqual([])
    expect(config.flows.f?.nodes[0]?.config.message).toBe('${event} ${trigger} prod')
  })
})
