// Reading a model's tool input: the model gets a precise sentence back instead of a crash.

import type { ToolResult } from '../../shared/tool.js'
import { errorMessage } from '../../shared/errors.js'

export class ToolInputError extends Error {}

type Input = Record<string, unknown>

function missing(name: string, expected: string): never {
  throw new ToolInputError(`'${name}' is required (${expected})`)
}

export function readString(input: Input, name: string, required: true): string
export function readString(input: Input, name: string, required?: false): string | undefined
export function readString(input: Input, name: string, required = false): string | undefined {
  const value = input[name]
  if (value === undefined || value === null) return required ? missing(name, 'a string') : undefined
  if (typeof value !== 'string') throw new ToolInputError(`'${name}' must be a string, got ${typeof value}`)
  if (required && value.trim() === '') throw new ToolInputError(`'${name}' must not be empty`)
  return value
}

export function readInteger(input: Input, name: string, min = 1): number | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min)
    throw new ToolInputError(`'${name}' must be a whole number ≥ ${min}, got ${JSON.stringify(value)}`)
  return n
}

export function readEnum<T extends string>(input: Input, name: string, values: readonly T[]): T | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw new ToolInputError(`'${name}' must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return value as T
}

export function readStringList(input: Input, name: string): string[] {
  const value = input[name]
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ToolInputError(`'${name}' must be a list of strings`)
  return value as string[]
}

export function readObjectList(input: Input, name: string): Input[] {
  const value = input[name]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null || Array.isArray(v))) {
    throw new ToolInputError(`'${name}' must be a list of objects`)
  }
  return value as Input[]
}

export function ok(content: string): ToolResult {
  return { content, isError: false }
}

/** Every tool body runs inside this: any failure becomes a result the model can read and react to. */
export async function runTool(body: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await body()
  } catch (error) {
    return { content: errorMessage(error), isError: true }
  }
}
