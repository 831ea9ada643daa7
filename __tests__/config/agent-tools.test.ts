import { describe, expect, it } from '@jest/globals'
import { builtinTool, GIT_READ_ONLY, toolRunsCode, type ToolSettings } from '../../src/config/agent-tools.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { Config } from '../../src/config/types.js'
import { checkFlow } from '../../src/flow/check-flow.js'
import { createMemorySource, errors, warnings, where } from './memory-source.js'

/** An agent listing `tools` (YAML flow text), loaded on a host that has only `programs`. */
function loadAgent(tools: string, programs: string[] | null = ['sh', 'bash', 'git', 'kubectl'], env: Record<string, string> = {}): Promise<Config> {
  const files = { 'aof/a.yaml': `kind: Agent\nmetadata: {name: a}\nspec:\n  tools:\n${tools}` }
  const toolHost = programs === null ? undefined : { hasProgram: (name: string) => programs.includes(name) }
  return loadConfig(createMemorySource(files), 'aof', env, checkFlow, toolHost ? { toolHost } : {})
}

const settings = (s: Partial<ToolSettings> = {}): ToolSettings => ({ allowedCommands: null, workingDirectory: '', timeoutSeconds: 120, env: {}, ...s })

describe('builtinTool and toolRunsCode', () => {
  it.each<[string, ToolSettings | undefined, string | null, boolean]>([
    ['github_post_comment', undefined, 'github', false],
    ['shell', settings(), 'shell', true],
    ['bash', settings(), 'shell', true],
    ['read_file', settings(), 'file-read', false],
    ['search_files', settings(), 'file-read', false],
    ['write_file', settings(), 'file-write', true],
    ['git', settings(), 'git', false],
    ['git', settings({ allowedCommands: ['status', 'diff'] }), 'git', false],
    ['git', settings({ allowedCommands: ['status', 'commit'] }), 'git', true],
    ['kubectl', settings(), 'cli', true],
    ['python3', settings(), 'cli', true],
    ['prometheus_query', undefined, null, false],
    ['kubectl_get', undefined, null, false]
  ])('%s %j is %s, runs code: %s', (name, s, kind, runs) => {
    expect(builtinTool(name)?.kind ?? null).toBe(kind)
    expect(toolRunsCode(name, s)).toBe(runs)
  })

  it('keeps branch and tag out of the read-only git subcommands (with a name they create one)', () => {
    expect(GIT_READ_ONLY).not.toContain('branch')
    expect(GIT_READ_ONLY).not.toContain('tag')
  })
})

describe('an agent’s tools at load: runnable here, or an error at the tool saying why', () => {
  it.each<[string, string, string[] | null, string[]]>([
    ['an unknown name', '    - prometheus_query\n', null, ["error aof/a.yaml:5 spec.tools[0] tool 'prometheus_query' is unknown here"]],
    ['a program missing on PATH', '    - helm\n', ['sh'], ["error aof/a.yaml:5 spec.tools[0] tool 'helm' needs the program 'helm', which is not on PATH here"]],
    ['a program present', '    - kubectl\n    - shell\n', ['kubectl', 'sh'], []],
    ['bash needs bash', '    - bash\n', ['sh'], ["error aof/a.yaml:5 spec.tools[0] tool 'bash' needs the program 'bash'"]],
    ['a disabled tool needs no program', '    - {name: helm, enabled: false}\n', ['sh'], []],
    ['files need no program', '    - read_file\n    - write_file\n', [], []],
    [
      'an unknown setting',
      '    - {name: shell, config: {allowed_commandz: [npx]}}\n',
      null,
      ["error aof/a.yaml:5 spec.tools[0].config.allowed_commandz unknown setting 'allowed_commandz'"]
    ],
    [
      'allowed_commands that are not words',
      '    - {name: shell, config: {allowed_commands: ["npx; rm"]}}\n',
      null,
      ['error aof/a.yaml:5 spec.tools[0].config.allowed_commands expected a list of program names']
    ],
    [
      'a working directory outside the workspace',
      '    - {name: shell, config: {working_directory: ../other}}\n',
      null,
      ['error aof/a.yaml:5 spec.tools[0].config.working_directory expected a directory inside the workspace']
    ],
    [
      'an absolute working directory (AOF’s /tmp)',
      '    - type: Shell\n      config: {working_directory: /tmp}\n',
      null,
      ['config.working_directory expected a directory inside']
    ],
    [
      'a timeout too long',
      '    - {name: kubectl, config: {timeout_seconds: 7200}}\n',
      null,
      ['config.timeout_seconds expected a whole number of seconds from 1 to 900']
    ],
    [
      'an env that would change the program run',
      '    - {name: shell, config: {env: {PATH: /tmp/evil}}}\n',
      null,
      ['config.env.PATH expected a variable name (not PATH']
    ],
    [
      'an env the job’s token would ride in',
      '    - {name: shell, config: {env: {GITHUB_TOKEN: x}}}\n',
      null,
      ['config.env.GITHUB_TOKEN expected a variable name']
    ],
    ['file tools run no program', '    - {name: read_file, config: {allowed_commands: [cat]}}\n', null, ["tool 'read_file' runs no program"]],
    ['an HTTP tool', '    - type: HTTP\n      config: {url: x}\n', null, ['a HTTP tool cannot run here']]
  ])('%s', async (_name, tools, programs, expected) => {
    const config = await loadAgent(tools, programs)
    const found = errors(config).map((d) => `${where(d)} ${d.message}`)
    expect(found).toHaveLength(expected.length)
    expected.forEach((text, i) => expect(found[i]).toContain(text))
  })

  it('reads the settings, with ${VAR} from the step’s env', async () => {
    const config = await loadAgent(
      '    - name: kubectl\n      timeout_secs: 30\n      config:\n        allowed_commands: [get, describe]\n        working_directory: ./deploy\n        env: {KUBECONFIG: "${KUBECONFIG}"}\n',
      null,
      { KUBECONFIG: '/home/runner/.kube/config' }
    )
    expect(errors(config)).toEqual([])
    expect(config.agents.a?.tools[0]?.settings).toEqual({
      allowedCommands: ['get', 'describe'],
      workingDirectory: 'deploy',
      timeoutSeconds: 30,
      env: { KUBECONFIG: '/home/runner/.kube/config' }
    })
  })

  it('warns that a GitHub tool’s config is ignored', async () => {
    const config = await loadAgent('    - {name: github_post_comment, config: {max: 3}}\n')
    expect(warnings(config).map((d) => `${where(d)} ${d.message}`)).toContainEqual(expect.stringContaining('spec.tools[0].config tool'))
  })
})
