import { ageOf } from '../kubectl/podSummary.ts'
import { defineKind } from './kindModule.ts'

export const mutatingWebhookConfigurationKind = defineKind({
  names: { kind: 'MutatingWebhookConfiguration', group: 'admissionregistration.k8s.io', version: 'v1', plural: 'mutatingwebhookconfigurations', singular: 'mutatingwebhookconfiguration', shortNames: [], namespaced: false },
  // kubesim calls no webhooks.
  simulated: false,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'WEBHOOKS', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, String(((obj.webhooks as unknown[] | undefined) ?? []).length), ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
