// The part of @actions/core a run uses (through runtime.ts's createRunner), written against the runner's documented protocol
// (workflow commands on stdout, file commands in GITHUB_OUTPUT / GITHUB_STEP_SUMMARY).
//
// Why not @actions/core itself: it imports @actions/http-client for OIDC tokens, which bundles
// undici (a second copy of what Node already has). That was 36 % of the entry file every run
// compiles, for a feature this action never uses; see docs/performance.md. Byte-for-byte
// equality with @actions/core is a test (__tests__/runner/workflow-commands.test.ts), so an
// upgrade of the toolkit that changes the protocol shows up there.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'
import { redactSecrets } from '../text/redact-secrets.js'

/** Where an annotation points: @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::name key=value,…::message`; empty, zero and missing properties are left out, as the toolkit does. */
export function formatCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => Boolean(value))
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`
}

// Every value given to setSecret. The runner masks them in its log, but not in what the job writes
// through it (outputs, the job summary, annotations shown on the run page and in PR checks), so each
// of those is redacted here too.
const secrets: string[] = []

function redact(text: string): string {
  return secrets.length === 0 ? text : redactSecrets(text, secrets)
}

function redactProperties(properties: Record<string, string | number | undefined>): Record<string, string | number | undefined> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]))
}

/** Forget the values registered with setSecret (for tests that need a fresh protocol). */
export function clearSecrets(): void {
  secrets.length = 0
}

function issue(name: string, properties: Record<string, string | number | undefined>, message: string): void {
  process.stdout.write(formatCommand(name, redactProperties(properties), redact(message)) + EOL)
}

function annotation(properties: AnnotationProperties): Record<string, string | number | undefined> {
  const { title, file, startLine, endLine, startColumn, endColumn } = properties
  return { title, file, line: startLine, endLine, col: startColumn, endColumn }
}

/** An input as the runner passes it: `INPUT_<NAME>` (spaces → `_`, hyphens kept), trimmed. */
export function inputFrom(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Asks the runner to mask `secret` in every later log line. */
export function setSecret(secret: string): void {
  process.stdout.write(formatCommand('add-mask', {}, secret) + EOL)
  if (secret && !secrets.includes(secret)) secrets.push(secret)
}

export function debug(message: string): void {
  issue('debug', {}, message)
}

export function info(message: string): void {
  process.stdout.write(redact(message) + EOL)
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', annotation(properties), message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', annotation(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', annotation(properties), message)
}

/** An error annotation, and the step fails when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** `name<<delimiter` heredoc in GITHUB_OUTPUT; the delimiter is random so a value cannot end it early. */
export function formatOutput(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains its own delimiter`)
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

/** An output into `file` (the runner's GITHUB_OUTPUT). */
export function writeOutput(file: string | undefined, name: string, value: string): void {
  if (!file) {
    // Runners before file commands: the deprecated stdout form, as @actions/core falls back to.
    process.stdout.write(EOL)
    issue('set-output', { name }, value)
    return
  }
  if (!existsSync(file)) throw new Error(`GITHUB_OUTPUT names a file that does not exist: ${file}`)
  appendFileSync(file, formatOutput(name, redact(value)), 'utf8')
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY); without that file there is none to write. */
/** Markdown appended to `file` (the runner's GITHUB_STEP_SUMMARY). */
export async function appendSummaryTo(file: string | undefined, markdown: string): Promise<void> {
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set; this runner does not support job summaries')
  await appendFile(file, redact(markdown) + EOL, 'utf8')
}
