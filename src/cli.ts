#!/usr/bin/env node
// `github-agent validate` and `github-agent replay`: the action's own pipeline, run locally.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeDiagnostic, strictDiagnostics } from './config/describe-diagnostic.js'
import { formatDiagnostic } from './config/format-diagnostic.js'
import { loadConfig } from './config/load-config.js'
import { createWorkspaceSource } from './config/workspace-source.js'
import { guessEventName } from './event/guess-event-name.js'
import { checkFlow } from './flow/check-flow.js'
import { createRunner } from './runner/runtime.js'
import { checkTemplates } from './template/check-templates.js'
import { errorMessage } from './shared/errors.js'
import { isPermission, PERMISSIONS } from './shared/permission.js'
import { programFinder } from './workspace/find-program.js'

const USAGE = `Usage:
  github-agent validate [config-path] [--strict] [--github-annotations]
      Load and check AOF YAML (default .github/aof). Like AOF, what cannot load (an invalid
      resource, a flow with a shell node, a command naming an undefined agent) is a warning and
      is skipped; the rest loads, and an event routed to what was skipped fails with the reason.
      Exit 0 when everything loadable loads (warnings allowed), 1 on errors that stop every
      event (config-path missing, an invalid DaemonConfig), 2 on bad usage. --strict: anything
      skipped is an error too (exit 1), the all-or-nothing check for teams that want it.
      An agent's tool that needs a program (kubectl, helm, bash, …) not on PATH here is an error
      on that agent: run validate where the job runs, after the steps that install them.
  github-agent replay <event.json> [--event NAME] [--config PATH] [--model provider:model] [--bot-name NAME]
                      [--sender-permission read|triage|write|maintain|admin]
      Run the whole pipeline on a saved webhook payload, in dry-run: the routing decision, the
      rendered instructions and the writes it would make. With the model's key set (ANTHROPIC_API_KEY,
      GOOGLE_API_KEY, OPENAI_API_KEY, AZURE_OPENAI_API_KEY, GROQ_API_KEY, OLLAMA_HOST, AWS_*), agents
      call the real model (still writing nothing to GitHub). Replay has no token to
      read the sender's permission, so commands are refused unless --sender-permission stands in
      for it (not checked with GitHub).`

async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'github-annotations': { type: 'boolean' }, strict: { type: 'boolean' } }
  })
  const configPath = positionals[0] ?? '.github/aof'
  const findProgram = programFinder(process.env.PATH)
  const config = await loadConfig(createWorkspaceSource(process.cwd()), configPath, process.env, checkFlow, {
    toolHost: { hasProgram: (name) => findProgram(name) !== null }
  })
  const strict = values.strict === true
  const found = [...config.diagnostics, ...checkTemplates(config)]
  const diagnostics = strict ? strictDiagnostics(found) : found
  for (const d of diagnostics) {
    process.stdout.write(
      (values['github-annotations']
        ? formatDiagnostic(d)
        : `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}: ${d.severity}: ${describeDiagnostic(d)}${d.field ? ` (${d.field})` : ''}`) + '\n'
    )
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const skipped = new Set(diagnostics.flatMap((d) => (d.skips === undefined ? [] : [d.skips]))).size
  process.stdout.write(
    `${config.files.length} file(s), ${config.triggers.length} trigger(s), ${Object.keys(config.agents).length} agent(s), ` +
      `${Object.keys(config.fleets).length} fleet(s), ${Object.keys(config.flows).length} flow(s), ${skipped} skipped: ${errors} error(s), ` +
      `${diagnostics.length - errors} other finding(s)\n`
  )
  return errors > 0 ? 1 : 0
}

async function replay(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      config: { type: 'string' },
      model: { type: 'string' },
      'bot-name': { type: 'string' },
      repo: { type: 'string' },
      'sender-permission': { type: 'string' }
    }
  })
  const senderPermission = values['sender-permission']
  if (senderPermission !== undefined && !isPermission(senderPermission)) {
    process.stderr.write(`--sender-permission must be one of ${PERMISSIONS.join(', ')}; got '${senderPermission}'\n`)
    return 2
  }
  const eventPath = positionals[0]
  if (!eventPath) {
    process.stderr.write(`replay needs an event payload file\n\n${USAGE}\n`)
    return 2
  }
  let payload: unknown
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'))
  } catch (error) {
    process.stderr.write(`cannot read ${eventPath} as JSON: ${errorMessage(error)}\n`)
    return 2
  }
  const eventName = values.event ?? guessEventName(payload)
  if (!eventName) {
    process.stderr.write(`cannot tell which event ${eventPath} is: pass --event (e.g. --event pull_request)\n`)
    return 2
  }
  const temp = mkdtempSync(join(tmpdir(), 'github-agent-replay-'))
  const files = { GITHUB_OUTPUT: join(temp, 'output'), GITHUB_STEP_SUMMARY: join(temp, 'summary') }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const repository = values.repo ?? (payload as { repository?: { full_name?: string } }).repository?.full_name ?? 'local/replay'
  // The run sees this environment and nothing else of the CLI's: no real token, dry-run always.
  const env: Record<string, string | undefined> = {
    ...process.env,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: resolve(eventPath),
    GITHUB_REPOSITORY: repository,
    GITHUB_WORKSPACE: process.cwd(),
    ...files,
    'INPUT_CONFIG-PATH': values.config ?? '.github/aof',
    'INPUT_CONFIG-REF': 'workspace',
    'INPUT_DRY-RUN': 'true',
    'INPUT_GITHUB-TOKEN': '',
    INPUT_MODEL: values.model ?? process.env.INPUT_MODEL ?? '',
    'INPUT_BOT-NAME': values['bot-name'] ?? 'aofbot',
    GITHUB_TOKEN: ''
  }
  let failed = false
  const base = createRunner(env)
  const runner = {
    ...base,
    setFailed: (message: string) => {
      failed = true
      base.error(message)
    }
  }
  const { run } = await import('./main.js')
  if (senderPermission) process.stdout.write(`Sender permission: ${senderPermission}, stood in by --sender-permission (not checked with GitHub).\n`)
  await run({ env, runner, signals: process, exit: (code) => process.exit(code), ...(senderPermission ? { senderPermission } : {}) })
  process.stdout.write('\n' + readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') + '\n')
  return failed ? 1 : 0
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'validate') return validate(rest)
  if (command === 'replay') return replay(rest)
  process.stderr.write(`${USAGE}\n`)
  return command === undefined || command === '--help' || command === '-h' ? 0 : 2
}

process.exitCode = await main(process.argv.slice(2))
