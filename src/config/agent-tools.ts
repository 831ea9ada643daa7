// The tools an agent may list, by AOF's names: what each one is, which program it needs, and
// whether it runs code. Pure data and decisions; the loader checks agents against it, and the
// tools themselves (src/github, src/workspace) are built from it.

/** Every GitHub tool this action provides (src/github builds them). */
export const GITHUB_TOOL_NAMES = [
  'github_get_pull_request',
  'github_get_pull_request_files',
  'github_get_file',
  'github_get_issue',
  'github_list_issue_comments',
  'github_list_commits',
  'github_search_code',
  'github_list_labels',
  'github_get_workflow_run_jobs',
  'github_get_job_log',
  'github_post_comment',
  'github_post_review',
  'github_add_labels',
  'github_remove_label',
  'github_create_check_run',
  'github_update_check_run'
] as const

/** AOF's shell tool and its two other names, with the program each runs the command with. */
export const SHELL_PROGRAMS: Readonly<Record<string, string>> = { shell: 'sh', sh: 'sh', bash: 'bash' }

/** Files in the workspace: reads, and the one write. */
export const FILE_READ_TOOLS = ['read_file', 'list_directory', 'search_files'] as const
export const FILE_WRITE_TOOL = 'write_file'

/** AOF's CLI tools: the program of the same name, run with an argument list. */
export const CLI_TOOLS = [
  'kubectl',
  'helm',
  'terraform',
  'docker',
  'aws',
  'gcloud',
  'az',
  'node',
  'npm',
  'npx',
  'python',
  'python3',
  'jq',
  'make',
  'go',
  'cargo',
  'trivy',
  'argocd',
  'flux',
  'vault',
  'opa'
] as const

/**
 * git subcommands that only read the repository; the `git` tool runs these unless its
 * `allowed_commands` names others. (`branch` and `tag` are absent: with a name they create one.)
 */
export const GIT_READ_ONLY = [
  'status',
  'log',
  'diff',
  'show',
  'ls-files',
  'ls-tree',
  'rev-parse',
  'rev-list',
  'blame',
  'grep',
  'describe',
  'shortlog',
  'cat-file',
  'merge-base',
  'name-rev'
] as const

export type ToolKind = 'github' | 'shell' | 'file-read' | 'file-write' | 'git' | 'cli'

export interface ToolEntry {
  kind: ToolKind
  /** The program it needs on PATH; null when it runs none. */
  program: string | null
}

/** What a tool name is, or null when no built-in tool has it. */
export function builtinTool(name: string): ToolEntry | null {
  if ((GITHUB_TOOL_NAMES as readonly string[]).includes(name)) return { kind: 'github', program: null }
  if (Object.hasOwn(SHELL_PROGRAMS, name)) return { kind: 'shell', program: SHELL_PROGRAMS[name] ?? 'sh' }
  if ((FILE_READ_TOOLS as readonly string[]).includes(name)) return { kind: 'file-read', program: null }
  if (name === FILE_WRITE_TOOL) return { kind: 'file-write', program: null }
  if (name === 'git') return { kind: 'git', program: 'git' }
  if ((CLI_TOOLS as readonly string[]).includes(name)) return { kind: 'cli', program: name }
  return null
}

/** Settings of a tool that runs a program or touches files, from its YAML `config:`. */
export interface ToolSettings {
  /** shell: the programs a command may run; CLIs and git: the subcommands. null: any (git: the read-only ones). */
  allowedCommands: string[] | null
  /** Where it runs, relative to the workspace ('' = the workspace itself). */
  workingDirectory: string
  /** Each call's limit, in seconds. */
  timeoutSeconds: number
  /** Variables the agent's YAML passes to the program (`${VAR}` already resolved from the step's env). */
  env: Record<string, string>
}

/** AOF's default for its CLI tools. */
export const DEFAULT_TOOL_TIMEOUT_SECONDS = 120
/** No single call runs longer, whatever the YAML says. */
export const MAX_TOOL_TIMEOUT_SECONDS = 900

export function defaultToolSettings(): ToolSettings {
  return { allowedCommands: null, workingDirectory: '', timeoutSeconds: DEFAULT_TOOL_TIMEOUT_SECONDS, env: {} }
}

/** Does a git tool with these settings write (a subcommand beyond the read-only ones)? */
export function gitWrites(settings: ToolSettings | undefined): boolean {
  const allowed = settings?.allowedCommands
  return allowed !== null && allowed !== undefined && allowed.some((c) => !(GIT_READ_ONLY as readonly string[]).includes(c))
}

/**
 * Does the tool run code in the job (or write to its files)? Those run only in a trusted run
 * (src/gate/execution-trust.ts): shells, CLIs, write_file, and git when it may write.
 */
export function toolRunsCode(name: string, settings: ToolSettings | undefined): boolean {
  const entry = builtinTool(name)
  if (!entry) return false
  if (entry.kind === 'git') return gitWrites(settings)
  return entry.kind === 'shell' || entry.kind === 'cli' || entry.kind === 'file-write'
}

/** One line naming what can be listed, for the error about a name that is none of them. */
export function knownToolsLine(): string {
  return [
    'GitHub: github_* (e.g. github_post_comment)',
    `shell: ${Object.keys(SHELL_PROGRAMS).join(', ')}`,
    `files: ${[...FILE_READ_TOOLS, FILE_WRITE_TOOL].join(', ')}`,
    'git',
    `programs: ${CLI_TOOLS.join(', ')}`
  ].join('; ')
}
