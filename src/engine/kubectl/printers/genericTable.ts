import type { TableDefinition } from '../../kinds/kindModule.ts'
import { ageOf } from '../podSummary.ts'

/** Kinds with no table of their own: NAME and AGE, like a CRD without printer columns. */
export const genericTable: TableDefinition = {
  columns: ['NAME', 'AGE'],
  wideColumns: [],
  row: (obj, now) => [obj.metadata.name, ageOf(obj.metadata.creationTimestamp, now)],
  wideRow: () => [],
}
