import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { allowed, cidrContains, pluginAllows } from '../../src/engine/network/networkPolicy.ts'
import { apply, kubectl, newSim, podYaml } from '../helpers.ts'

type Sim = ReturnType<typeof newSim>

function setup(): Sim {
  const sim = newSim()
  kubectl(sim, 'create namespace other')
  kubectl(sim, 'label namespace other project=myproject')
  apply(sim, podYaml('db', 'nginx:1.27', '    ports:\n    - containerPort: 6379\n      name: redis').replace('name: db', 'name: db\n  labels: {role: db}'))
  apply(sim, podYaml('frontend', 'nginx:1.27').replace('name: frontend', 'name: frontend\n  labels: {role: frontend}'))
  apply(sim, podYaml('stranger', 'nginx:1.27'))
  apply(sim, podYaml('visitor', 'nginx:1.27').replace('name: visitor', 'name: visitor\n  namespace: other\n  labels: {role: frontend}'))
  apply(sim, podYaml('outsider', 'nginx:1.27').replace('name: outsider', 'name: outsider\n  namespace: kube-public\n  labels: {role: frontend}'))
  sim.advance(30_000)
  return sim
}
const pod = (sim: Sim, name: string, ns = 'default') => ({ pod: sim.store.get<Pod>('Pod', ns, name)! })
const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${spec}`

describe('NetworkPolicy evaluation', () => {
  it('allows everything until a policy selects a pod', () => {
    const sim = setup()
    expect(allowed(sim.store, pod(sim, 'stranger'), pod(sim, 'db'), 6379)).toBe(true)
    expect(allowed(sim.store, { ip: '8.8.8.8' }, pod(sim, 'db'), 1)).toBe(true)
  })

  it('default-deny ingress isolates every pod of the namespace, and only for ingress', () => {
    const sim = setup()
    apply(sim, policy('default-deny-ingress', '  podSelector: {}\n  policyTypes:\n  - Ingress'))
    expect(allowed(sim.store, pod(sim, 'frontend'), pod(sim, 'db'), 6379)).toBe(false)
    expect(allowed(sim.store, pod(sim, 'visitor', 'other'), pod(sim, 'stranger'), 80)).toBe(false)
    // Egress is untouched: default pods reach out freely.
    expect(allowed(sim.store, pod(sim, 'db'), pod(sim, 'visitor', 'other'), 80)).toBe(true)
  })

  it("the docs' test-network-policy: ipBlock with except, namespaceSelector, podSelector, a port", () => {
    const sim = setup()
    apply(
      sim,
      policy(
        'test-network-policy',
        `  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - ipBlock:
        cidr: 172.17.0.0/16
        except:
        - 172.17.1.0/24
    - namespaceSelector:
        matchLabels:
          project: myproject
    - podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 6379
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/24
    ports:
    - protocol: TCP
      port: 5978`,
      ),
    )
    const db = pod(sim, 'db')
    expect(allowed(sim.store, pod(sim, 'frontend'), db, 6379)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'frontend'), db, 80)).toBe(false)
    expect(allowed(sim.store, pod(sim, 'frontend'), db, 6379, 'UDP')).toBe(false)
    expect(allowed(sim.store, pod(sim, 'stranger'), db, 6379)).toBe(false)
    // Any pod of a namespace labelled project=myproject.
    expect(allowed(sim.store, pod(sim, 'visitor', 'other'), db, 6379)).toBe(true)
    // role=frontend in another namespace does not count: podSelector alone means the policy's namespace.
    expect(allowed(sim.store, pod(sim, 'outsider', 'kube-public'), db, 6379)).toBe(false)
    expect(allowed(sim.store, { ip: '172.17.0.5' }, db, 6379)).toBe(true)
    expect(allowed(sim.store, { ip: '172.17.1.5' }, db, 6379)).toBe(false)
    expect(allowed(sim.store, { ip: '172.18.0.5' }, db, 6379)).toBe(false)
    // Egress from db: only 10.0.0.0/24 on 5978.
    expect(allowed(sim.store, db, { ip: '10.0.0.7' }, 5978)).toBe(true)
    expect(allowed(sim.store, db, { ip: '10.0.0.7' }, 80)).toBe(false)
    expect(allowed(sim.store, db, pod(sim, 'frontend'), 80)).toBe(false)
  })

  it('namespaceSelector and podSelector in one peer mean both; in two peers, either', () => {
    const sim = setup()
    const and = '  podSelector:\n    matchLabels: {role: db}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {project: myproject}\n      podSelector:\n        matchLabels: {role: frontend}'
    apply(sim, policy('and', and))
    const db = pod(sim, 'db')
    expect(allowed(sim.store, pod(sim, 'visitor', 'other'), db, 6379)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'frontend'), db, 6379)).toBe(false)
    apply(sim, policy('or', '  podSelector:\n    matchLabels: {role: db}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {role: frontend}'))
    // Policies add up: the second one lets the local frontend in.
    expect(allowed(sim.store, pod(sim, 'frontend'), db, 6379)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'stranger'), db, 6379)).toBe(false)
  })

  it('selects namespaces by their kubernetes.io/metadata.name label', () => {
    const sim = setup()
    apply(sim, policy('from-other', '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: other'))
    expect(allowed(sim.store, pod(sim, 'visitor', 'other'), pod(sim, 'stranger'), 80)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'frontend'), pod(sim, 'stranger'), 80)).toBe(false)
  })

  it('matches named ports, and port ranges with endPort', () => {
    const sim = setup()
    apply(sim, policy('named', '  podSelector:\n    matchLabels: {role: db}\n  ingress:\n  - ports:\n    - port: redis'))
    expect(allowed(sim.store, pod(sim, 'stranger'), pod(sim, 'db'), 6379)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'stranger'), pod(sim, 'db'), 6380)).toBe(false)
    apply(sim, policy('range', '  podSelector:\n    matchLabels: {role: frontend}\n  ingress:\n  - ports:\n    - port: 32000\n      endPort: 32768'))
    expect(allowed(sim.store, pod(sim, 'stranger'), pod(sim, 'frontend'), 32000)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'stranger'), pod(sim, 'frontend'), 32768)).toBe(true)
    expect(allowed(sim.store, pod(sim, 'stranger'), pod(sim, 'frontend'), 32769)).toBe(false)
  })

  it('an egress rule makes Egress a default policy type; default-deny egress stops everything out', () => {
    const sim = setup()
    apply(sim, policy('deny-egress', '  podSelector: {}\n  policyTypes:\n  - Egress'))
    expect(allowed(sim.store, pod(sim, 'frontend'), pod(sim, 'db'), 6379)).toBe(false)
    expect(allowed(sim.store, pod(sim, 'visitor', 'other'), pod(sim, 'db'), 6379)).toBe(true)
    apply(sim, policy('egress-dns', '  podSelector: {}\n  egress:\n  - ports:\n    - port: 53\n      protocol: UDP'))
    expect((sim.store.get('NetworkPolicy', 'default', 'egress-dns')!.spec as { policyTypes: string[] }).policyTypes).toEqual(['Ingress', 'Egress'])
    expect(allowed(sim.store, pod(sim, 'frontend'), { ip: '10.96.0.10' }, 53, 'UDP')).toBe(true)
  })

  it('allow-all ingress lets anything in despite a default deny', () => {
    const sim = setup()
    apply(sim, policy('default-deny-ingress', '  podSelector: {}\n  policyTypes:\n  - Ingress'))
    apply(sim, policy('allow-all-ingress', '  podSelector: {}\n  ingress:\n  - {}\n  policyTypes:\n  - Ingress'))
    expect(allowed(sim.store, pod(sim, 'visitor', 'other'), pod(sim, 'db'), 1234)).toBe(true)
  })

  it('cidrContains handles /0, /32 and bad input', () => {
    expect(cidrContains('0.0.0.0/0', '1.2.3.4')).toBe(true)
    expect(cidrContains('10.0.0.1/32', '10.0.0.1')).toBe(true)
    expect(cidrContains('10.0.0.1/32', '10.0.0.2')).toBe(false)
    expect(cidrContains('nonsense', '10.0.0.2')).toBe(false)
  })
})

describe('NetworkPolicy objects', () => {
  it('are refused as the API server words it', () => {
    const sim = newSim()
    expect(apply(sim, policy('bad', '  podSelector: {}\n  ingress:\n  - from:\n    - {}\n    ports:\n    - port: 80\n      endPort: 70\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 10.0.0.0/24\n        except: [10.1.0.0/24]\n      podSelector: {}'))).toEqual([
      'The NetworkPolicy "bad" is invalid: \n* spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`\n* spec.ingress[0].from[0]: Required value: must specify a peer\n* spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`\n* spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer',
    ])
  })

  it('are stored but ignored by a network plugin that does not enforce them (Flannel)', () => {
    for (const enforcing of [true, false]) {
      const sim = newSim({ networkPolicies: enforcing })
      expect(sim.cluster.networkPolicies).toBe(enforcing)
      apply(sim, podYaml('a', 'nginx:1.27'))
      apply(sim, podYaml('b', 'nginx:1.27'))
      sim.advance(30_000)
      expect(apply(sim, policy('default-deny-ingress', '  podSelector: {}\n  policyTypes:\n  - Ingress'))).toEqual(['networkpolicy.networking.k8s.io/default-deny-ingress created'])
      const [a, b] = [pod(sim, 'a'), pod(sim, 'b')]
      expect(pluginAllows(sim.cluster.networkPolicies, sim.store, a, b, 80)).toBe(!enforcing)
    }
    expect(newSim().cluster.networkPolicies).toBe(true)
  })
})
