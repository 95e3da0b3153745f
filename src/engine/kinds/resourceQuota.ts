import { struct, topLevel } from '../admission/decodeShapes.ts'
import { invalid, type FieldError } from '../admission/fieldErrors.ts'
import type { KubeObject } from '../api/types.ts'
import { describeQuota } from '../kubectl/describe/describeQuota.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { canonicalQuantity, formatExactQuantity, parseExactQuantity } from '../util/exactQuantity.ts'
import { defineKind } from './kindModule.ts'

export interface ResourceQuota extends KubeObject {
  kind: 'ResourceQuota'
  spec: { hard?: Record<string, string>; scopes?: string[]; scopeSelector?: unknown }
  status: { hard?: Record<string, string>; used?: Record<string, string> }
}

const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity', 'VolumeAttributesClass']

/** A resource list as the API server stores it: canonical quantities. */
export function canonicalList(raw: Record<string, string | number> | undefined): Record<string, string> | undefined {
  if (!raw) return undefined
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, canonicalQuantity(v)]))
}

/** `pods: 2/10, requests.cpu: 500m/1` (printResourceQuota): each column's cells, `limits.*` apart. */
function usageCells(quota: ResourceQuota): [string, string] {
  const request: string[] = []
  const limit: string[] = []
  const hard = quota.status?.hard ?? {}
  for (const resource of Object.keys(hard).sort()) {
    const used = quota.status?.used?.[resource] ?? '0'
    const cell = `${resource}: ${used}/${hard[resource]}`
    if (resource.split('.').length > 1 && resource.split('.')[0] === 'limits') limit.push(cell)
    else request.push(cell)
  }
  return [request.join(', '), limit.join(', ')]
}

export const resourceQuotaKind = defineKind<ResourceQuota>({
  names: { kind: 'ResourceQuota', group: '', version: 'v1', plural: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'], namespaced: true },
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  shape: topLevel('v1.ResourceQuota', {
    spec: struct('v1.ResourceQuotaSpec', { hard: 'quantities', scopes: '[]string', scopeSelector: 'any' }),
  }),
  defaults(quota) {
    const hard = canonicalList(quota.spec.hard)
    if (hard) quota.spec.hard = hard
  },
  // PrepareForCreate: the quota controller, not the client, fills in status.
  initialStatus: () => ({}),
  validate(quota): FieldError[] {
    const errors: FieldError[] = []
    for (const [k, v] of Object.entries(quota.spec.hard ?? {})) {
      const q = parseExactQuantity(v)
      if (q && q.nano < 0n) errors.push(invalid(`spec.hard[${k}]`, formatExactQuantity(q), 'must be greater than or equal to 0'))
    }
    const scopes = quota.spec.scopes ?? []
    if (scopes.some((s) => !SCOPES.includes(s))) errors.push(invalid('spec.scopes', scopes, 'unsupported scope'))
    return errors
  },
  table: {
    // Upstream printers.go moved AGE last (NAME REQUEST LIMIT AGE) in current releases;
    // older clusters print NAME AGE REQUEST LIMIT. kubesim follows current upstream.
    columns: ['NAME', 'REQUEST', 'LIMIT', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const [request, limit] = usageCells(obj as ResourceQuota)
      return [obj.metadata.name, request, limit, ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
  describe: (quota) => describeQuota(quota),
})
