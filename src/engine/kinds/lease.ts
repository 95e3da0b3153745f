import { invalid, type FieldError } from '../admission/fieldErrors.ts'
import { struct, topLevel } from '../admission/decodeShapes.ts'
import type { KubeObject } from '../api/types.ts'
import { parseSimTime } from '../clock.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'

/** Where kubelets keep their node heartbeats, one Lease per node named after it. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease'

/** coordination.k8s.io/v1 LeaseSpec; the times are MicroTime (RFC 3339 with microseconds). */
export interface LeaseSpec {
  holderIdentity?: string
  leaseDurationSeconds?: number
  acquireTime?: string
  renewTime?: string
  leaseTransitions?: number
  strategy?: string
  preferredHolder?: string
}

export interface Lease extends KubeObject {
  spec: LeaseSpec
}

/** Simulated milliseconds of the lease's last renewal, or undefined when it was never renewed. */
export function leaseRenewedAt(lease: KubeObject | undefined): number | undefined {
  const renewTime = lease && specOf<LeaseSpec>(lease).renewTime
  const ms = renewTime ? parseSimTime(renewTime) : NaN
  return Number.isFinite(ms) ? ms : undefined
}

const leaseShape = topLevel('v1.Lease', {
  spec: struct('v1.LeaseSpec', {
    holderIdentity: 'string',
    leaseDurationSeconds: 'int32',
    acquireTime: 'string',
    renewTime: 'string',
    leaseTransitions: 'int32',
    strategy: 'string',
    preferredHolder: 'string',
  }),
})

export const leaseKind = defineKind<Lease>({
  names: { kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', plural: 'leases', singular: 'lease', shortNames: [], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  shape: leaseShape,
  hasSpec: true,
  noGeneration: true,
  // pkg/apis/coordination/validation ValidateLeaseSpec.
  validate(lease) {
    const errors: FieldError[] = []
    const { leaseDurationSeconds, leaseTransitions } = lease.spec
    if (leaseDurationSeconds !== undefined && leaseDurationSeconds <= 0) errors.push(invalid('spec.leaseDurationSeconds', leaseDurationSeconds, 'must be greater than 0'))
    if (leaseTransitions !== undefined && leaseTransitions < 0) errors.push(invalid('spec.leaseTransitions', leaseTransitions, 'must be greater than or equal to 0'))
    return errors
  },
  table: {
    columns: ['NAME', 'HOLDER', 'AGE'],
    wideColumns: [],
    row: (obj, now) => [obj.metadata.name, specOf<LeaseSpec>(obj).holderIdentity ?? '', ageOf(obj.metadata.creationTimestamp, now)],
    wideRow: () => [],
  },
})
