import { createdAtTable } from './columns.ts'
import { defineKind } from './kindModule.ts'

export const customResourceDefinitionKind = defineKind({
  names: { kind: 'CustomResourceDefinition', group: 'apiextensions.k8s.io', version: 'v1', plural: 'customresourcedefinitions', singular: 'customresourcedefinition', shortNames: ['crd', 'crds'], namespaced: false },
  // The API server does not serve the new resource: its objects cannot be created.
  simulated: false,
  nameRule: 'subdomain',
  // No printer in kubectl: the server's default table.
  table: createdAtTable,
})
