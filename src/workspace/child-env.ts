// The environment a tool's program starts with: a minimal base from the step, the variables the
// agent's YAML passes, and nothing else. The job's token, the model keys, the runner's own tokens
// (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_*), the action's inputs (INPUT_*) and every
// other variable of the step stay behind. Pure.

/** Taken from the step's environment when set. */
export const BASE_VARIABLES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'GITHUB_WORKSPACE', 'RUNNER_TEMP', 'RUNNER_OS', 'RUNNER_ARCH', 'CI'] as const

/** Set for every program: plain output (no colours, pagers or prompts) the model can read. */
const FIXED: Record<string, string> = {
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  TERM: 'dumb',
  PAGER: 'cat',
  GIT_PAGER: 'cat',
  GIT_TERMINAL_PROMPT: '0'
}

export function childEnv(stepEnv: Readonly<Record<string, string | undefined>>, passed: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of BASE_VARIABLES) {
    const value = stepEnv[name]
    if (value !== undefined) env[name] = value
  }
  return { ...env, ...FIXED, ...passed }
}
