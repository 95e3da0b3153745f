import { roleBindingTable } from './roleBindingTable.ts'
import { defineKind } from './kindModule.ts'
import { describeRoleBinding } from '../kubectl/describe/describeRoleBinding.ts'

export const clusterRoleBindingKind = defineKind({
  names: { kind: 'ClusterRoleBinding', group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterrolebindings', singular: 'clusterrolebinding', shortNames: [], namespaced: false },
  simulated: true,
  nameRule: 'path-segment',
  describe: (binding) => describeRoleBinding(binding),
  table: roleBindingTable,
})
