import type { KubeObject } from '../api/types.ts'
import { describeNamespace } from '../kubectl/describe/describeNamespace.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { ApiError } from '../api/errors.ts'
import { defineKind } from './kindModule.ts'

export interface Namespace extends KubeObject {
  kind: 'Namespace'
  spec: { finalizers?: string[] }
  status: { phase: 'Active' | 'Terminating'; conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime: string }[] }
}

/** The namespaces every cluster starts with. */
export const INITIAL_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

/** Namespaces that exist as long as the cluster does (the namespace registry's guard). */
const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public'])

export const namespaceKind = defineKind<Namespace>({
  names: { kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false },
  simulated: true,
  nameRule: 'label',
  hasSpec: true,
  fieldLabels: ['status.phase'],
  defaults(ns, ctx) {
    // The API server labels every namespace with its own name (NamespaceDefaultLabelName).
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name }
    // spec.finalizers is set on create and changes only through the finalize subresource.
    const old = ctx.old as Namespace | undefined
    if (old) ns.spec = { ...ns.spec, finalizers: old.spec?.finalizers ?? [] }
    else {
      const requested = ns.spec?.finalizers ?? []
      ns.spec = { ...ns.spec, finalizers: requested.includes('kubernetes') ? requested : [...requested, 'kubernetes'] }
    }
  },
  initialStatus: () => ({ phase: 'Active' }),
  deletion: {
    prepare(ns) {
      if (UNDELETABLE_NAMESPACES.has(ns.metadata.name)) {
        throw new ApiError('Forbidden', `namespaces "${ns.metadata.name}" is forbidden: this namespace may not be deleted`)
      }
      // Deleting a namespace starts its teardown; the namespace controller empties it.
      ns.status = { ...ns.status, phase: 'Terminating' }
    },
    extraFinalizers: (ns) => ns.spec?.finalizers ?? [],
  },
  table: {
    columns: ['NAME', 'STATUS', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, (obj as Namespace).status?.phase ?? 'Active', ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
  describe: (ns, ctx) => describeNamespace(ns, ctx.store.list('ResourceQuota', ns.metadata.name), ctx.store.list('LimitRange', ns.metadata.name)),
})
