import { roleBindingTable } from './roleBindingTable.ts'
import { defineKind } from './kindModule.ts'

export const clusterRoleBindingKind = defineKind({
  names: { kind: 'ClusterRoleBinding', group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterrolebindings', singular: 'clusterrolebinding', shortNames: [], namespaced: false },
  simulated: true,
  nameRule: 'path-segment',
  table: roleBindingTable,
})
