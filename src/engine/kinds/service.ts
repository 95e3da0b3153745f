import { list, openStruct, struct, topLevel } from '../admission/decodeShapes.ts'
import { defaultService } from '../admission/serviceDefaults.ts'
import { serviceAllocationErrors, validateService, validateServiceUpdate } from '../admission/serviceValidation.ts'
import type { KubeObject } from '../api/types.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import { formatLabels } from '../util/labels.ts'
import { defineKind } from './kindModule.ts'

interface ServiceView {
  type?: string
  clusterIP?: string
  externalIPs?: string[]
  externalName?: string
  selector?: Record<string, string>
  ports?: { port: number; nodePort?: number; protocol?: string }[]
}

function externalIP(obj: KubeObject, spec: ServiceView): string {
  const lbIngress = (obj.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []
  if (spec.type === 'LoadBalancer') return lbIngress.length ? lbIngress.map((i) => i.ip ?? i.hostname).join(',') : '<pending>'
  if (spec.type === 'ExternalName') return spec.externalName ?? '<none>'
  if (spec.externalIPs?.length) return spec.externalIPs.join(',')
  return '<none>'
}

const shape = topLevel('v1.Service', {
  spec: openStruct('v1.ServiceSpec', {
    type: 'string', clusterIP: 'string', clusterIPs: '[]string', selector: 'map[string]string', externalName: 'string',
    externalIPs: '[]string', sessionAffinity: 'string', publishNotReadyAddresses: 'bool',
    externalTrafficPolicy: 'string', internalTrafficPolicy: 'string', ipFamilies: '[]string', ipFamilyPolicy: 'string',
    ports: list(struct('v1.ServicePort', { name: 'string', protocol: 'string', appProtocol: 'string', port: 'int32', targetPort: 'intOrString', nodePort: 'int32' })),
  }),
})

export const serviceKind = defineKind({
  names: { kind: 'Service', group: '', version: 'v1', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true },
  simulated: true,
  nameRule: 'label',
  shape,
  hasSpec: true,
  // The service strategy never sets metadata.generation.
  noGeneration: true,
  fieldLabels: ['spec.clusterIP', 'spec.type'],
  defaults: defaultService,
  validate(obj, ctx) {
    // The allocators refuse before validation runs, and alone.
    const allocation = serviceAllocationErrors(obj, ctx)
    return allocation.length ? allocation : validateService(obj)
  },
  validateUpdate: validateServiceUpdate,
  initialStatus: () => ({ loadBalancer: {} }),
  table: {
    columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideColumns: ['SELECTOR'],
    row(obj, now) {
      const spec = (obj.spec ?? {}) as ServiceView
      const ports = (spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',')
      return [obj.metadata.name, spec.type ?? 'ClusterIP', spec.clusterIP ?? '<none>', externalIP(obj, spec), ports || '<none>', ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow(obj) {
      const selector = ((obj.spec ?? {}) as ServiceView).selector
      return [selector ? formatLabels(selector) : '<none>']
    },
  },
})
