import { createdAtTable } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describePolicyRules } from '../kubectl/describe/describePolicyRules.ts'

// kubesim runs every request as cluster-admin: RBAC objects change nothing a user can see.
export const roleKind = defineKind({
  names: { kind: 'Role', group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'roles', singular: 'role', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'path-segment',
  // No printer in kubectl: the server's default table.
  describe: (role) => describePolicyRules(role),
  table: createdAtTable,
})
