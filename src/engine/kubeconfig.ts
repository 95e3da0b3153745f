/**
 * The kubeconfig kubectl reads: one cluster and one user, both named `kubesim`, and
 * contexts over them (`kubesim` to begin with, as kind names all three after the
 * cluster). It lives on the Simulation so that `kubectl config set-context --current
 * --namespace=dev` changes the namespace of every later command, as it does on a
 * real machine.
 */
export interface KubeconfigContext {
  cluster: string
  user: string
  namespace?: string
}

export interface Kubeconfig {
  /** '' when unset (after the current context was deleted). */
  currentContext: string
  contexts: Record<string, KubeconfigContext>
}

export const KUBESIM_CLUSTER = 'kubesim'
export const KUBESIM_USER = 'kubesim'
/** Where kubectl reaches the API server: the control plane's port, published on the host. */
export const KUBESIM_SERVER = 'https://127.0.0.1:6443'
/** Stand-ins for the PEM data a real kubeconfig carries (base64 of a short placeholder). */
export const CA_DATA = btoa('-----BEGIN CERTIFICATE-----\nkubesim simulated cluster CA\n-----END CERTIFICATE-----\n')
export const CLIENT_CERT_DATA = btoa('-----BEGIN CERTIFICATE-----\nkubesim simulated admin certificate\n-----END CERTIFICATE-----\n')
export const CLIENT_KEY_DATA = btoa('-----BEGIN PRIVATE KEY-----\nkubesim simulated admin key\n-----END PRIVATE KEY-----\n')

export function initialKubeconfig(): Kubeconfig {
  return { currentContext: 'kubesim', contexts: { kubesim: { cluster: KUBESIM_CLUSTER, user: KUBESIM_USER } } }
}

/** The namespace commands use without -n: the context's, or `default`. */
export function contextNamespace(config: Kubeconfig, contextName = config.currentContext): string {
  return config.contexts[contextName]?.namespace || 'default'
}
