import type { KubeObject } from '../api/types.ts'
import { forbiddenField, type FieldError } from './fieldErrors.ts'

const IMMUTABLE = 'field is immutable when `immutable` is set'

/**
 * ValidateConfigMapUpdate / ValidateSecretUpdate: once `immutable: true` is stored, the
 * flag cannot be unset and the data cannot change (only metadata may).
 */
export function immutableDataErrors(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return []
  const errors: FieldError[] = []
  if (obj.immutable !== true) errors.push(forbiddenField('immutable', IMMUTABLE))
  for (const field of fields) if (!sameMap(obj[field], old[field])) errors.push(forbiddenField(field, IMMUTABLE))
  return errors
}

/** The same keys and values (a missing map and an empty one are the same: neither is stored). */
function sameMap(a: unknown, b: unknown): boolean {
  const ea = Object.entries((a ?? {}) as Record<string, unknown>)
  const eb = (b ?? {}) as Record<string, unknown>
  return ea.length === Object.keys(eb).length && ea.every(([k, v]) => k in eb && eb[k] === v)
}
