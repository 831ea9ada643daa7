import type { MetadataValue } from './types.js'
import { asBoolean, asNumber, asRecord, asString, issueIsPullRequest, labelNames, loginOf, type JsonRecord } from './payload-readers.js'

type Metadata = Record<string, MetadataValue>

// Every group sets all its names (null when the payload lacks a value), so templates see the same
// names for every event of a kind and a missing number is never NaN or undefined.

function common(eventName: string, payload: JsonRecord, fallbackRepository: string | null): Metadata {
  const repo = asRecord(payload.repository)
  const sender = asRecord(payload.sender)
  return {
    event_type: eventName,
    action: asString(payload.action),
    repo_id: asNumber(repo?.id),
    repo_full_name: asString(repo?.full_name) ?? fallbackRepository,
    repo_private: asBoolean(repo?.private),
    sender_id: asNumber(sender?.id),
    sender_login: asString(sender?.login)
  }
}

function pullRequest(pr: JsonRecord): Metadata {
  const base = asRecord(pr.base)
  const head = asRecord(pr.head)
  return {
    pr_number: asNumber(pr.number),
    pr_title: asString(pr.title),
    pr_state: asString(pr.state),
    pr_draft: asBoolean(pr.draft),
    pr_base_ref: asString(base?.ref),
    pr_head_ref: asString(head?.ref),
    pr_head_sha: asString(head?.sha),
    pr_additions: asNumber(pr.additions),
    pr_deletions: asNumber(pr.deletions),
    pr_changed_files: asNumber(pr.changed_files),
    pr_html_url: asString(pr.html_url),
    pr_author: loginOf(pr),
    pr_merged: asBoolean(pr.merged),
    issue_labels: labelNames(pr.labels)
  }
}

/**
 * A comment on a PR carries the PR only as an issue: what the issue knows is filled here, the rest
 * (refs, SHA, sizes) stays null until `withPullRequest` adds it from the PR itself.
 */
function pullRequestFromIssue(issue: JsonRecord): Metadata {
  const link = asRecord(issue.pull_request)
  const mergedAt = link?.merged_at
  return {
    pr_number: asNumber(issue.number),
    pr_title: asString(issue.title),
    pr_state: asString(issue.state),
    pr_draft: asBoolean(issue.draft),
    pr_base_ref: null,
    pr_head_ref: null,
    pr_head_sha: null,
    pr_additions: null,
    pr_deletions: null,
    pr_changed_files: null,
    pr_html_url: asString(link?.html_url) ?? asString(issue.html_url),
    pr_author: loginOf(issue),
    pr_merged: mergedAt === undefined ? null : typeof mergedAt === 'string'
  }
}

function issue(issueObject: JsonRecord): Metadata {
  return {
    issue_number: asNumber(issueObject.number),
    issue_title: asString(issueObject.title),
    issue_state: asString(issueObject.state),
    issue_html_url: asString(issueObject.html_url),
    issue_author: loginOf(issueObject),
    issue_labels: labelNames(issueObject.labels)
  }
}

function isPullRequestComment(eventName: string, payload: JsonRecord): boolean {
  if (eventName === 'pull_request_review_comment') return true
  return issueIsPullRequest(asRecord(payload.issue))
}

function comment(eventName: string, payload: JsonRecord, commentObject: JsonRecord): Metadata {
  const metadata: Metadata = {
    comment_id: asNumber(commentObject.id),
    comment_body: asString(commentObject.body),
    comment_html_url: asString(commentObject.html_url),
    comment_author: loginOf(commentObject),
    is_pr_comment: isPullRequestComment(eventName, payload)
  }
  if (eventName === 'pull_request_review_comment' || eventName === 'commit_comment') {
    metadata.comment_path = asString(commentObject.path)
    metadata.comment_line = asNumber(commentObject.line) ?? asNumber(commentObject.original_line)
  }
  return metadata
}

function review(reviewObject: JsonRecord): Metadata {
  return {
    review_id: asNumber(reviewObject.id),
    review_body: asString(reviewObject.body),
    review_state: asString(reviewObject.state),
    review_author: loginOf(reviewObject),
    review_html_url: asString(reviewObject.html_url)
  }
}

function push(payload: JsonRecord): Metadata {
  return {
    ref: asString(payload.ref),
    before_sha: asString(payload.before),
    after_sha: asString(payload.after),
    commit_count: Array.isArray(payload.commits) ? payload.commits.length : null
  }
}

/** AOF's metadata variables plus this action's extras (comment_body, command, …), for one event. Never throws. */
export function buildMetadata(eventName: string, payload: JsonRecord, fallbackRepository: string | null): Metadata {
  const metadata = common(eventName, payload, fallbackRepository)
  const pr = asRecord(payload.pull_request)
  const issueObject = asRecord(payload.issue)
  const commentObject = asRecord(payload.comment)
  const reviewObject = asRecord(payload.review)
  if (issueObject) {
    Object.assign(metadata, issue(issueObject))
    if (eventName === 'issue_comment' && isPullRequestComment(eventName, payload)) {
      Object.assign(metadata, pullRequestFromIssue(issueObject))
    }
  }
  if (pr) Object.assign(metadata, pullRequest(pr))
  if (commentObject) Object.assign(metadata, comment(eventName, payload, commentObject))
  if (reviewObject) Object.assign(metadata, review(reviewObject))
  if (eventName === 'push') Object.assign(metadata, push(payload))
  return metadata
}
