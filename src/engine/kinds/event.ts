import type { KubeEvent, KubeObject } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { humanDuration } from '../util/duration.ts'
import { defineKind } from './kindModule.ts'

/** translateTimestampSince: `<unknown>` for a missing time. */
function since(timestamp: string | undefined, now: number): string {
  return timestamp ? humanDuration(now - parseSimTime(timestamp)) : '<unknown>'
}

/** `pod/web-1`: the involved object as printEvent names it (kind lower-cased). */
function target(e: KubeEvent): string {
  const kind = e.involvedObject.kind.toLowerCase()
  return e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind
}

/** formatEventSource: `kubelet, worker-1`, `default-scheduler`, or `<unknown>`. */
function source(e: KubeEvent): string {
  if (!e.source.component) return '<unknown>'
  return e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component
}

/** printEvent in kubectl's printers.go; -o wide puts SUBOBJECT and SOURCE before MESSAGE. */
export const eventKind = defineKind<KubeEvent>({
  names: { kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true },
  simulated: true,
  fieldLabels: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  table: {
    columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideColumns: [],
    row(obj: KubeObject, now: number) {
      const e = obj as KubeEvent
      const first = since(e.firstTimestamp, now)
      return [e.lastTimestamp ? since(e.lastTimestamp, now) : first, e.type, e.reason, target(e), e.message.trim()]
    },
    wideRow: () => [],
    wideTable: {
      columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
      row(obj: KubeObject, now: number) {
        const e = obj as KubeEvent
        const first = since(e.firstTimestamp, now)
        const last = e.lastTimestamp ? since(e.lastTimestamp, now) : first
        return [last, e.type, e.reason, target(e), e.involvedObject.fieldPath ?? '', source(e), e.message.trim(), first, String(e.count || 1), e.metadata.name]
      },
    },
  },
})
