import { validateIngress } from '../admission/ingressValidation.ts'
import { describeIngress, ingressAddress } from '../kubectl/describe/describeIngress.ts'
import { ageOf } from '../kubectl/podSummary.ts'
import type { Ingress, IngressRule } from '../network/ingressTypes.ts'
import { defineKind } from './kindModule.ts'

/** formatHosts: the first three hosts named, `+ N more...` after them, `*` when no rule names one. */
function hosts(rules: IngressRule[]): string {
  const max = 3
  const list: string[] = []
  let more = false
  for (const rule of rules) {
    if (list.length === max) more = true
    if (!more && rule.host) list.push(rule.host)
  }
  if (list.length === 0) return '*'
  return more ? `${list.join(',')} + ${rules.length - max} more...` : list.join(',')
}

/** kubectl clips the ADDRESS column to 16 bytes outside `-o wide` (loadBalancerWidth). */
const LOAD_BALANCER_WIDTH = 16

export const ingressKind = defineKind<Ingress>({
  names: { kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true },
  // Stored and validated; routing needs an ingress controller, which the cluster does not have until one is installed.
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  initialStatus: () => ({ loadBalancer: {} }),
  // The class annotation must agree with ingressClassName only on create.
  validate: (ing, ctx) => validateIngress(ing, !ctx.old),
  table: {
    columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wideColumns: [],
    row(obj, now) {
      const ing = obj as Ingress
      const spec = ing.spec ?? {}
      let address = ingressAddress(ing)
      if (address.length > LOAD_BALANCER_WIDTH) address = address.slice(0, LOAD_BALANCER_WIDTH - 3) + '...'
      return [ing.metadata.name, spec.ingressClassName ?? '<none>', hosts(spec.rules ?? []), address, spec.tls?.length ? '80, 443' : '80', ageOf(ing.metadata.creationTimestamp, now)]
    },
    wideRow: () => [],
  },
  describe: (ing, ctx) => describeIngress(ing, ctx.store, ctx.eventsFor(ing), ctx.now),
})
