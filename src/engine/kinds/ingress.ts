import { ageOf } from '../kubectl/podSummary.ts'
import { specOf } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { describeIngress } from '../kubectl/describe/describeIngress.ts'

interface IngressSpec {
  ingressClassName: string
  rules: { host?: string }[]
  tls: unknown[]
}

/** formatHosts: up to three hosts, `*` when no rule names one. */
function hosts(rules: { host?: string }[]): string {
  const max = 3
  const list = rules.slice(0, max).map((r) => r.host).filter((h): h is string => !!h)
  if (list.length === 0) return '*'
  return rules.length > max ? `${list.join(',')} + ${rules.length - max} more...` : list.join(',')
}

export const ingressKind = defineKind({
  names: { kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true },
  // No ingress controller gives it an address or routes traffic.
  simulated: false,
  nameRule: 'subdomain',
  describe: (ing, ctx) =>
    describeIngress(
      ing,
      {
        service: (name) => ctx.store.get('Service', ing.metadata.namespace, name),
        endpointSlices: (name) => ctx.store.list('EndpointSlice', ing.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name),
      },
      ctx.eventsFor(ing),
      ctx.now,
    ),
  table: {
    columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const spec = specOf<IngressSpec>(obj)
      const lb = (obj.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? []
      const address = lb.map((i) => i.ip || i.hostname || '').filter(Boolean).sort().join(',')
      return [obj.metadata.name, spec.ingressClassName ?? '<none>', hosts(spec.rules ?? []), address, spec.tls?.length ? '80, 443' : '80', ageOf(obj.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
})
