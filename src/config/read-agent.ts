import { buildAgentDef } from './build-agent-def.js'
import { checkShape } from './check-shape.js'
import { declareName } from './declare-name.js'
import type { DocContext } from './document-context.js'
import type { LoadState } from './load-state.js'
import { fieldValue } from './field-value.js'
import { agentSchema, flatAgentSchema } from './schemas/agent-schema.js'

/** Reads `kind: Agent` (Kubernetes form) or AOF's flat form (`name`, `model` at the top). */
export function readAgent(ctx: DocContext, state: LoadState, form: 'kubernetes' | 'flat'): void {
  const namePath = form === 'flat' ? ['name'] : ['metadata', 'name']
  // An invalid agent still has its name taken, so its users do not also read "not defined".
  const declareInvalid = (): void => {
    const name = fieldValue(ctx.value, namePath)
    if (typeof name === 'string' && name) declareName(ctx, state, 'agent', name, namePath)
  }
  if (form === 'flat') {
    const data = checkShape(ctx, flatAgentSchema, ctx.value)
    if (!data) return declareInvalid()
    if (!declareName(ctx, state, 'agent', data.name, ['name'])) return
    state.agents[data.name] = buildAgentDef(ctx, data, [], data.name, ctx.location([]))
    return
  }
  const data = checkShape(ctx, agentSchema, ctx.value)
  if (!data) return declareInvalid()
  if (!declareName(ctx, state, 'agent', data.metadata.name, ['metadata', 'name'])) return
  state.agents[data.metadata.name] = buildAgentDef(ctx, data.spec, ['spec'], data.metadata.name, ctx.location([]))
}
