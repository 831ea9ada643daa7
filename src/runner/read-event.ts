// The event the runner hands the step: its name and the payload file GITHUB_EVENT_PATH names.
import { readFile } from 'node:fs/promises'
import { errorMessage, UsageError } from '../shared/errors.js'

export interface RawEvent {
  name: string
  payload: unknown
}

export async function readEvent(env: Readonly<Record<string, string | undefined>>): Promise<RawEvent> {
  const name = env.GITHUB_EVENT_NAME
  const path = env.GITHUB_EVENT_PATH
  if (!name || !path) {
    throw new UsageError('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this runs as a step of a GitHub Actions job')
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${errorMessage(error)}`)
  }
  try {
    return { name, payload: JSON.parse(text) }
  } catch {
    throw new UsageError(`the event payload at ${path} is not JSON`)
  }
}
