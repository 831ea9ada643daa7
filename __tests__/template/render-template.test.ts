import { renderTemplate, type TemplateVars } from '../../src/template/render-template.js'

const vars: TemplateVars = {
  metadata: {
    pr_number: 42,
    pr_title: 'Fix {{ metadata.secret }} $& leak',
    pr_draft: false,
    issue_labels: ['bug', 'p1'],
    pr_additions: null,
    secret: 's3cr3t'
  },
  params: { environment: 'production', approvers: ['lead', 'sre'], limits: { cpu: 2 }, retries: 0, nothing: null },
  command: { name: 'deploy production', args: '--dry-run' }
}

describe('renderTemplate', () => {
  it.each([
    ['PR #{{ metadata.pr_number }}', 'PR #42'],
    ['PR #{{metadata.pr_number}}', 'PR #42'],
    ['PR #{{   metadata.pr_number   }}', 'PR #42'],
    ['draft: {{ metadata.pr_draft }}', 'draft: false'],
    ['labels: {{ metadata.issue_labels }}', 'labels: bug, p1'],
    ['+{{ metadata.pr_additions }}', '+'],
    ['env {{ params.environment }}', 'env production'],
    ['approvers {{ params.approvers }}', 'approvers lead, sre'],
    ['limits {{ params.limits }}', 'limits {"cpu":2}'],
    ['retries {{ params.retries }}', 'retries 0'],
    ['nothing [{{ params.nothing }}]', 'nothing []'],
    ['{{ command.name }} {{ command.args }}', 'deploy production --dry-run']
  ])('renders %j as %j', (template, text) => {
    expect(renderTemplate(template, vars)).toEqual({ text, unknown: [] })
  })

  it('renders unknown names empty and lists each once', () => {
    expect(renderTemplate('{{ metadata.pr_numbr }}|{{ params.region }}|{{ metadata.pr_numbr }}|{{ command.user }}', vars)).toEqual({
      text: '|||',
      unknown: ['metadata.pr_numbr', 'params.region', 'command.user']
    })
  })

  it('does not re-scan inserted values, so a PR title cannot inject a template', () => {
    expect(renderTemplate('Title: {{ metadata.pr_title }}', vars).text).toBe('Title: Fix {{ metadata.secret }} $& leak')
  })

  it.each([
    ['GitHub expressions', 'token: ${{ github.token }}'],
    ['other namespaces', '{{ steps.plan.output }} and {{ event.pull_request.number }}'],
    ['code-like syntax', "{{ metadata.pr_number + 1 }} {{ params['environment'] }} {{#if x}}"],
    ['single braces', '{ metadata.pr_number }'],
    ['plain text with special characters', 'Use $1 and $& and \\n literally']
  ])('leaves %s untouched', (_label, template) => {
    expect(renderTemplate(template, vars)).toEqual({ text: template, unknown: [] })
  })

  it('does not reach inherited properties', () => {
    expect(renderTemplate('{{ params.constructor }}{{ metadata.toString }}{{ params.__proto__ }}', vars)).toEqual({
      text: '',
      unknown: ['params.constructor', 'metadata.toString', 'params.__proto__']
    })
  })

  it('renders a null command name empty, as for event-keyed invocations', () => {
    expect(renderTemplate('[{{ command.name }}]', { ...vars, command: { name: null, args: '' } })).toEqual({ text: '[]', unknown: [] })
  })

  it('renders multi-line instructions in place', () => {
    const template = 'You are reviewing PR #{{ metadata.pr_number }}.\nLabels: {{ metadata.issue_labels }}\n'
    expect(renderTemplate(template, vars).text).toBe('You are reviewing PR #42.\nLabels: bug, p1\n')
  })
})
