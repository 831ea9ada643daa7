// A check run's output within GitHub's limits: texts cut, annotations in batches of 50.

import { outgoingText } from './outgoing-text.js'
import { ANNOTATIONS_PER_REQUEST, CHECK_RUN_TEXT_LIMIT, CHECK_RUN_TITLE_LIMIT } from './text-limits.js'
import type { CheckAnnotation, CheckRunOutput } from './types.js'

// GitHub's limits on one annotation's fields.
const ANNOTATION_MESSAGE_LIMIT = 64 * 1024 - 1
const ANNOTATION_TITLE_LIMIT = 255

export interface OutputBatches {
  /** Sent with the create/update itself, carrying the first batch of annotations. */
  first: CheckRunOutput
  /** One further update per extra batch (GitHub appends annotations on update). */
  more: CheckRunOutput[]
}

function cleanAnnotation(a: CheckAnnotation, secrets: readonly string[]): CheckAnnotation {
  const clean: CheckAnnotation = {
    path: a.path,
    start_line: a.start_line,
    end_line: Math.max(a.end_line, a.start_line),
    annotation_level: a.annotation_level,
    message: outgoingText(a.message, secrets, ANNOTATION_MESSAGE_LIMIT)
  }
  if (a.title) clean.title = outgoingText(a.title, secrets, ANNOTATION_TITLE_LIMIT)
  return clean
}

export function planCheckRunOutput(output: CheckRunOutput, secrets: readonly string[]): OutputBatches {
  const title = outgoingText(output.title, secrets, CHECK_RUN_TITLE_LIMIT)
  const summary = outgoingText(output.summary, secrets, CHECK_RUN_TEXT_LIMIT)
  const base: CheckRunOutput = { title, summary }
  if (output.text !== undefined) base.text = outgoingText(output.text, secrets, CHECK_RUN_TEXT_LIMIT)
  const annotations = (output.annotations ?? []).map((a) => cleanAnnotation(a, secrets))
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  const [head, ...rest] = batches
  return {
    first: head ? { ...base, annotations: head } : base,
    // Later batches repeat title and summary: GitHub requires both in every output object.
    more: rest.map((batch) => ({ title, summary, annotations: batch }))
  }
}
