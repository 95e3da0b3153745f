import type { KubeObject } from '../../api/types.ts'
import { DEFAULT_CLASS_ANNOTATION, INGRESS_CLASS_ANNOTATION, type Ingress } from '../../network/ingressTypes.ts'
import type { AdmissionPlugin } from './plugin.ts'

/**
 * DefaultIngressClass (plugin/pkg/admission/network/defaultingressclass): a new Ingress
 * that names no class, neither in spec.ingressClassName nor in the legacy annotation,
 * gets the IngressClass annotated `ingressclass.kubernetes.io/is-default-class: "true"`;
 * with several, the newest.
 */
export const defaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  admit(a) {
    if (a.operation !== 'CREATE' || a.obj.kind !== 'Ingress') return
    const ing = a.obj as Ingress
    ing.spec ??= {}
    if (ing.spec.ingressClassName || ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return
    const defaults = a.store
      .list<KubeObject>('IngressClass')
      .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
      .sort((x, y) => (x.metadata.creationTimestamp < y.metadata.creationTimestamp ? 1 : x.metadata.creationTimestamp > y.metadata.creationTimestamp ? -1 : 0))
    if (defaults.length > 0) ing.spec.ingressClassName = defaults[0].metadata.name
  },
}
