import { webhooksTable } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const mutatingWebhookConfigurationKind = defineKind({
  names: { kind: 'MutatingWebhookConfiguration', group: 'admissionregistration.k8s.io', version: 'v1', plural: 'mutatingwebhookconfigurations', singular: 'mutatingwebhookconfiguration', shortNames: [], namespaced: false },
  // kubesim calls no webhooks.
  simulated: false,
  nameRule: 'subdomain',
  table: webhooksTable,
})
