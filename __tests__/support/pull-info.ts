// A PR as the GitHub port returns it, for tests that enrich a comment event without a server.
import type { PullRequestInfo } from '../../src/github/types.js'

export interface PullInfoFields {
  number: number
  title: string
  baseRef: string
  headSha: string
  htmlUrl: string
  author: string
  /** The base repository; the head is on the same one (not a fork). */
  repository: string | null
}

export function pullInfo(fields: PullInfoFields): PullRequestInfo {
  return {
    number: fields.number,
    title: fields.title,
    body: '',
    state: 'open',
    draft: false,
    author: fields.author,
    headSha: fields.headSha,
    headRef: 'changes',
    headRepository: fields.repository,
    baseSha: 'b'.repeat(40),
    baseRef: fields.baseRef,
    labels: [],
    additions: null,
    deletions: null,
    changedFiles: null,
    htmlUrl: fields.htmlUrl
  }
}
