import type { Octokit } from '../create-octokit.js'
import type { RepoRef, ReviewRequest, WriteResponse } from '../types.js'

/** One request for the whole review: body, verdict and every inline comment, pinned to the head SHA. */
export async function createReview(octokit: Octokit, repo: RepoRef, number: number, review: ReviewRequest): Promise<WriteResponse> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...repo,
    pull_number: number,
    commit_id: review.commit_id,
    event: review.event,
    body: review.body,
    comments: review.comments
  })
  return { id: Number(data.id), url: data.html_url }
}
