import { z } from 'zod'
import { envelope, flag, mapping, name, text, textList } from './common.js'

const directory = (example: string) => name(`a directory relative to this file, e.g. ${example}`)

const resource = (example: string) =>
  z.object({ directory: directory(example).optional(), watch: flag().optional() }, { error: `a mapping, e.g. {directory: ${example}}` })

const github = z.object(
  {
    enabled: flag().optional(),
    token: z.unknown().optional(),
    token_env: z.unknown().optional(),
    webhook_secret: z.unknown().optional(),
    webhook_secret_env: z.unknown().optional(),
    bot_name: name('a GitHub login for @mentions, e.g. aofbot').optional(),
    allowed_repos: textList('a list of owner/repo patterns', 'an owner/repo pattern').optional(),
    allowed_orgs: z.unknown().optional()
  },
  { error: 'a mapping, e.g. {enabled: true, bot_name: aofbot}' }
)

// Other platforms are not read at all (only their presence is reported), so their fields are free.
const platforms = z.object(
  {
    github: github.optional(),
    slack: z.unknown().optional(),
    discord: z.unknown().optional(),
    telegram: z.unknown().optional(),
    whatsapp: z.unknown().optional(),
    jira: z.unknown().optional(),
    gitlab: z.unknown().optional(),
    bitbucket: z.unknown().optional()
  },
  { error: 'a mapping of platforms, e.g. {github: {enabled: true}}' }
)

export const daemonSchema = z.object({
  ...envelope,
  metadata: z.object({ name: text('a name').optional(), labels: mapping('a mapping').optional() }, { error: 'a mapping, e.g. {name: aof-daemon}' }).optional(),
  spec: z.object(
    {
      server: z.unknown().optional(),
      platforms: platforms.optional(),
      triggers: resource('./triggers/').optional(),
      agents: resource('./agents/').optional(),
      fleets: resource('./fleets/').optional(),
      flows: z
        .object(
          { directory: directory('./flows/').optional(), watch: flag().optional(), enabled: flag().optional() },
          { error: 'a mapping, e.g. {directory: ./flows/}' }
        )
        .optional(),
      runtime: z.unknown().optional()
    },
    { error: 'a mapping, e.g. {platforms: {github: {enabled: true}}, triggers: {directory: ./triggers/}}' }
  )
})

export type DaemonDocument = z.infer<typeof daemonSchema>
