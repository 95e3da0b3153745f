import { INGRESS_NGINX_MANIFEST, INGRESS_NGINX_MANIFEST_URL } from '../../network/ingressNginx.ts'
import { DOCS_EXAMPLE_MANIFESTS } from './docsExampleManifests.ts'

/**
 * The URLs the docs have students `kubectl apply -f`, answered from kubesim's own copy
 * since the simulation has no network: the URL as the docs print it → manifest text.
 */
export const WELL_KNOWN_MANIFESTS: Record<string, string> = {
  [INGRESS_NGINX_MANIFEST_URL]: INGRESS_NGINX_MANIFEST,
  ...DOCS_EXAMPLE_MANIFESTS,
}
