import { roleBindingTable } from './roleBindingTable.ts'
import { defineKind } from './kindModule.ts'
import { describeRoleBinding } from '../kubectl/describe/describeRoleBinding.ts'

export const roleBindingKind = defineKind({
  names: { kind: 'RoleBinding', group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'rolebindings', singular: 'rolebinding', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'path-segment',
  describe: (binding) => describeRoleBinding(binding),
  table: roleBindingTable,
})
