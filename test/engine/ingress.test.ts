import { describe, expect, it } from 'vitest'
import type { KubeEvent } from '../../src/engine/api/types.ts'
import { INGRESS_NGINX_MANIFEST, INGRESS_NGINX_MANIFEST_URL } from '../../src/engine/network/ingressNginx.ts'
import type { Ingress } from '../../src/engine/network/ingressTypes.ts'
import { apply, deploymentYaml, kubectl, newSim } from '../helpers.ts'

const ingressYaml = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n${spec}`
const simple = (cls = '  ingressClassName: nginx\n') =>
  `${cls}  rules:\n  - host: foo.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80`
/** kubectl's checkErr: one cause after the colon, several as `* ` lines (given here as the server's `[a, b]`). */
const refused = (name: string, body: string) =>
  `The Ingress "${name}" is invalid: ${body.startsWith('[spec') ? '\n* ' + body.slice(1, -1).split(/, (?=spec\.)/).join('\n* ') : body}`
const address = (sim: ReturnType<typeof newSim>, name = 'web') => sim.store.get<Ingress>('Ingress', 'default', name)!.status?.loadBalancer?.ingress ?? []

describe('Ingress validation', () => {
  it('refuses what the API server refuses, in its words', () => {
    const sim = newSim()
    expect(apply(sim, ingressYaml('a', '  ingressClassName: nginx'))).toEqual([refused('a', 'spec: Invalid value: null: either `defaultBackend` or `rules` must be specified')])
    const path = (p: string) => `  rules:\n  - http:\n      paths:\n${p}`
    expect(apply(sim, ingressYaml('b', path('      - path: /\n        backend:\n          service:\n            name: web\n            port:\n              number: 80')))).toEqual([
      refused('b', 'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'),
    ])
    expect(apply(sim, ingressYaml('c', path('      - path: foo\n        pathType: Prefix\n        backend:\n          service:\n            name: Web\n            port:\n              name: http')))).toEqual([
      refused(
        'c',
        '[spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path, spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')]',
      ),
    ])
    expect(apply(sim, ingressYaml('d', path('      - path: /a//b\n        pathType: Sometimes\n        backend:\n          service:\n            name: web')))).toEqual([
      refused('d', '[spec.rules[0].http.paths[0].pathType: Unsupported value: "Sometimes": supported values: "Exact", "ImplementationSpecific", "Prefix", spec.rules[0].http.paths[0].backend: Required value: port name or number is required]'),
    ])
    expect(apply(sim, ingressYaml('e', '  rules:\n  - host: "*.*.foo.com"\n  - host: 10.0.0.1\n  - host: "*.foo.com"'))).toEqual([
      refused(
        'e',
        '[spec.rules[0].host: Invalid value: "*.*.foo.com": a wildcard DNS-1123 subdomain must start with \'*.\', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, \'-\' or \'.\' and end with an alphanumeric character (e.g. \'*.example.com\', regex used for validation is \'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\'), spec.rules[1].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address]',
      ),
    ])
    expect(apply(sim, ingressYaml('f', '  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n        name: http'))).toEqual([refused('f', 'spec.defaultBackend: Invalid value: "": cannot set both port name & port number')])
    expect(apply(sim, ingressYaml('g', '  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80').replace('name: g', 'name: g\n  annotations:\n    kubernetes.io/ingress.class: traefik').replace('spec:\n', 'spec:\n  ingressClassName: nginx\n'))).toEqual([
      refused('g', 'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified'),
    ])
  })

  it('lists NAME CLASS HOSTS ADDRESS PORTS AGE, hosts beyond three as `+ N more...`', () => {
    const sim = newSim()
    const rules = ['a.com', '', 'b.com', 'c.com', 'd.com'].map((h) => `  - ${h ? `host: ${h}\n    ` : ''}http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80`)
    apply(sim, ingressYaml('many', `  tls:\n  - hosts: [a.com]\n    secretName: a-tls\n  rules:\n${rules.join('\n')}`))
    apply(sim, ingressYaml('web', simple('')))
    expect(kubectl(sim, 'get ingress')).toBe(['NAME   CLASS    HOSTS                           ADDRESS   PORTS     AGE', 'many   <none>   a.com,b.com,c.com + 2 more...             80, 443   0s', 'web    <none>   foo.com                                   80        0s', ''].join('\n'))
  })
})

describe('DefaultIngressClass admission', () => {
  it('gives a new Ingress without a class the default IngressClass, the newest of several', () => {
    const sim = newSim()
    const cls = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: ${name}\n  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\nspec:\n  controller: example.com/${name}`
    apply(sim, ingressYaml('before', simple('')))
    apply(sim, cls('first'))
    sim.advance(1_000)
    apply(sim, cls('second'))
    apply(sim, ingressYaml('after', simple('')))
    apply(sim, ingressYaml('legacy', simple('')).replace('name: legacy', 'name: legacy\n  annotations:\n    kubernetes.io/ingress.class: nginx'))
    const classOf = (name: string) => sim.store.get<Ingress>('Ingress', 'default', name)!.spec.ingressClassName
    expect([classOf('before'), classOf('after'), classOf('legacy')]).toEqual([undefined, 'second', undefined])
    expect(apply(sim, `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: bad\nspec:\n  controller: nginx`)).toEqual([
      'The IngressClass "bad" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ])
  })
})

