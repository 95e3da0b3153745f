import type { Pod } from '../../api/types.ts'

const AUDIENCE = 'https://kubernetes.default.svc.cluster.local'

function base64url(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A stand-in signature: one FNV-1a pass over the token, stretched to 64 hex digits. */
function signatureOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return Array.from({ length: 8 }, (_, i) => (Math.imul(h ^ (i * 0x9e3779b9), 0x01000193) >>> 0).toString(16).padStart(8, '0')).join('')
}

/**
 * The bound service account token the kubelet writes into a projected volume: a JWT
 * with the claims a real one carries (audience, expiry, pod and service account). The
 * signature is a stand-in: nothing in kubesim verifies it.
 */
export function serviceAccountToken(pod: Pod, issuedAtSeconds: number, expirationSeconds = 3607): string {
  const namespace = pod.metadata.namespace ?? 'default'
  const account = pod.spec.serviceAccountName ?? 'default'
  const header = { alg: 'RS256', kid: 'kubesim' }
  const claims = {
    aud: [AUDIENCE],
    exp: issuedAtSeconds + expirationSeconds,
    iat: issuedAtSeconds,
    iss: AUDIENCE,
    'kubernetes.io': {
      namespace,
      node: { name: pod.spec.nodeName ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: account },
    },
    nbf: issuedAtSeconds,
    sub: `system:serviceaccount:${namespace}:${account}`,
  }
  const body = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = base64url(signatureOf(body))
  return `${body}.${signature}`
}
