import type { KubeObject } from '../engine/api/types.ts'
import { kindModule } from '../engine/kinds/registry.ts'
import { genericTable } from '../engine/kubectl/printers/genericTable.ts'

/**
 * Table conversion (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): the rows
 * kubectl prints, made by the same printers as the engine's own kubectl, so the real
 * kubectl prints what `npx kubesim run` prints. Wide columns have priority 1 (shown with
 * `-o wide`); each row carries the object's metadata, for `-A`, `--show-labels` and `-L`.
 */

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept.split(',')[0] ?? '')
}

function columnDefinitions(kind: string) {
  const table = kindModule(kind)?.table ?? genericTable
  const column = (name: string, priority: number, i: number) => ({
    name,
    type: name === 'AGE' ? 'date' : 'string',
    format: i === 0 && priority === 0 ? 'name' : '',
    description: '',
    priority,
  })
  return [...table.columns.map((c, i) => column(c, 0, i)), ...table.wideColumns.map((c, i) => column(c, 1, i + table.columns.length))]
}

function row(obj: KubeObject, nowMs: number) {
  const table = kindModule(obj.kind)?.table ?? genericTable
  return {
    cells: [...table.row(obj, nowMs), ...table.wideRow(obj, nowMs)],
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
  }
}

/** A Table of `objects` (all of one kind); without headers for a watch's later events, as the server sends them. */
export function toTable(kind: string, objects: readonly KubeObject[], nowMs: number, opts: { resourceVersion?: string; continue?: string; noHeaders?: boolean } = {}) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { ...(opts.resourceVersion ? { resourceVersion: opts.resourceVersion } : {}), ...(opts.continue ? { continue: opts.continue } : {}) },
    ...(opts.noHeaders ? {} : { columnDefinitions: columnDefinitions(kind) }),
    rows: objects.map((o) => row(o, nowMs)),
  }
}
