import { validateIngressClass, validateIngressClassUpdate } from '../admission/ingressValidation.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'

interface IngressClassSpec {
  controller: string
  parameters: { kind?: string; apiGroup?: string; name?: string }
}

export const ingressClassKind = defineKind({
  names: { kind: 'IngressClass', group: 'networking.k8s.io', version: 'v1', plural: 'ingressclasses', singular: 'ingressclass', shortNames: [], namespaced: false },
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  validate: validateIngressClass,
  validateUpdate: validateIngressClassUpdate,
  table: {
    columns: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const spec = specOf<IngressClassSpec>(obj)
      const p = spec.parameters
      const parameters = p ? `${p.kind ?? ''}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name ?? ''}` : '<none>'
      return [obj.metadata.name, spec.controller ?? '', parameters, ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
