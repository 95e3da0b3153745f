import { ageOf } from '../kubectl/podSummary.ts'
import type { KubeObject } from '../api/types.ts'
import { humanDuration } from '../util/duration.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'

interface CSRSpec {
  signerName: string
  username: string
  expirationSeconds: number
}

/** extractCSRStatus: Denied, Approved or Pending, then `,Failed` and `,Issued`. */
function condition(obj: KubeObject): string {
  const status = (obj.status ?? {}) as { conditions?: { type: string }[]; certificate?: string }
  const has = (t: string) => (status.conditions ?? []).some((c) => c.type === t)
  let out = has('Denied') ? 'Denied' : has('Approved') ? 'Approved' : 'Pending'
  if (has('Failed')) out += ',Failed'
  if (status.certificate) out += ',Issued'
  return out
}

export const certificateSigningRequestKind = defineKind({
  names: { kind: 'CertificateSigningRequest', group: 'certificates.k8s.io', version: 'v1', plural: 'certificatesigningrequests', singular: 'certificatesigningrequest', shortNames: ['csr'], namespaced: false },
  // No signer issues certificates, and approval is not simulated.
  simulated: false,
  nameRule: 'subdomain',
  table: {
    columns: ['NAME', 'AGE', 'SIGNERNAME', 'REQUESTOR', 'REQUESTEDDURATION', 'CONDITION'],
    wideColumns: [],
    row(obj, now) {
      const spec = specOf<CSRSpec>(obj)
      return [
        obj.metadata.name,
        ageOf(obj.metadata.creationTimestamp, now),
        spec.signerName || '<none>',
        spec.username ?? '',
        spec.expirationSeconds === undefined ? '<none>' : humanDuration(spec.expirationSeconds * 1000),
        condition(obj),
      ]
    },
    wideRow: () => [],
  },
})
