import { ageOf } from '../kubectl/podSummary.ts'
import type { TableDefinition } from './kindModule.ts'

/** Cells several kinds' tables share (printers.go's layoutContainerCells). */
export const containersAndImages = (spec: { containers?: { name: string; image: string }[] } | undefined): [string, string] => [
  (spec?.containers ?? []).map((c) => c.name).join(','),
  (spec?.containers ?? []).map((c) => c.image).join(','),
]

/**
 * The API server's default table, for kinds kubectl has no printer for (Role,
 * ClusterRole, LimitRange, CustomResourceDefinition): NAME and CREATED AT (RFC 3339).
 */
export const createdAtTable: TableDefinition = {
  columns: ['NAME', 'CREATED AT'],
  wideColumns: [],
  row: (obj) => [obj.metadata.name, obj.metadata.creationTimestamp ?? ''],
  wideRow: () => [],
}

/** `a,b,c + 2 more...` (printers.go listWithMoreString): at most three items shown. */
export function listWithMore(items: string[], max = 3): string {
  const shown = items.slice(0, max).join(',')
  return items.length > max ? `${shown} + ${items.length - max} more...` : shown
}

/** An IntOrString cell: `2`, `50%`, or `N/A` when unset. */
export const intOrStringCell = (v: unknown): string => (v === undefined || v === null ? 'N/A' : String(v))

/** A field of an object's spec, read loosely (stored kinds keep whatever the client sent). */
export function specOf<T>(obj: { spec?: unknown }): Partial<T> {
  return (obj.spec ?? {}) as Partial<T>
}

/** Mutating and validating webhook configurations: NAME WEBHOOKS AGE. */
export const webhooksTable: TableDefinition = {
  columns: ['NAME', 'WEBHOOKS', 'AGE'],
  wideColumns: [],
  row: (obj, now) => [obj.metadata.name, String(((obj.webhooks as unknown[] | undefined) ?? []).length), ageOf(obj.metadata.creationTimestamp, now)],
  wideRow: () => [],
}
