import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

export const controllerRevisionKind = defineKind({
  names: { kind: 'ControllerRevision', group: 'apps', version: 'v1', plural: 'controllerrevisions', singular: 'controllerrevision', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const ref = obj.metadata.ownerReferences?.find((r) => r.controller)
      // `daemonset.apps/fluentd`: the controller's lower-cased group kind and name.
      const group = ref?.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : ''
      const controller = ref ? `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}` : '<none>'
      return [obj.metadata.name, controller, String(obj.revision ?? 0), ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
