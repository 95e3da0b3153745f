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
