import { createdAtTable } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describePolicyRules } from '../kubectl/describe/describePolicyRules.ts'

// kubesim runs every request as cluster-admin: RBAC objects change nothing a user can see.
export const clusterRoleKind = defineKind({
  names: { kind: 'ClusterRole', group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles', singular: 'clusterrole', shortNames: [], namespaced: false },
  simulated: true,
  nameRule: 'path-segment',
  // No printer in kubectl: the server's default table.
  describe: (role) => describePolicyRules(role),
  table: createdAtTable,
})
