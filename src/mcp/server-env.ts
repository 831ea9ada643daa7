// The environment an stdio MCP server starts with: a minimal base for finding programs and a home
// directory, plus exactly what its YAML `env` gives. Nothing else of the step's environment (the
// GitHub token, model keys, the runner's own tokens, the action's inputs) reaches the program. Pure.

/** What a program needs to start and find its tools, and nothing that grants access to anything. */
export const BASE_ENV_NAMES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TERM',
  'LANG',
  'LC_ALL',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  // A self-hosted runner behind a proxy: the server's own network calls go through it too.
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy'
] as const

export function serverEnv(stepEnv: Readonly<Record<string, string | undefined>>, yamlEnv: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of BASE_ENV_NAMES) {
    const value = stepEnv[name]
    // An exported shell function (`() { …`) in the environment is code; it is not passed on.
    if (value !== undefined && !value.startsWith('()')) env[name] = value
  }
  return { ...env, ...yamlEnv }
}
