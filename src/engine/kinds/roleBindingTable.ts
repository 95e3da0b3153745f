import type { KubeObject } from '../api/types.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import type { TableDefinition } from './kindModule.ts'

interface Subject {
  kind?: string
  name?: string
  namespace?: string
}

/** rbac.SubjectsStrings: users, groups and service accounts (`ns/name`), each joined with `, `. */
function subjectCells(obj: KubeObject): [string, string, string] {
  const subjects = (obj.subjects as Subject[] | undefined) ?? []
  const of = (kind: string) => subjects.filter((s) => s.kind === kind)
  return [
    of('User').map((s) => s.name).join(', '),
    of('Group').map((s) => s.name).join(', '),
    of('ServiceAccount').map((s) => `${s.namespace ?? ''}/${s.name}`).join(', '),
  ]
}

/** RoleBinding and ClusterRoleBinding: NAME ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS. */
export const roleBindingTable: TableDefinition = {
  columns: ['NAME', 'ROLE', 'AGE'],
  wideColumns: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row(obj, now) {
    const ref = (obj.roleRef as { kind?: string; name?: string } | undefined) ?? {}
    return [obj.metadata.name, `${ref.kind ?? ''}/${ref.name ?? ''}`, ageOf(obj.metadata.creationTimestamp, now)]
  },
  wideRow: subjectCells,
}
