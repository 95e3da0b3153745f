import type { KubeEvent } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { humanDuration } from '../util/duration.ts'
import { defineKind } from './kindModule.ts'

export const eventKind = defineKind<KubeEvent>({
  names: { kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true },
  simulated: true,
  fieldLabels: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  table: {
    columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideColumns: [],
    row(obj, now) {
      const e = obj as KubeEvent
      return [humanDuration(now - parseSimTime(e.lastTimestamp)), e.type, e.reason, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`, e.message]
    },
    wideRow: () => [],
  },
})
