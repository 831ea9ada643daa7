// Building blocks for the kind schemas. Every `error` is the expected form in words; the loader
// prefixes the field ("spec.enabled must be true or false"). Schemas are built once, at import.
import { z } from 'zod'

export const text = (expected: string) => z.string({ error: expected })

export const name = (expected: string) => z.string({ error: expected }).min(1, { error: expected })

export const flag = (expected = 'true or false') => z.boolean({ error: expected })

export const count = (expected: string) => z.number({ error: expected }).int({ error: expected }).min(1, { error: expected })

export const textList = (expected: string, item: string) => z.array(name(item), { error: expected })

export const mapping = (expected: string) => z.record(z.string(), z.unknown(), { error: expected })

/** Label values are text; numbers and booleans are accepted as written (`tier: 1`). */
const labelValue = z.union([z.string(), z.number(), z.boolean()], { error: 'a text value, e.g. frontend' })

export const metadata = z.object(
  {
    name: name('a name, e.g. code-reviewer'),
    namespace: text('a namespace name').optional(),
    labels: z.record(z.string(), labelValue, { error: 'a mapping of label names to values, e.g. {team: frontend}' }).optional(),
    annotations: mapping('a mapping of annotation names to values').optional()
  },
  { error: 'a mapping with a name, e.g. {name: code-reviewer}' }
)

/** `apiVersion` and `kind` are checked before a schema runs; listed so they are known keys. */
export const envelope = { apiVersion: z.unknown().optional(), kind: z.unknown().optional() }
