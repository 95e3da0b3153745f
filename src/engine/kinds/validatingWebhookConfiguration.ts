import { webhooksTable } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const validatingWebhookConfigurationKind = defineKind({
  names: { kind: 'ValidatingWebhookConfiguration', group: 'admissionregistration.k8s.io', version: 'v1', plural: 'validatingwebhookconfigurations', singular: 'validatingwebhookconfiguration', shortNames: [], namespaced: false },
  // kubesim calls no webhooks.
  simulated: false,
  nameRule: 'subdomain',
  table: webhooksTable,
})
