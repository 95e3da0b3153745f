import type { KubeObject } from '../api/types.ts'

/** The networking.k8s.io/v1 Ingress fields kubesim reads (the rest is kept as it came). */
export interface IngressServiceBackend {
  name: string
  port: { number?: number; name?: string }
}

export interface IngressBackend {
  service?: IngressServiceBackend
  resource?: { apiGroup?: string; kind: string; name: string }
}

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific'

export interface HTTPIngressPath {
  path?: string
  pathType?: PathType
  backend: IngressBackend
}

export interface IngressRule {
  host?: string
  http?: { paths: HTTPIngressPath[] }
}

export interface IngressTLS {
  hosts?: string[]
  secretName?: string
}

export interface IngressSpec {
  ingressClassName?: string
  defaultBackend?: IngressBackend
  rules?: IngressRule[]
  tls?: IngressTLS[]
}

export interface LoadBalancerIngress {
  ip?: string
  hostname?: string
}

export interface Ingress extends KubeObject {
  spec: IngressSpec
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } }
}

/** The legacy annotation that names a class before spec.ingressClassName existed. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class'
/** Marks the IngressClass that new Ingresses without one get (DefaultIngressClass admission). */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class'

/** The class an Ingress asks for: spec.ingressClassName, else the legacy annotation. */
export function ingressClassOf(ing: Ingress): string | undefined {
  return ing.spec?.ingressClassName ?? ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
}
