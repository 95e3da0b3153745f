import type { KubeObject, Pod } from '../../api/types.ts'
import { forbidden, type AdmissionPlugin } from './plugin.ts'

interface PriorityClass extends KubeObject {
  value: number
  globalDefault?: boolean
  preemptionPolicy?: string
}

/**
 * Priority (plugin/pkg/admission/priority): a new pod's spec.priority comes from its
 * priorityClassName, or from the class marked globalDefault, or is 0. A name with no
 * class behind it is refused, and so is a priority the pod states itself.
 */
export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(a) {
    if (a.operation !== 'CREATE' || a.obj.kind !== 'Pod') return
    const spec = (a.obj as Pod).spec
    const name = spec.priorityClassName as string | undefined
    const pc = name
      ? a.store.get<PriorityClass>('PriorityClass', undefined, name)
      : a.store.list<PriorityClass>('PriorityClass').find((c) => c.globalDefault)
    if (name && !pc) throw forbidden(a, `no PriorityClass with name ${name} was found`, 'spec.priorityClassName')
    const value = pc?.value ?? 0
    if (spec.priority !== undefined && spec.priority !== value) {
      throw forbidden(a, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`, 'spec.priority')
    }
    if (pc && !name) spec.priorityClassName = pc.metadata.name
    spec.priority = value
    // Without a class the plugin's default policy applies too: every pod reads PreemptLowerPriority.
    spec.preemptionPolicy ??= pc?.preemptionPolicy ?? 'PreemptLowerPriority'
  },
}

/** The classes every cluster has (the API server creates them at start). */
export const SYSTEM_PRIORITY_CLASSES = [
  { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
]
