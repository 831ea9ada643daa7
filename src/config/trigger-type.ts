/** Why each non-GitHub trigger type of AOF cannot fire inside a GitHub Action. */
const REASONS = new Map<string, string>(
  Object.entries({
    slack: 'Slack triggers cannot run inside a GitHub Action: only GitHub events reach it',
    telegram: 'Telegram triggers cannot run inside a GitHub Action: only GitHub events reach it',
    discord: 'Discord triggers cannot run inside a GitHub Action: only GitHub events reach it',
    whatsapp: 'WhatsApp triggers cannot run inside a GitHub Action: only GitHub events reach it',
    jira: 'Jira triggers cannot run inside a GitHub Action: only GitHub events reach it',
    pagerduty: 'PagerDuty triggers cannot run inside a GitHub Action: only GitHub events reach it',
    gitlab: 'GitLab triggers cannot run inside a GitHub Action: only GitHub events reach it',
    bitbucket: 'Bitbucket triggers cannot run inside a GitHub Action: only GitHub events reach it',
    http: 'HTTP triggers cannot run inside a GitHub Action: no webhook server runs in a job',
    schedule: 'Schedule triggers cannot run inside a GitHub Action: use `on: schedule` in the workflow instead',
    manual: 'Manual triggers cannot run inside a GitHub Action: use `on: workflow_dispatch` in the workflow instead'
  })
)

export type TriggerTypeClass = { kind: 'github' } | { kind: 'other'; reason: string } | { kind: 'unknown' }

/**
 * Classifies `spec.type` as written, before the document is validated, so a Slack trigger's
 * `${SLACK_BOT_TOKEN}` is never looked at. AOF's serde enum is exact (`GitHub`); case is forgiven.
 */
export function classifyTriggerType(type: unknown): TriggerTypeClass {
  if (typeof type !== 'string') return { kind: 'unknown' }
  const key = type.toLowerCase()
  if (key === 'github') return { kind: 'github' }
  const reason = REASONS.get(key)
  return reason ? { kind: 'other', reason } : { kind: 'unknown' }
}

export const TRIGGER_TYPES = 'GitHub, Slack, Telegram, Discord, WhatsApp, HTTP, Schedule, PagerDuty, Jira, Manual'
