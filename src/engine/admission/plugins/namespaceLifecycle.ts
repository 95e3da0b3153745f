import { ApiError } from '../../api/errors.ts'
import { qualifiedPlural } from '../../api/resources.ts'
import type { Namespace } from '../../kinds/namespace.ts'
import type { AdmissionPlugin } from './plugin.ts'

/** The status cause of a create refused because its namespace is being deleted (v1.NamespaceTerminatingCause). */
export const NAMESPACE_TERMINATING = 'NamespaceTerminating'

/**
 * NamespaceLifecycle: nothing is created in a namespace that does not exist or is
 * being deleted (plugin/pkg/admission/namespace/lifecycle).
 */
export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a) {
    if (a.operation !== 'CREATE' || !a.module.names.namespaced) return
    const namespace = a.obj.metadata.namespace ?? 'default'
    const ns = a.store.get<Namespace>('Namespace', undefined, namespace)
    if (!ns) throw new ApiError('NotFound', `namespaces "${namespace}" not found`, 'metadata.namespace')
    if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') {
      // Events about the namespace's own teardown are still let in, as the real plugin does.
      if (a.obj.kind === 'Event') return
      throw new ApiError(
        'Forbidden',
        `${qualifiedPlural(a.module.names)} "${a.obj.metadata.name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        'metadata.namespace',
        NAMESPACE_TERMINATING,
      )
    }
  },
}
