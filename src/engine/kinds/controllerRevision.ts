import { controllerRevisionShape } from '../admission/decodeShapes.ts'
import type { ControllerRevision } from '../api/types.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

/** ControllerRevisions: the template history StatefulSets (and DaemonSets) keep. */
export const controllerRevisionKind = defineKind<ControllerRevision>({
  names: { kind: 'ControllerRevision', group: 'apps', version: 'v1', plural: 'controllerrevisions', singular: 'controllerrevision', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: controllerRevisionShape,
  table: {
    columns: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const rev = obj as ControllerRevision
      const ref = rev.metadata.ownerReferences?.find((r) => r.controller)
      const group = ref?.apiVersion.includes('/') ? `.${ref.apiVersion.split('/')[0]}` : ''
      const controller = ref ? `${ref.kind.toLowerCase()}${group}/${ref.name}` : '<none>'
      return [rev.metadata.name, controller, String(rev.revision), ageOf(rev.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