describe('the ingress-nginx controller', () => {
  function withBackend(cluster = {}) {
    const sim = newSim(cluster)
    apply(sim, deploymentYaml('web', 2, 'nginx:1.27'))
    kubectl(sim, 'expose deploy web --port 80')
    apply(sim, ingressYaml('web', simple()))
    sim.advance(30_000)
    return sim
  }

  it('nothing gives an Ingress an address until a controller runs; then its LoadBalancer address, with Sync events', () => {
    const sim = withBackend()
    expect(address(sim)).toEqual([])
    expect(kubectl(sim, `apply -f ${INGRESS_NGINX_MANIFEST_URL}`)).toBe(
      [
        'namespace/ingress-nginx created',
        'serviceaccount/ingress-nginx created',
        'configmap/ingress-nginx-controller created',
        'service/ingress-nginx-controller created',
        'deployment.apps/ingress-nginx-controller created',
        'ingressclass.networking.k8s.io/nginx created',
        '',
      ].join('\n'),
    )
    sim.advance(60_000)
    const lb = (sim.store.get('Service', 'ingress-nginx', 'ingress-nginx-controller')!.status as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress[0].ip
    expect(address(sim)).toEqual([{ ip: lb }])
    const events = sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.kind === 'Ingress')
    expect(events.map((e) => [e.reason, e.message, e.source.component, e.count])).toEqual([['Sync', 'Scheduled for sync', 'nginx-ingress-controller', 2]])
    // A later Ingress waits for the next status sync, at most a minute.
    apply(sim, ingressYaml('later', simple()))
    expect(address(sim, 'later')).toEqual([])
    sim.advance(60_000)
    expect(address(sim, 'later')).toEqual([{ ip: lb }])
    // Ingresses of another class are not its business.
    apply(sim, ingressYaml('other', simple('  ingressClassName: traefik\n')))
    sim.advance(120_000)
    expect(address(sim, 'other')).toEqual([])
    // Without the controller the address goes.
    kubectl(sim, 'scale deploy ingress-nginx-controller -n ingress-nginx --replicas 0')
    sim.advance(60_000)
    expect(address(sim)).toEqual([])
  })

  it('on bare metal the LoadBalancer Service stays pending and so does the address; without --publish-service, node IPs', () => {
    const sim = withBackend({ loadBalancers: false })
    apply(sim, INGRESS_NGINX_MANIFEST)
    sim.advance(120_000)
    expect(address(sim)).toEqual([])
    apply(sim, INGRESS_NGINX_MANIFEST.replace('        - --publish-service=$(POD_NAMESPACE)/ingress-nginx-controller\n', '').replace('type: LoadBalancer', 'type: NodePort'))
    sim.advance(180_000)
    const pod = sim.store.list('Pod', 'ingress-nginx').find((p) => !p.metadata.deletionTimestamp)!
    const node = sim.store.get('Node', undefined, (pod.spec as { nodeName: string }).nodeName)!
    const ip = (node.status as { addresses: { type: string; address: string }[] }).addresses.find((a) => a.type === 'InternalIP')!.address
    expect(address(sim)).toEqual([{ ip }])
  })
})
