import type { KubeObject } from '../../api/types.ts'
import { DescribeWriter } from '../describeWriter.ts'
import { describeMetadataHeader } from './describeMetadataHeader.ts'

interface Binding extends KubeObject {
  roleRef?: { kind?: string; name?: string }
  subjects?: { kind?: string; name?: string; namespace?: string }[]
}

/** `kubectl describe rolebinding|clusterrolebinding` (RoleBindingDescriber): the role and a table of subjects. */
export function describeRoleBinding(binding: Binding): string {
  const w = new DescribeWriter()
  describeMetadataHeader(w, binding, false)
  w.write(0, 'Role:\n')
  w.write(1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`)
  w.write(1, `Name:\t${binding.roleRef?.name ?? ''}\n`)
  w.write(0, 'Subjects:\n')
  w.write(1, 'Kind\tName\tNamespace\n')
  w.write(1, '----\t----\t---------\n')
  for (const s of binding.subjects ?? []) w.write(1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`)
  return w.toString()
}
